"""Hand-written whole tickets (non-English, long, forwarded), unrelated tickets, novel queries and
the second sync's hand-written pieces. Fiction written for this project."""

# Whole tickets tied to a problem of the catalogue: (problem, org, status, requester index,
# subject, description). Non-English ones carry their language in LANG below.
WRITTEN = [
    ("csv_encoding", "HM", "n", 1, "Umlaute beim CSV-Import kaputt",
     "Guten Tag,\n\nbeim Import unserer Kundenliste (CSV aus Excel) werden alle Umlaute falsch "
     "dargestellt, z. B. \"BÃ¤ckerei MÃ¼ller\" statt \"Bäckerei Müller\". Die Datei hat ca. 2.400 "
     "Zeilen, manuell korrigieren ist keine Option.\n\nWelche Kodierung erwartet AcmeFlow? "
     "Können Sie die bereits importierten Datensätze korrigieren?\n\nMit freundlichen Grüßen\n"
     "Katrin Weber\nBuchhaltung\nHofmann Maschinenbau GmbH"),
    ("invoice_numbering", "HM", "n", 0, "Lücken in den Rechnungsnummern",
     "Hallo,\n\nunser Steuerberater hat festgestellt, dass in unseren Rechnungsnummern Lücken "
     "sind (RE-2024-0041 bis RE-2024-0047 fehlen). Wir haben einige Entwürfe gelöscht, "
     "vielleicht liegt es daran. In Deutschland müssen die Nummern fortlaufend sein.\n\nBitte um "
     "Rückmeldung, wie wir das beheben.\n\nJ. Hofmann"),
    ("billing_card_declined", "CR", "n", 2, "Pago rechazado con tarjeta",
     "Hola,\n\nhemos recibido un correo diciendo que el pago de la suscripción ha fallado y que "
     "la cuenta será suspendida. La tarjeta funciona perfectamente en otros sitios y el banco "
     "dice que no ve ningún intento de cobro.\n\n¿Podemos pagar por transferencia este mes? Por "
     "favor no suspendan la cuenta, la usamos a diario.\n\nGracias,\nMarta Gil\nAdministración"),
    ("restore_deleted", "CR", "s", 1, "he borrado facturas por error",
     "buenas, he borrado sin querer unas 15 facturas del cliente Textiles Navarro. se pueden "
     "recuperar?? es urgente, tenemos que enviarlas hoy.\nJavier"),
    ("billing_vat", "MV", "n", 1, "Numéro de TVA absent des factures",
     "Bonjour,\n\nNotre numéro de TVA intracommunautaire n'apparaît pas sur vos factures, alors "
     "que je l'ai bien saisi dans les paramètres de facturation. Notre comptable ne peut pas "
     "enregistrer les factures sans ce numéro (autoliquidation).\n\nPourriez-vous corriger et "
     "renvoyer les factures de janvier et février ?\n\nCordialement,\nJulien Marchand\nComptable "
     "- Maison Verdier"),
    ("email_too_many", "MV", "o", 2, "Trop d'e-mails de notification",
     "Bonjour, je reçois un e-mail pour chaque étape de chaque workflow, c'est beaucoup trop. "
     "Comment désactiver les notifications pour les commentaires ? Merci, Élodie"),
    ("android_crash", "OF", "n", 3, "Aplicativo fecha ao abrir (Android)",
     "Olá,\n\ndesde a última atualização o aplicativo do AcmeFlow fecha logo depois da tela de "
     "abertura nos celulares Android da nossa equipe em São Paulo. Já reinstalamos e limpamos o "
     "cache, sem sucesso. Os iPhones funcionam normalmente.\n\nExiste previsão de correção?\n\n"
     "Obrigada,\nFernanda Lima"),
    ("billing_double_charge", "BW", "n", 2, "FW: duplicate AcmeFlow payment - need refund",
     "Hi,\n\nForwarding this from our AP team, see below. Can someone please look into it today? "
     "We close the month on Friday.\n\nPriya\n\n---------- Forwarded message ---------\n"
     "From: Hannah Fisk <hannah.fisk@brightwater-logistics.com>\nDate: Mon, Mar 4, 2024 at "
     "9:02 AM\nSubject: duplicate AcmeFlow payment\nTo: Priya Raman "
     "<priya.raman@brightwater-logistics.com>\n\nPriya - the Amex statement has two charges "
     "from ACMEFLOW INC on 03/01, both $4,860.00, two minutes apart. Only one invoice in their "
     "portal (INV-88213). Can you chase them? I don't have a login.\n\nThanks\nHannah"),
    ("webhook_not_firing", "OF", "n", 2, "Fwd: TMS out of sync - webhooks?",
     "Hey support,\n\nsee the thread below from our dev. tl;dr your webhooks seem to have "
     "stopped calling us on Friday and our TMS is missing about 300 status updates.\n\n"
     "Tyler\n\n-----Original Message-----\nFrom: Tyler Nguyen\nSent: Monday, March 11, 2024 "
     "8:14 AM\nTo: Derek Walsh\nSubject: RE: TMS out of sync\n\nDerek, checked the ingress logs, "
     "zero requests from AcmeFlow since Fri 22:40 UTC. We had the LB cert swap around then, "
     "endpoint was returning 503 for maybe 40 min. Everything's healthy now but nothing is "
     "coming in. I think they turned our webhook off.\n\n-----Original Message-----\nFrom: "
     "Derek Walsh\nSubject: TMS out of sync\n\nWhy are half the loads still showing 'awaiting "
     "approval' in the TMS?"),
    ("sso_cert_expired", "TC", "n", 1, "P1 - SSO outage, entire credit union locked out",
     "Hello,\n\nThis is a P1 for us. Our Azure AD SAML signing certificate for the AcmeFlow "
     "enterprise application expired at midnight. We created a new certificate this morning and "
     "activated it, and since then every sign-in ends on your page with \"SAML signature "
     "validation failed\".\n\nThe problem: the admin who originally configured SSO (Carl) left "
     "in December, SSO is enforced for all users, and nobody here can reach the admin settings "
     "to upload the new certificate. We have member-facing loan workflows queued.\n\nPlease "
     "either disable SSO enforcement temporarily or tell us how to get the new certificate to "
     "you securely. I can do a call at any time today.\n\nNathan Reyes\nSecurity Engineer\n"
     "Tidewell Credit Union\n(555) 014-2290"),
    ("slack_stopped", "PS", "n", 1, "slack??",
     "ok so this might be on us but our #studio-ops channel used to get every approval from "
     "AcmeFlow and now it's just... silent. since monday i think? we did a bit of a slack "
     "cleanup last week, archived some channels, removed a couple of ex-freelancers, renamed "
     "stuff. the integration page still has a green 'connected' badge so idk. approvals still "
     "happen if people go into the app but nobody does that lol. can you tell if it's trying "
     "to post and failing?\n\neli"),
    ("workflow_stuck", "BW", "n", 3, "???", "nothing is moving in workflows. all queued. ???"),
    ("api_rate_limit", "OF", "n", 2, "429s",
     "Getting HTTP 429 on POST /v2/invoices with Retry-After: 60 after ~600 requests. Is the "
     "limit per token or per account? Need numbers so I can size the worker pool.\n\n--\nTyler "
     "Nguyen | DevOps | Orbital Freight"),
]

