"""Organisations, people and the generic pieces of customer prose.

Everything here is fiction written for this project.
"""

COMPANY = "Roadlark"
SUBDOMAIN = "roadlark"
SUPPORT_ADDRESS = "support@roadlark.com"

# code, organization_id, name, email domain, plan
ORGS = [
    ("GH", 360071120455, "Granite Haulage Ltd", "granitehaulage.co.uk", "enterprise"),
    ("SP", 360072231566, "Sunpath School Transport", "sunpathschools.org", "business"),
    ("MC", 360073342677, "Metro City Public Works", "metrocity.gov", "enterprise"),
    ("RD", 360074453788, "Riverside Dairy Co-op", "riversidedairy.com", "business"),
    ("BT", 360075564899, "Bautrans Bau GmbH", "bautrans.de", "business"),
    ("VE", 360076675910, "Verde Express S.L.", "verdeexpress.es", "starter"),
    ("QC", 360077786021, "QuickCourier Inc.", "quickcourier.com", "starter"),
    ("LF", 360078897132, "Laurentide Forestry", "laurentideforestry.ca", "business"),
    ("HH", 360079908243, "Harbor Home Health", "harborhomehealth.org", "business"),
    ("PT", 360070019354, "Prairie Tow & Recovery", "prairietow.com", "starter"),
]

# Requesters per organisation: (first name, last name, job title, email local part)
PEOPLE = {
    "GH": [
        ("Gareth", "Pryce", "Fleet Manager", "gareth.pryce"),
        ("Shona", "McAllister", "Transport Planner", "shona.mcallister"),
        ("Kieran", "Doherty", "Night Traffic Office", "kieran.doherty"),
        ("Beverley", "Hartley", "Compliance & Safety Manager", "bev.hartley"),
        ("Adeel", "Chaudhry", "Workshop Controller", "adeel.chaudhry"),
        ("Ruth", "Pennington", "Purchase Ledger", "ruth.pennington"),
        ("Martin", "Ellwood", "IT Infrastructure Lead", "martin.ellwood"),
    ],
    "SP": [
        ("Denise", "Carter", "Transportation Director", "dcarter"),
        ("Ray", "Albers", "Route Coordinator", "ralbers"),
        ("Keisha", "Monroe", "Safety & Training Officer", "kmonroe"),
        ("Bill", "Novak", "Head Mechanic", "bnovak"),
        ("Yvonne", "Lindgren", "Business Office", "ylindgren"),
    ],
    "MC": [
        ("Terrence", "Boyd", "Fleet Services Superintendent", "tboyd"),
        ("Alicia", "Ferreira", "Sanitation Dispatch Supervisor", "aferreira"),
        ("Howard", "Pike", "Equipment Mechanic III", "hpike"),
        ("Janet", "Osei", "Risk & Safety Analyst", "josei"),
        ("Victor", "Lam", "GIS / IT Systems Analyst", "vlam"),
        ("Colleen", "Grady", "Accounts Payable Clerk", "cgrady"),
    ],
    "RD": [
        ("Wes", "Halvorsen", "Logistics Manager", "whalvorsen"),
        ("Amber", "Kessler", "Milk Pickup Dispatcher", "akessler"),
        ("Luke", "Brenner", "Shop Foreman", "lbrenner"),
        ("Tracy", "Oyelowo", "Co-op Accountant", "toyelowo"),
        ("Dale", "Voss", "Driver Safety Lead", "dvoss"),
    ],
    "BT": [
        ("Matthias", "Kranz", "Fuhrparkleiter", "m.kranz"),
        ("Sabine", "Lorenz", "Disposition", "s.lorenz"),
        ("Uwe", "Pohl", "Werkstattmeister", "u.pohl"),
        ("Anja", "Seidel", "Buchhaltung", "a.seidel"),
        ("Florian", "Hartmann", "IT-Administrator", "f.hartmann"),
    ],
    "VE": [
        ("Nuria", "Sánchez", "Jefa de Flota", "nsanchez"),
        ("Álvaro", "Moreno", "Responsable de Tráfico", "amoreno"),
        ("Pilar", "Domínguez", "Administración", "pdominguez"),
        ("Iker", "Etxeberria", "Desarrollador", "ietxeberria"),
    ],
    "QC": [
        ("Jordan", "Blake", "Operations Manager", "jordan"),
        ("Thiago", "Carvalho", "Dispatcher", "thiago"),
        ("Maya", "Feldman", "Owner", "maya"),
        ("Chris", "Dunn", "Bookkeeper", "chris.dunn"),
    ],
    "LF": [
        ("Mathieu", "Tremblay", "Directeur des opérations", "mtremblay"),
        ("Geneviève", "Gagnon", "Répartitrice", "ggagnon"),
        ("Sylvain", "Bouchard", "Chef mécanicien", "sbouchard"),
        ("Nathalie", "Côté", "Contrôleuse financière", "ncote"),
        ("Patrick", "Lavoie", "Conformité et sécurité routière", "plavoie"),
        ("Kevin", "Morin", "Technicien TI", "kmorin"),
    ],
    "HH": [
        ("Sandra", "Whitaker", "Director of Clinical Operations", "swhitaker"),
        ("Omar", "Haddad", "Scheduling Coordinator", "ohaddad"),
        ("Linda", "Park", "Fleet & Facilities Manager", "lpark"),
        ("Derrick", "Jameson", "IT Help Desk", "djameson"),
        ("Beth", "Carrow", "Payroll & Reimbursements", "bcarrow"),
    ],
    "PT": [
        ("Duane", "Kowalski", "Owner / Operator", "duane"),
        ("Crystal", "Harlan", "Dispatcher", "crystal"),
        ("Manny", "Ortiz", "Lead Mechanic", "manny"),
        ("Jolene", "Pratt", "Office Manager", "jolene"),
    ],
}

