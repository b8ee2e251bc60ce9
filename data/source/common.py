"""Organisations, people and the generic pieces of customer prose.

Everything here is fiction written for this project.
"""

COMPANY = "AcmeFlow"
SUBDOMAIN = "acmeflow"
SUPPORT_ADDRESS = "support@acmeflow.com"

# code, organization_id, name, email domain, plan
ORGS = [
    ("BW", 360033549136, "Brightwater Logistics", "brightwater-logistics.com", "enterprise"),
    ("KH", 360041187220, "Kestrel Health Partners", "kestrelhealth.org", "business"),
    ("HM", 360052210983, "Hofmann Maschinenbau GmbH", "hofmann-maschinenbau.de", "business"),
    ("LR", 360019930472, "Lumen Retail Group", "lumenretail.co.uk", "enterprise"),
    ("CR", 360047716205, "Castillo & Ruiz Abogados", "castilloruiz.es", "starter"),
    ("PS", 360036602118, "Patchwork Studios", "patchworkstudios.io", "starter"),
    ("OF", 360044590031, "Orbital Freight Inc.", "orbitalfreight.com", "business"),
    ("MV", 360025518847, "Maison Verdier", "maisonverdier.fr", "business"),
    ("TC", 360058843296, "Tidewell Credit Union", "tidewellcu.org", "enterprise"),
    ("NS", 360030276654, "Nimbus Schools Trust", "nimbusschools.org.uk", "business"),
]

# Requesters per organisation: (first name, last name, job title, email local part)
PEOPLE = {
    "BW": [
        ("Dana", "Whitfield", "Operations Manager", "dana.whitfield"),
        ("Marcus", "Oyelaran", "IT Administrator", "marcus.o"),
        ("Priya", "Raman", "Finance Lead", "priya.raman"),
        ("Tom", "Kowalczyk", "Dispatcher", "tkowalczyk"),
        ("Jess", "Albright", "Systems Analyst", "jess.albright"),
        ("Luis", "Ortega", "Warehouse Supervisor", "lortega"),
        ("Hannah", "Fisk", "Accounts Payable", "hannah.fisk"),
        ("Greg", "Mbeki", "Head of IT", "greg.mbeki"),
    ],
    "KH": [
        ("Rachel", "Stone", "Practice Administrator", "rstone"),
        ("Kevin", "Doyle", "IT Support", "kevin.doyle"),
        ("Amira", "Haddad", "Billing Coordinator", "ahaddad"),
        ("Sean", "Mulligan", "Developer", "smulligan"),
        ("Olivia", "Grant", "Office Manager", "olivia.grant"),
    ],
    "HM": [
        ("Jürgen", "Hofmann", "Geschäftsführer", "j.hofmann"),
        ("Katrin", "Weber", "Buchhaltung", "k.weber"),
        ("Stefan", "Brandt", "IT-Leiter", "s.brandt"),
        ("Lena", "Vogel", "Einkauf", "l.vogel"),
    ],
    "LR": [
        ("Oliver", "Hughes", "Head of Digital", "oliver.hughes"),
        ("Charlotte", "Evans", "Store Operations", "charlotte.evans"),
        ("Imran", "Qureshi", "Integration Engineer", "imran.qureshi"),
        ("Sophie", "Clarke", "Finance Manager", "sophie.clarke"),
        ("Ben", "Thornton", "IT Service Desk", "ben.thornton"),
    ],
    "CR": [
        ("Lucía", "Castillo", "Socia", "lcastillo"),
        ("Javier", "Ruiz", "Socio", "jruiz"),
        ("Marta", "Gil", "Administración", "mgil"),
    ],
    "PS": [
        ("Zoe", "Park", "Studio Manager", "zoe"),
        ("Eli", "Brennan", "Founder", "eli"),
        ("Noor", "Sayed", "Producer", "noor"),
    ],
    "OF": [
        ("Carlos", "Mendes", "Logistics Coordinator", "cmendes"),
        ("Ashley", "Burke", "Controller", "aburke"),
        ("Tyler", "Nguyen", "DevOps Engineer", "tnguyen"),
        ("Fernanda", "Lima", "Customer Operations", "flima"),
        ("Derek", "Walsh", "VP Operations", "dwalsh"),
    ],
    "MV": [
        ("Camille", "Verdier", "Directrice", "camille.verdier"),
        ("Julien", "Marchand", "Comptable", "julien.marchand"),
        ("Élodie", "Roux", "Assistante", "elodie.roux"),
    ],
    "TC": [
        ("Patricia", "Holloway", "Member Services Manager", "pholloway"),
        ("Nathan", "Reyes", "Security Engineer", "nreyes"),
        ("Grace", "Okafor", "Loan Operations", "gokafor"),
        ("Walter", "Simms", "CFO", "wsimms"),
        ("Megan", "Price", "IT Analyst", "mprice"),
    ],
    "NS": [
        ("Fiona", "MacLeod", "Business Manager", "f.macleod"),
        ("Aled", "Jones", "Network Manager", "a.jones"),
        ("Harriet", "Lowe", "Bursar", "h.lowe"),
        ("Sam", "Patel", "Teacher", "s.patel"),
    ],
}