LANG = {
    "Umlaute beim CSV-Import kaputt": "de",
    "Lücken in den Rechnungsnummern": "de",
    "Pago rechazado con tarjeta": "es",
    "he borrado facturas por error": "es",
    "Numéro de TVA absent des factures": "fr",
    "Trop d'e-mails de notification": "fr",
    "Aplicativo fecha ao abrir (Android)": "pt",
    "Carte refusée": "fr",
}

# Tickets that the second sync edits by hand. Each is placed in an (org, problem) pair no label
# uses: (key, problem, org, status, requester index, subject, description, sync-2 changes).
EDITED = [
    ("redact_token", "api_token_401", "KH", "s", 3, "API key not working",
     "Hi, our script gets 401 since this morning. Here is the token we use in case it helps: "
     "af_live_7Hq2Lx9Pz4Kd1Wm8Rt6Yv3Nb0Sc5. The developer who made it left on Friday.\n\nSean",
     {"description": "Hi, our script gets 401 since this morning. Here is the token we use in "
      "case it helps: [redacted]. The developer who made it left on Friday.\n\nSean"}),
    ("redact_card", "billing_card_declined", "MV", "c", 0, "Carte refusée",
     "Bonjour, votre page refuse notre carte. Voici le numéro pour vérifier : 4970 1012 3456 "
     "7890, exp 08/26. Merci, Camille Verdier",
     {"description": "Bonjour, votre page refuse notre carte. Voici le numéro pour vérifier : "
      "▇▇▇▇ ▇▇▇▇ ▇▇▇▇ 7890, exp 08/26. Merci, Camille Verdier"}),
    ("retitle_help", "tfa_codes_rejected", "NS", "n", 3, "Help!!!",
     "my codes dont work. the app on my phone gives a number and your site says its wrong. "
     "ive got a class in 10 mins",
     {"subject": "2FA codes rejected (authenticator)", "status": "open"}),
    ("retitle_question", "dashboard_slow", "PS", "o", 2, "question",
     "The dashboard with our project budgets takes forever to load, is that normal? It used to "
     "be instant.",
     {"subject": "Project budget dashboard slow to load", "status": "pending"}),
]