# Roadlark support agents: (name, group key)
AGENTS = [
    ("Priya Venkataraman", "tier1"),
    ("Callum Reid", "tier1"),
    ("Sofia Marchetti", "tier2"),
    ("Andre Baptiste", "integrations"),
    ("Hana Novak", "compliance"),
    ("Dmitri Volkov", "hardware"),
]

GROUPS = {
    "tier1": 360005581901,
    "tier2": 360005581902,
    "billing": 360005581903,
    "integrations": 360005581904,
    "compliance": 360005581905,
    "hardware": 360005581906,
}

# feature -> (product area value of the "Product area" form field, agent group)
FEATURES = {
    "gps": ("area_tracking", "tier1"),
    "eld": ("area_compliance", "compliance"),
    "dashcam": ("area_video", "hardware"),
    "fuel": ("area_fuel", "tier1"),
    "geofence": ("area_alerts", "tier1"),
    "hardware": ("area_hardware", "hardware"),
    "maintenance": ("area_maintenance", "tier2"),
    "mobile": ("area_driver_app", "tier1"),
    "routes": ("area_dispatch", "tier2"),
    "reports": ("area_reporting", "tier2"),
    "billing": ("area_billing", "billing"),
    "access": ("area_users", "tier1"),
    "api": ("area_api", "integrations"),
    "other": ("area_other", "tier1"),
}

GREETINGS = [
    "Hi,", "Hello,", "Hi Roadlark team,", "Hello Roadlark support,", "Hey guys,", "Morning,",
    "Dear Support,", "Hi there,", "Good afternoon,", "Hi support,", "Dear Roadlark team,",
    "To whom it may concern,",
]

SIGNOFFS = [
    "Thanks,", "Thanks!", "Regards,", "Best,", "Cheers,", "Thank you", "Kind regards,",
    "Many thanks,", "Best regards,", "thx", "Thanks in advance,", "Drive safe,",
]