# AcmeFlow support agents: (name, group key)
AGENTS = [
    ("Nina Kovacs", "tier1"),
    ("Ravi Shah", "tier1"),
    ("Emma Lindqvist", "tier2"),
    ("Jonah Reed", "integrations"),
    ("Mei Tanaka", "billing"),
    ("Oscar Duarte", "tier2"),
]

GROUPS = {
    "tier1": 360004471801,
    "tier2": 360004471802,
    "billing": 360004471803,
    "integrations": 360004471804,
}

# feature -> (product area value of the "Product area" form field, agent group)
FEATURES = {
    "sso": ("area_sso", "tier2"),
    "2fa": ("area_login_security", "tier1"),
    "login": ("area_login_security", "tier1"),
    "billing": ("area_billing", "billing"),
    "csv": ("area_import_export", "tier1"),
    "api": ("area_api", "tier2"),
    "webhooks": ("area_api", "tier2"),
    "slack": ("area_integrations", "integrations"),
    "salesforce": ("area_integrations", "integrations"),
    "mobile": ("area_mobile", "tier1"),
    "email": ("area_notifications", "tier1"),
    "roles": ("area_users_permissions", "tier1"),
    "dashboards": ("area_reporting", "tier2"),
    "retention": ("area_data", "tier2"),
    "workflows": ("area_workflows", "tier2"),
    "invoices": ("area_invoicing", "tier1"),
    "other": ("area_other", "tier1"),
}

GREETINGS = [
    "Hi,", "Hello,", "Hi team,", "Hello AcmeFlow support,", "Hey,", "Good morning,",
    "Dear Support,", "Hi there,", "Hello support team,", "Hi all,", "Dear AcmeFlow team,",
]

SIGNOFFS = [
    "Thanks,", "Thanks!", "Regards,", "Best,", "Cheers,", "Thank you", "Kind regards,",
    "Many thanks,", "Best regards,", "thx", "Thanks in advance,",
]

# Neutral context sentences that can open a longer message.
CONTEXTS = [
    "We're on the {plan} plan with around {users} users.",
    "Not sure if this is the right place to ask, apologies if not.",
    "I searched the help center first but couldn't find anything that matches.",
    "Our usual admin is on leave this week so I'm the one writing in.",
    "We've been using AcmeFlow for about {years} years now and generally it's been fine.",
    "Quick one (I hope).",
    "I'm writing on behalf of our {dept} team.",
    "Apologies for the long email, I want to give you the full picture.",
    "Following up on a conversation I had with our account manager.",
]

# Neutral filler for rambling messages.
RAMBLES = [
    "We have a big client deadline at the end of the week so the timing is not great.",
    "I already logged out and back in and tried a different browser, no change.",
    "A colleague says it worked for her last month, so something must have changed.",
    "Our IT department says nothing changed on our side.",
    "I can send screenshots if that helps, just tell me where to upload them.",
    "To be honest I'm not very technical so please explain it simply.",
    "I'm available for a call most afternoons if that's easier.",
    "This affects several people on the team, not just me.",
    "We are in the middle of our quarter-end close.",
    "Let me know if you need our account ID or anything else.",
]

ANGRY = [
    "Honestly this is really frustrating.",
    "We pay a lot for this service and this should not be happening.",
    "Please escalate this, it is URGENT!!",
    "This is the second time I'm writing about this and nobody has answered.",
    "I expect a reply today.",
    "Very disappointed, to be honest.",
    "If this isn't fixed soon we will have to look at alternatives.",
]

POLITE = [
    "Thanks so much in advance!",
    "Really appreciate your help with this.",
    "No huge rush, whenever you get a chance.",
    "Thank you for your patience with me :)",
    "Hope you're having a good week.",
]

DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the addressee "
    "and may contain confidential information. If you received it in error, please notify the "
    "sender and delete it.",
    "Please consider the environment before printing this email.",
    "This message has been scanned for viruses by MailGuard.",
]

MOBILE_FOOTERS = ["Sent from my iPhone", "Sent from my Galaxy", "Sent from Outlook for Android"]

# Help Center section ids (article "section" key -> section_id)
SECTIONS = {
    "account": 360003311201, "billing": 360003311202, "import_export": 360003311203,
    "api": 360003311204, "integrations": 360003311205, "mobile": 360003311206,
    "notifications": 360003311207, "users": 360003311208, "reporting": 360003311209,
    "data": 360003311210, "workflows": 360003311211, "invoicing": 360003311212,
    "announcements": 360003311213,
}

# Old article slugs some bodies link to (slug -> article key)
HREF_ALIAS = {"troubleshooting-saml": "sso-troubleshooting", "jit-provisioning": "sso-jit",
              "vat": "vat-details"}

# The ticket submitted twice (problem, org): the first new ticket of that pair gets an exact copy
DOUBLE_SUBMIT = ("ios_push", "PS")

# For the generated README
ABOUT = (
    "a fictional B2B SaaS for workflow automation and invoicing: approval\n"
    "workflows, invoices, CSV import/export, a REST API with webhooks, Slack and Salesforce\n"
    "integrations, mobile apps, dashboards, SSO/SAML and two-factor authentication, roles and data\n"
    "retention"
)
UNRELATED_EXAMPLES = (
    "W-9 requests, spam, feature\nrequests, an out-of-office reply, a message meant for a gym..."
)
FORM_ORG = 360033549136  # the organisation the tutorial's form uses