# Unrelated tickets: (key, org or None, status or None, subject, description).
# None = chosen by the generator's seeded random generator.
UNRELATED = [
    ("w9", "BW", "s", "W-9 form", "Hi, our vendor onboarding needs a current W-9 from AcmeFlow. "
     "Can you send one? Thanks, Hannah"),
    ("soc2", "TC", "c", "SOC 2 Type II report request",
     "Our vendor risk review is due. Could you share your latest SOC 2 Type II report and "
     "bridge letter? We can sign an NDA if required.\n\nNathan Reyes\nTidewell Credit Union"),
    ("renewal_quote", "LR", "o", "Renewal quote for 2024-25",
     "Hello, our renewal is coming up in May. Please send a quote for 60 Enterprise seats, and "
     "another for 75 in case we expand. Sophie"),
    ("dark_mode", None, "n", "Feature request: dark mode",
     "Any plans for a dark mode? Staring at white screens all day is rough."),
    ("thanks", None, "s", "Re: your ticket", "Thanks, that worked! You can close this."),
    ("is_it_down", "OF", "s", "is acmeflow down?", "site not loading for me, anyone else?"),
    ("training", "NS", "n", "Training session for new staff",
     "Hello, we have 12 new admin staff starting in April. Do you offer a live onboarding "
     "session or webinar we could join? Fiona MacLeod, Business Manager"),
    ("billing_contact", "KH", "s", "Change billing contact",
     "Please send invoices to ap@kestrelhealth.org from now on instead of to me. Amira"),
    ("cancel", "PS", "n", "Cancel subscription at end of term",
     "Hi, we've decided to move to a different tool once our term ends in June. Please confirm "
     "the subscription won't auto-renew. Thanks for everything, Zoe"),
    ("spam_seo", "BW", "n", "Rank #1 on Google - guaranteed!!",
     "Dear Sir/Madam, I visited your website and noticed it is not ranking on the first page "
     "of Google for important keywords. We offer guaranteed SEO services at very affordable "
     "rates. Reply for a FREE audit!"),
    ("spam_loan", "LR", "n", "Business funding approved",
     "Congratulations! Your business is pre-approved for up to $250,000 in working capital. "
     "No credit check. Click here to claim your offer today."),
    ("test", "BW", "n", "test please ignore", "test"),
    ("ooo", "HM", "c", "Automatische Antwort: Your ticket has been updated",
     "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 15.03. nicht im Büro und habe "
     "keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an "
     "einkauf@hofmann-maschinenbau.de.\n\nI am out of the office until 15 March."),
    ("profile_picture", None, "s", "how do I change my profile picture",
     "how do i change my profile picture? the one there is from 2019 lol"),
    ("nonprofit", "NS", "p", "Education / charity discount?",
     "We're a multi-academy trust (registered charity). Do you offer education or nonprofit "
     "pricing? Harriet Lowe, Bursar"),
    ("docs_link", "OF", "n", "Broken link in API docs",
     "The link to the 'Invoices' object from the API getting started page gives a 404."),
    ("custom_domain", "LR", "h", "Custom domain for customer portal",
     "Can our customer-facing invoice portal run on pay.lumenretail.co.uk instead of your "
     "domain? What DNS records would we need?"),
    ("translation", "MV", "n", "Faute dans l'e-mail de facture en français",
     "Bonjour, dans le modèle d'e-mail de facture en français il y a une faute : \"Veuillez "
     "trouvé ci-joint\" au lieu de \"Veuillez trouver ci-joint\". Nos clients le remarquent. "
     "Camille"),
    ("vuln_report", None, "o", "Security issue report",
     "Hi, I'm a security researcher and I believe I found a reflected XSS on one of your "
     "marketing pages. Do you have a responsible disclosure program or a security contact? I "
     "have not shared this with anyone."),
    ("partnership", None, "c", "Partnership opportunity",
     "Hi! I run a consultancy that implements workflow tools for logistics companies. Would "
     "love to discuss a referral partnership. Who's the right person?"),
    ("screen_reader", "KH", "n", "Screen reader support",
     "One of our staff uses JAWS. Some buttons in the approval screen are read out as just "
     "'button'. Is accessibility on your roadmap? Olivia Grant"),
    ("invoice_copy", "CR", "s", "Copia de factura",
     "Hola, necesito una copia en PDF de la factura de enero. Gracias. Marta"),
    ("data_center", "HM", "s", "Where is our data hosted?",
     "Hello, in which country are your servers? We need EU hosting for our customer data. "
     "Stefan Brandt"),
    ("upgrade", "OF", "n", "Upgrade to Enterprise",
     "We'd like to upgrade to Enterprise next month. What's the process and does it change our "
     "billing date? Ashley"),
    ("bulk_edit", None, "n", "Feature request: bulk edit",
     "Would be great to select many invoices and change the due date in one go. Currently we "
     "do it one by one, 200 a month."),
    ("company_name", "PS", "s", "change company name",
     "We rebranded from Patchwork Films to Patchwork Studios. Where do I change the name on "
     "the account?"),
    ("calendar", None, "n", "Google Calendar?",
     "Is there a way to see workflow due dates in Google Calendar?"),
    ("uptime_sla", "TC", "p", "Uptime SLA",
     "What uptime do you commit to in the Enterprise agreement, and how are service credits "
     "calculated? Walter Simms, CFO"),
    ("merge_accounts", "BW", "h", "Merge two AcmeFlow accounts",
     "We ended up with two AcmeFlow accounts (one for the Reno warehouse created by a manager "
     "on a trial). Can they be merged into our main one? Greg Mbeki, Head of IT"),
    ("wrong_vendor", None, "c", "cancel membership",
     "I want to cancel my membership effective immediately. I moved and there is no location "
     "near me anymore. Member number 0048812."),
    ("webinar", "KH", "s", "Webinar recording?",
     "Is the recording of last week's 'Automating approvals' webinar available somewhere?"),
    ("feedback", "LR", "c", "Nice work on the new editor",
     "Just wanted to say the new workflow editor is a big improvement. Team loves it. Oliver"),
    ("po_number", "TC", "n", "PO number on invoices",
     "Our AP department requires our purchase order number PO-77120 on every invoice from you. "
     "Can you add it? Grace"),
    ("holiday_hours", "NS", "c", "Support hours over Christmas",
     "Will support be available between Christmas and New Year? We have term-end processing."),
    ("logo_question_brand", None, "s", "Brand guidelines",
     "Is there an AcmeFlow logo we can use on our intranet page that explains how to request "
     "approvals?"),
]