# Neutral context sentences that can open a longer message.
CONTEXTS = [
    "We run about {users} vehicles on the {plan} plan.",
    "Not sure if this goes to support or to our account rep, sorry if it's the wrong place.",
    "I went through the help center articles first but nothing matched what we're seeing.",
    "Our fleet manager is out on the road this week so I'm covering the dashboard.",
    "We've had Roadlark in our trucks for about {years} years and it's mostly been solid.",
    "Quick one from the depot.",
    "I'm writing for our {dept} side of the business.",
    "Long email incoming, I'd rather give you everything at once.",
    "Our account manager told me to open a ticket for this.",
    "We have {users} units installed across three depots on the {plan} plan.",
    "We're coming up on a DOT audit so I'm trying to get things cleaned up.",
]

# Neutral filler for rambling messages.
RAMBLES = [
    "The winter routes start next week so the timing could be better.",
    "Drivers are on the road until 6pm so I can only check with them after shift.",
    "I already logged out of the dashboard, cleared the cache and tried Chrome and Edge.",
    "One of the other dispatchers says it was fine before Christmas.",
    "Our mechanic checked the install and says nothing has been touched on the trucks.",
    "I can send screenshots from the live map, just let me know where.",
    "I'm not the techy one here, so plain English please.",
    "I'm in the yard most mornings but free for a call after 2pm.",
    "It's not just one driver, several of the crew have mentioned it.",
    "Happy to give you unit numbers or our account number if you need them.",
    "We've got an inspection at the depot on Thursday as well, so it's a busy week.",
]

ANGRY = [
    "Honestly this is getting ridiculous.",
    "We pay per truck every month and this is not what we pay for.",
    "Please escalate, we have trucks on the road RIGHT NOW!!",
    "This is the third time I'm reporting this and nobody has called me back.",
    "I need an answer today, not next week.",
    "Pretty disappointed with the service lately, to be honest.",
    "If this keeps up we'll be pulling the units out and going with someone else.",
]

POLITE = [
    "Thanks a lot in advance!",
    "Really appreciate the help, you guys are usually quick.",
    "No big rush, whenever someone gets a chance.",
    "Thanks for bearing with me :)",
    "Hope the week is treating you well.",
]

DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This message and any attachments are intended solely for the named "
    "recipient and may contain confidential or privileged information. If you are not the intended "
    "recipient, please notify the sender and delete this message.",
    "Please think of the environment before printing this email.",
    "Safety first: never read or reply to messages while driving.",
    "This email has been checked for viruses by SecureMail Gateway.",
]

MOBILE_FOOTERS = ["Sent from my iPhone", "Sent from my Samsung Galaxy", "Sent from Outlook for iOS",
                  "Sent from my rugged tablet"]

# Help Center section ids (article "section" key -> section_id)
SECTIONS = {"tracking": 360006611201, "compliance": 360006611202, "video": 360006611203, "fuel": 360006611204,
            "alerts": 360006611205, "hardware": 360006611206, "maintenance": 360006611207,
            "driver_app": 360006611208, "dispatch": 360006611209, "reporting": 360006611210,
            "billing": 360006611211, "account": 360006611212, "api": 360006611213,
            "announcements": 360006611214}
# Old article slugs some bodies link to (slug -> article key); none here
HREF_ALIAS = {}
# The ticket submitted twice (problem, org): the first new ticket of that pair gets an exact copy
DOUBLE_SUBMIT = ("eld_edit_sync", "BT")

# For the generated README
ABOUT = (
    "a fictional B2B fleet-telematics SaaS: GPS trackers and live map, ELD\n"
    "hours-of-service logs, AI dashcams, fuel cards, geofences and alerts, maintenance (service\n"
    "reminders, engine fault codes, DVIR inspections), dispatch and customer ETAs, reports (IFTA),\n"
    "per-device billing, users, groups and SSO, and a REST API with webhooks"
)
UNRELATED_EXAMPLES = (
    "W-9 requests, spam, feature\nrequests, out-of-office replies, a driver asking about a paycheck..."
)