# Labelled queries about topics no ticket covers: (org, text, article keys).
NOVEL = [
    ("BW", "How do I export the audit log of who changed what in our account for the last "
     "90 days?", ["audit-log"]),
    ("TC", "Can we restrict logins to our office IP addresses only?", ["ip-allowlist"]),
    ("OF", "Is there a test environment where I can try workflow changes without affecting "
     "live data?", ["sandbox"]),
    ("LR", "Our account owner is leaving the company. How do we transfer ownership to "
     "someone else?", ["account-owner"]),
    ("KH", "A recurring invoice didn't go out this month even though the schedule is "
     "monthly. Why would it skip?", ["recurring-invoices"]),
    ("PS", "Do you integrate with Microsoft Teams? We don't use Slack.", []),
    ("MV", "Peut-on connecter AcmeFlow à Zapier ? Can I trigger a Zap when an invoice is "
     "paid?", ["zapier"]),
    ("NS", "Are there keyboard shortcuts for approving items quickly?", ["keyboard-shortcuts"]),
    ("BW", "Do you support SCIM so users are deactivated automatically when we remove them in "
     "Okta?", ["sso-jit"]),
    ("HM", "Wie baue ich eine Bedingung in einen Workflow ein? How do I add an if/else branch "
     "based on invoice amount?", ["workflow-conditions"]),
    ("CR", "¿Se pueden emitir facturas en dólares y en euros desde la misma cuenta? "
     "Multi-currency invoicing?", []),
    ("OF", "Can AcmeFlow sync paid invoices to QuickBooks Online?", ["integrations-overview"]),
    ("TC", "We want to see which user approved each loan workflow step, for the examiners. "
     "Is that recorded anywhere?", ["audit-log"]),
    ("LR", "Does AcmeFlow have an integration with Shopify for our online store orders?",
     ["integrations-overview"]),
]

# Tickets added by the second sync: (problem, org, status); texts are composed like the rest.
SYNC2_NEW = [
    ("tfa_lost_device", "NS", "n"),
    ("workflow_stuck", "TC", "n"),
    ("csv_export_large", "NS", "n"),
    ("api_rate_limit", "TC", "n"),
    ("email_spam", "HM", "n"),
    ("android_crash", "KH", "n"),
    ("billing_seats", "OF", "n"),
    ("dashboard_mismatch", "OF", "o"),
]

# Unrelated tickets added by the second sync (same format as UNRELATED).
SYNC2_UNRELATED = [
    ("status_page", "LR", "n", "Status page subscription",
     "Is there a way to get emailed when you post an incident on your status page? Ben"),
    ("thanks2", "KH", "n", "thank you!", "Thanks Nina, all sorted now :)"),
]

# Unrelated tickets the second sync deletes (keys from UNRELATED) and the reason.
SYNC2_DELETED = {
    "spam_seo": "spam",
    "spam_loan": "spam",
    "test": "test ticket",
}
