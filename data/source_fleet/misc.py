"""Hand-written whole tickets (non-English, long, forwarded), unrelated tickets, novel queries and
the second sync's hand-written pieces. Fiction written for this project."""

# Whole tickets tied to a problem of the catalogue: (problem, org, status, requester index,
# subject, description). Non-English ones carry their language in LANG below.
WRITTEN = [
    ("cam_sd_card", "BT", "n", 2, "Dashcam meldet Speicherkartenfehler",
     "Guten Tag,\n\nseit letzter Woche zeigt die RL Cam 2 in unserem Kipper 317 (B-BT 3170) im "
     "Dashboard „Speicherfehler – SD-Karte“ an. Die LED an der Kamera blinkt rot, und seit dem 11.03. "
     "gibt es von diesem Fahrzeug keine einzige Aufnahme mehr. Wir haben die Karte ausgebaut, am PC "
     "formatiert und wieder eingesetzt – ohne Erfolg.\n\nIst die Karte defekt oder die Kamera? Können "
     "Sie uns eine Ersatzkarte schicken, und welche Karten sind überhaupt freigegeben?\n\nMit "
     "freundlichen Grüßen\nUwe Pohl\nWerkstattmeister\nBautrans Bau GmbH"),
    ("bill_po_number", "BT", "n", 3, "Bestellnummer fehlt auf der Rechnung",
     "Hallo Roadlark-Team,\n\nauf Ihrer Rechnung RL-INV-20417 vom 01.03. fehlt unsere "
     "Bestellnummer (BE-2024-0088). Außerdem steht als Empfänger noch „Bautrans Logistik GmbH“ – "
     "diese Gesellschaft gibt es seit der Verschmelzung im letzten Jahr nicht mehr. Ohne korrekte "
     "Bestellnummer und Firmierung darf ich die Rechnung nicht zur Zahlung freigeben.\n\nKönnen Sie "
     "die Rechnung bitte korrigiert neu ausstellen und die Angaben für künftige Rechnungen "
     "hinterlegen?\n\nViele Grüße\nAnja Seidel\nBuchhaltung"),
    ("route_time_windows", "BT", "n", 1, "Tourenplanung hält Lieferzeitfenster nicht ein",
     "Hallo,\n\nder Routenoptimierer plant unsere Baustofflieferungen quer durch die Zeitfenster der "
     "Baustellen. Beispiel von heute: Baustelle Köpenick darf nur zwischen 7:00 und 9:00 Uhr "
     "angefahren werden, die Tour von Fahrzeug 22 kommt laut Plan um 10:40 dort an. Die Zeitfenster "
     "sind bei den Stopps korrekt eingetragen, das haben wir dreimal kontrolliert.\n\nMuss man dafür "
     "noch irgendwo etwas einschalten? Im Moment planen wir wieder von Hand.\n\nGruß\nSabine Lorenz\n"
     "Disposition"),
    ("gps_jumps", "VE", "n", 1, "Las furgonetas saltan de un sitio a otro en el mapa",
     "Hola,\n\ndesde hace unos días varias furgonetas aparecen en el mapa en sitios donde no han "
     "estado: la 12 estaba repartiendo en Vallecas y de repente salta a la M-40 y luego vuelve. "
     "Otras veces el punto se pone a dar vueltas en el aparcamiento de la nave aunque la furgoneta "
     "está parada. Los clientes nos preguntan por qué el repartidor «pasó» dos veces por su calle.\n\n"
     "¿Es cosa de los localizadores o del mapa? Gracias.\n\nÁlvaro Moreno\nResponsable de Tráfico"),
    ("bill_suspended", "VE", "n", 2, "Cuenta bloqueada por un pago fallido",
     "Buenos días:\n\nesta mañana nadie en la oficina puede ver el mapa; sale un aviso de que la "
     "cuenta está limitada por un pago pendiente. El cargo de marzo falló porque cambiamos de banco, "
     "pero ya actualicé la tarjeta en la sección de facturación hace dos horas y sigue igual.\n\n"
     "Tenemos 18 furgonetas en la calle sin seguimiento. ¿Pueden reactivar la cuenta hoy? Si hace "
     "falta, pagamos por transferencia.\n\nGracias,\nPilar Domínguez\nAdministración - Verde Express"),
    ("cam_false_events", "VE", "s", 0, "frenazos que no existen",
     "buenas, la cámara de la furgo 7 nos manda avisos de 'frenazo brusco' y hasta uno de 'posible "
     "colisión' cada vez que pasa por los badenes de la calle Alcalá. el conductor está harto porque "
     "le baja la puntuación. se puede ajustar? gracias\nNuria"),
    ("geo_alert_flood", "LF", "n", 1, "Avalanche d'alertes de zone au garage",
     "Bonjour,\n\nDepuis lundi, je reçois des dizaines d'alertes « entrée / sortie » pour la zone du "
     "garage de Mont-Laurier. Le camion 48 est stationné juste à côté de la clôture et j'ai une "
     "alerte aux deux ou trois minutes, toute la nuit, alors qu'il ne bouge pas d'un pouce. Hier, "
     "j'en avais 212 dans ma boîte courriel.\n\nY a-t-il moyen de calmer ça sans désactiver l'alerte "
     "au complet ?\n\nMerci,\nGeneviève Gagnon\nRépartition - Laurentide Forestry"),
    ("maint_fault_codes", "LF", "n", 2, "Codes d'anomalie moteur absents dans l'onglet Entretien",
     "Bonjour,\n\nNos Western Star (unités 31, 33 et 36) n'affichent aucun code d'anomalie dans "
     "l'onglet Entretien, alors que le témoin moteur est allumé sur le 33 depuis une semaine et que "
     "mon lecteur de diagnostic montre un SPN 3251 FMI 0. Les Kenworth, eux, remontent leurs codes "
     "sans problème.\n\nEst-ce que les boîtiers RL-4 de ces camions lisent bien le J1939 ? Faut-il un "
     "autre câble ?\n\nSylvain Bouchard\nChef mécanicien"),
    ("fuel_card_declined", "LF", "s", 4, "Carte carburant refusée à la pompe",
     "Bonjour, notre chauffeur Réjean s'est fait refuser sa carte carburant ce matin au relais de "
     "Saint-Michel-des-Saints, deux fois, avec le message « carte non autorisée ». Le camion était "
     "presque à sec et il a dû payer de sa poche. Pouvez-vous vérifier ce qui bloque la carte qui se "
     "termine par 0417 ? Merci. Patrick Lavoie"),
    ("app_logout", "QC", "o", 1, "App do motorista desconecta no meio do turno",
     "Oi pessoal,\n\nvários motoristas estão sendo desconectados do app Roadlark Driver no meio do "
     "turno, às vezes duas ou três vezes por dia. Eles precisam digitar a senha de novo e nesse tempo "
     "perdem as mensagens das entregas. Acontece mais nos Android (Samsung A14), mas ontem aconteceu "
     "num iPhone também.\n\nJá reinstalamos o app em duas vans. Vocês sabem o que pode ser?\n\n"
     "Obrigado,\nThiago Carvalho\nDispatcher - QuickCourier"),
    ("bill_inactive_devices", "QC", "n", 3, "FW: Roadlark invoice - returned trackers still billed",
     "Hi,\n\nForwarding the thread below. Short version: we sent six RL-4s back in January and we're "
     "still paying for them. Can someone credit February and March and make sure April is right?\n\n"
     "Chris Dunn\nBookkeeper, QuickCourier Inc.\n\n---------- Forwarded message ---------\n"
     "From: Jordan Blake <jordan@quickcourier.com>\nDate: Tue, Mar 12, 2024 at 4:47 PM\n"
     "Subject: Re: Roadlark invoice\nTo: Chris Dunn <chris.dunn@quickcourier.com>\n"
     "Cc: Maya Feldman <maya@quickcourier.com>\n\nChris, yes, those are the six from the vans we sold "
     "to the florist (units 104, 105, 109, 111, 112 and 118). I deactivated them in the dashboard on "
     "Jan 19 and shipped them back with the prepaid label, UPS 1Z4F872E0311829944. The dashboard "
     "shows 21 active devices, so no idea where 27 comes from.\n\nJordan\n\n"
     "On Tue, Mar 12, 2024 at 2:15 PM Chris Dunn <chris.dunn@quickcourier.com> wrote:\n"
     "> Jordan - March invoice from Roadlark is for 27 devices x $32 = $864. February was the same.\n"
     "> I thought we were down to 21 after the florist deal?\n> Chris"),
    ("eld_malfunction", "MC", "n", 3, "ELD malfunction on plow trucks - diagnostic log below",
     "Hello,\n\nThree of our tandem plow trucks (P-204, P-211, P-219) have shown the engine "
     "synchronization malfunction in the Roadlark Driver app since the storm shift started Tuesday "
     "night. Drivers are being told to switch to paper logs, which nobody wants on a 14-hour shift. "
     "I exported the diagnostics screen from the tablet in P-211:\n\n"
     "2024-03-12 22:41:07 CST  RL-4 sn RL4-0A77F2 fw 4.12.3 boot\n"
     "2024-03-12 22:41:07 CST  J1939 bus OK (250 kbps)\n"
     "2024-03-12 22:58:33 CST  ECM PGN 65217 (HRVD) timeout > 5s\n"
     "2024-03-12 22:58:33 CST  ECM PGN 61444 (EEC1) timeout > 5s\n"
     "2024-03-12 23:03:34 CST  DIAG 2 engine synchronization data diagnostic SET\n"
     "2024-03-12 23:29:10 CST  DIAG 2 > 30 min / 24 h -> MALFUNCTION E SET\n"
     "2024-03-13 04:12:55 CST  ECM PGN 65217 restored\n"
     "2024-03-13 04:13:02 CST  MALFUNCTION E still active\n\n"
     "Our mechanic says the plow controller harness was re-routed on those three units in February. "
     "Is this on our side, and how do we clear the malfunction once it's fixed? I also need to "
     "document it for our FMCSA file.\n\nJanet Osei\nRisk & Safety Analyst\nMetro City Public Works"),
    ("acc_sso", "GH", "n", 6, "SSO sign-in failing for traffic office after Entra ID change",
     "Hello,\n\nSince this morning our traffic office and workshop staff can't get into the dashboard "
     "with 'Sign in with SSO'. They're sent to Microsoft, authenticate fine (MFA included), then land "
     "back on your login page with \"We couldn't match your account\". Drivers aren't affected, "
     "they use PINs in the Roadlark Driver app.\n\nThe only change on our side: on Friday we moved "
     "staff UPNs from @granite-haulage.co.uk to @granitehaulage.co.uk as part of a domain tidy-up. "
     "The email addresses in Roadlark were already the new ones.\n\nTwo admins (myself and Gareth "
     "Pryce) can still log in with passwords, so we're not completely locked out, but 30-odd planners "
     "are. Could you check which attribute you match on and whether we need to change the claim "
     "mapping?\n\nKind regards,\n\nMartin Ellwood\nIT Infrastructure Lead\nGranite Haulage Ltd\n"
     "Unit 4, Thornbury Trade Park, Leeds LS11 5QR\nT: +44 113 496 0721 | M: +44 7700 900318\n"
     "www.granitehaulage.co.uk\n\nGranite Haulage Ltd is registered in England and Wales, company "
     "no. 04417789. This email and any files transmitted with it are confidential and intended solely "
     "for the use of the individual or entity to whom they are addressed."),
    ("gps_offline", "QC", "n", 0, "???", "van 14 just says offline. driver is literally on the road. ???"),
    ("api_throttled", "VE", "n", 3, "429 on /v1/vehicles/locations",
     "Polling GET /v1/vehicles/locations every 5 s for 18 vehicles and after a few minutes we get "
     "HTTP 429 with Retry-After: 30. What is the limit exactly, per key or per account?\n\n--\nIker "
     "Etxeberria | Verde Express"),
]

LANG = {
    "Dashcam meldet Speicherkartenfehler": "de",
    "Bestellnummer fehlt auf der Rechnung": "de",
    "Tourenplanung hält Lieferzeitfenster nicht ein": "de",
    "Las furgonetas saltan de un sitio a otro en el mapa": "es",
    "Cuenta bloqueada por un pago fallido": "es",
    "frenazos que no existen": "es",
    "Avalanche d'alertes de zone au garage": "fr",
    "Codes d'anomalie moteur absents dans l'onglet Entretien": "fr",
    "Carte carburant refusée à la pompe": "fr",
    "App do motorista desconecta no meio do turno": "pt",
}

# Tickets that the second sync edits by hand. Each is placed in an (org, problem) pair no label
# uses: (key, problem, org, status, requester index, subject, description, sync-2 changes).
EDITED = [
    ("redact_token", "api_webhooks", "RD", "p", 0, "webhook stopped - API key inside",
     "Hi, the webhook that pushes completed milk pickups into our collection system hasn't delivered "
     "anything since Saturday. The contractor who built it is away, but here's the API key his "
     "script uses in case you need it: rlk_live_4mTq8Zr2Vb7Xn1Kp9Ws3Hd6Lc0Fy. Endpoint is "
     "https://collect.riversidedairy.com/hooks/roadlark.\n\nWes",
     {"description": "Hi, the webhook that pushes completed milk pickups into our collection system "
      "hasn't delivered anything since Saturday. The contractor who built it is away, but here's the "
      "API key his script uses in case you need it: [redacted]. Endpoint is "
      "https://collect.riversidedairy.com/hooks/roadlark.\n\nWes"}),
    ("redact_card", "fuel_card_declined", "QC", "o", 2, "fuel card declined again",
     "Our fuel card keeps getting declined at the truck stop on 5th Ave. Here's the full number so "
     "you can look it up: 7083 0512 4476 1234, exp 11/25, driver Luis. Please fix ASAP, he's on a "
     "same-day run. Maya",
     {"description": "Our fuel card keeps getting declined at the truck stop on 5th Ave. Here's the "
      "full number so you can look it up: ▇▇▇▇ ▇▇▇▇ ▇▇▇▇ 1234, exp 11/25, driver Luis. Please fix "
      "ASAP, he's on a same-day run. Maya"}),
    ("retitle_help", "app_battery", "PT", "n", 0, "Help!!!",
     "phones are dead by lunch on all 3 wreckers since the roadlark app update. drivers are plugged "
     "into the lighter socket all day. whats going on",
     {"subject": "Roadlark Driver app draining phone batteries", "status": "open"}),
    ("retitle_question", "rep_timezone", "HH", "o", 1, "question",
     "Why does the trip report say our nurses left for their first visit at 3 or 4 in the morning? "
     "They start around 8. Am I reading it wrong?",
     {"subject": "Trip report shows visit times in the wrong time zone", "status": "pending"}),
]

# Unrelated tickets: (key, org or None, status or None, subject, description).
# None = chosen by the generator's seeded random generator.
UNRELATED = [
    ("w9", "QC", "s", "W-9 for our vendor file",
     "Hi, our accountant needs a current W-9 from Roadlark before we can pay the next invoice. Can "
     "you email one over? Chris Dunn, Bookkeeper"),
    ("coi", "MC", "c", "Certificate of insurance for vendor registration",
     "Metro City Procurement requires an updated certificate of insurance and a signed vendor "
     "registration form from all contractors by April 30. Please send both to "
     "procurement@metrocity.gov.\n\nColleen Grady\nAccounts Payable"),
    ("renewal_quote", "GH", "o", "Renewal quote - 2024/25 contract",
     "Hello, our three-year agreement ends in June. Please send a renewal quote for 180 RL-4 units "
     "and 120 RL Cam 2, plus a second option in case we grow the tractor fleet by 20. Ruth "
     "Pennington, Purchase Ledger"),
    ("dark_mode", None, "n", "Feature request: night mode for the live map",
     "Our night shift stares at the live map until 4am. A dark theme would be very welcome."),
    ("thanks", None, "s", "Re: your ticket", "That sorted it, thanks! Feel free to close."),
    ("is_it_down", "QC", "s", "roadlark down??",
     "dashboard won't load for me or the other dispatcher. is it you or us"),
    ("training", "SP", "n", "Driver training before the new school year",
     "We hire about 15 new bus drivers every August. Do you run live training sessions on the "
     "Roadlark Driver app, or have short videos we could show at orientation? Keisha Monroe, Safety "
     "& Training Officer"),
    ("billing_contact", "RD", "s", "New billing contact",
     "Please send invoices to ap@riversidedairy.com from now on, not to me personally. Tracy"),
    ("cancel", "PT", "n", "Not renewing",
     "We're selling two of the trucks and downsizing, so we won't renew when our term is up in July. "
     "Please make sure it doesn't auto-renew. Thanks for everything. Duane"),
    ("spam_seo", "GH", "n", "Get your haulage website to #1 on Google!!",
     "Dear Sir/Madam, I noticed your website is not ranking for 'haulage company near me'. Our team "
     "guarantees page 1 results in 30 days at a very low monthly cost. Reply YES for a FREE audit!"),
    ("spam_loan", "PT", "n", "Truck financing PRE-APPROVED",
     "Congratulations! Your business qualifies for up to $350,000 in equipment financing with no "
     "credit check. Act now, this offer expires in 48 hours. Click here to claim."),
    ("test", "QC", "n", "test", "test ticket please ignore"),
    ("ooo", "BT", "c", "Abwesenheitsnotiz: Your request has been updated",
     "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 22.03. im Urlaub und lese meine "
     "E-Mails nicht. In dringenden Fällen wenden Sie sich bitte an disposition@bautrans.de.\n\nI am "
     "out of the office until 22 March."),
    ("paycheck", "RD", "n", "my paycheck is short",
     "hi this is Travis, i drive tanker 6. my last check was short about 9 hours of overtime. the "
     "office said to email roadlark because thats where our hours are. can you fix it"),
    ("truck_dealer", "GH", "c", "RE: Quote for 2 x tractor units",
     "Hi Steve, following our chat at the yard, please go ahead with the two 6x2 tractor units in the "
     "spec we discussed, delivery to Leeds by end of May. Can you confirm the part-exchange figure on "
     "the two old ones? Gareth"),
    ("job_application", None, "n", "Application - Customer Support Specialist",
     "Hello, I'd like to apply for the Customer Support Specialist role on your careers page. I have "
     "four years of experience in fleet dispatch and know the Roadlark dashboard from the customer "
     "side. CV attached. Thank you for considering me."),
    ("conference", None, "c", "Invitation: Fleet Tech Summit 2024 - exhibitor packages",
     "We'd love to have Roadlark exhibit at the Fleet Tech Summit in Columbus this September. Booth "
     "packages start at $4,500 and include two speaker slots. Who handles events on your side?"),
    ("map_colors", None, "n", "Feature request: colour vehicles by depot",
     "It would really help if we could colour the map icons by depot or vehicle type. Right now "
     "every vehicle is the same blue dot."),
    ("nonprofit", "HH", "p", "Nonprofit pricing?",
     "We're a 501(c)(3) home health agency. Do you offer nonprofit pricing on the business plan? "
     "Sandra Whitaker, Director of Clinical Operations"),
    ("docs_link", "VE", "n", "Broken link in the API docs",
     "The 'Authentication' link on the API quick start page goes to a 404."),
    ("security_questionnaire", "MC", "p", "Vendor security questionnaire",
     "The City's information security office needs your completed vendor security questionnaire "
     "(attached, 84 questions) before the contract renewal can go to council. Victor Lam, GIS / IT"),
    ("data_center", "BT", "s", "Wo werden unsere Daten gespeichert?",
     "Hallo, in welchem Land stehen Ihre Server? Unser Datenschutzbeauftragter braucht einen "
     "Auftragsverarbeitungsvertrag und die Bestätigung, dass die Daten in der EU liegen. Florian "
     "Hartmann, IT"),
    ("hallo_messe", "BT", "n", "Stand auf der Baumesse?",
     "Hallo zusammen, sind Sie dieses Jahr mit einem Stand auf der Baumaschinenmesse in München? Wir "
     "würden uns gern die neue Kamera ansehen. Gruß, Matthias Kranz"),
    ("factura_copia", "VE", "s", "Copia de factura de febrero",
     "Hola, necesito una copia en PDF de la factura de febrero para la gestoría. Gracias. Pilar"),
    ("hola_demo", "VE", "c", "Demo para otra empresa",
     "Hola, un amigo tiene una empresa de mudanzas en Valencia y quiere ver una demo de Roadlark. "
     "¿Con quién puede hablar? Gracias, Nuria"),
    ("merci", "LF", "s", "Merci!",
     "Bonjour, juste un petit mot pour remercier Callum de son aide la semaine passée, tout "
     "fonctionne maintenant. Merci encore! Geneviève"),
    ("traduction", "LF", "n", "Faute dans l'application en français",
     "Bonjour, dans l'application Roadlark Driver en français, le bouton affiche « Commencer le quart "
     "de travaille » au lieu de « travail ». Les chauffeurs nous le font remarquer. Merci, Mathieu"),
    ("tire_dealer", "LF", "c", "Commande de pneus",
     "Bonjour Marc, peux-tu me confirmer la livraison des 12 pneus 11R24.5 pour jeudi au garage de "
     "Mont-Laurier? Merci, Sylvain"),
    ("snow_day", "SP", "s", "Snow day - no routes tomorrow",
     "FYI all routes are cancelled tomorrow for the snow day, in case anyone at Roadlark watches our "
     "buses. Denise"),
    ("webinar", "HH", "s", "Webinar recording?",
     "Is the recording of last month's 'Safer winter driving' webinar available anywhere? Linda Park"),
    ("feedback", "GH", "c", "New live map is great",
     "Just wanted to say the new live map is a big improvement, the traffic office love the "
     "clustering. Shona"),
    ("logo_request", None, "s", "Roadlark logo for our driver handbook",
     "Can we use the Roadlark logo in our driver handbook, on the page that explains the app? Is "
     "there a version with a transparent background?"),
    ("holiday_hours", "MC", "c", "Support hours over Thanksgiving",
     "Is phone support staffed over the Thanksgiving weekend? We'll have leaf collection crews out."),
    ("uptime_sla", "GH", "p", "Uptime SLA in the enterprise agreement",
     "What uptime do you commit to for the dashboard and the API under the enterprise agreement, and "
     "how are service credits worked out? Martin Ellwood"),
    ("wrong_vendor", None, "c", "cancel my membership",
     "Please cancel my gym membership effective today, I moved out of state. Member # 220871."),
    ("vuln_report", None, "o", "Security vulnerability report",
     "Hi, I'm an independent security researcher. I believe one of the forms on your marketing site "
     "is vulnerable to stored XSS. Is there a responsible disclosure contact? I haven't shared this "
     "with anyone."),
    ("partnership", None, "n", "Partnership: truck wash network",
     "We operate 60 truck washes across the Midwest and would love to offer Roadlark customers a "
     "discount. Who should I talk to about partnerships?"),
]

# Labelled queries about topics no ticket covers: (org, text, article keys).
NOVEL = [
    ("RD", "Can the reefer units on our refrigerated vans send their temperature to Roadlark and "
     "alert us when the box goes above 5°C?", ["reefer-sensors"]),
    ("GH", "We've got around 140 unpowered trailers. Is there a way to see which trailer is coupled "
     "to which tractor and where the dropped ones are parked?", ["trailer-tracking"]),
    ("HH", "Our nurses drive their own cars. Can they switch tracking off outside working hours so "
     "we don't see their personal trips?", ["privacy-mode"]),
    ("MC", "The city auditor wants a record of which staff member changed vehicle records and "
     "geofences over the last year. Where do I find that?", ["audit-log"]),
    ("SP", "is there a way to rank our bus drivers each month on speeding and harsh braking? want to "
     "give an award to the safest ones", ["driver-scorecards"]),
    ("QC", "Does Roadlark connect to other software, like our invoicing tool or the order system "
     "our clients use?", ["integrations-overview"]),
    ("BT", "Wie exportiere ich alle Fahrtdaten des letzten Jahres? We need a full export of trips and "
     "positions for our archive.", ["data-export"]),
    ("VE", "¿Los repartidores pueden desactivar el seguimiento durante la pausa de la comida? Driver "
     "privacy during breaks.", ["privacy-mode"]),
    ("LF", "Peut-on suivre nos remorques à billes qui n'ont pas de moteur? Trailer tracking for log "
     "trailers left in the bush.", ["trailer-tracking"]),
    ("PT", "can roadlark talk to our towing dispatch software so calls and truck locations show in "
     "one place", ["integrations-overview"]),
    ("RD", "Our insurer wants a yearly export of all trips plus proof of who in the office looked at "
     "driver data. Can Roadlark give us both?", ["data-export", "audit-log"]),
    ("GH", "Does the Roadlark Driver app work with Android Auto on the cab head units?", []),
    ("HH", "Can nurses submit mileage reimbursement claims for their own cars through the Roadlark "
     "app?", []),
    ("MC", "Do you have a sensor for our salt spreaders that records how much salt went down on each "
     "street?", []),
]

# Tickets added by the second sync: (problem, org, status); texts are composed like the rest.
SYNC2_NEW = [
    ("gps_jumps", "HH", "n"),
    ("eld_unassigned", "RD", "n"),
    ("cam_upload", "MC", "n"),
    ("geo_alert_flood", "GH", "n"),
    ("maint_dvir", "GH", "n"),
    ("route_import", "VE", "o"),
    ("acc_password_reset", "RD", "n"),
    ("bill_inactive_devices", "RD", "o"),
]

# Unrelated tickets added by the second sync (same format as UNRELATED).
SYNC2_UNRELATED = [
    ("status_page", "GH", "n", "Status page alerts",
     "Is there a way to get an email or a text when you post an incident on your status page? "
     "Kieran, night traffic office"),
    ("thanks2", "SP", "n", "thank you!", "Thanks Sofia, that call really helped. Have a good weekend!"),
]

# Unrelated tickets the second sync deletes (keys from UNRELATED) and the reason.
SYNC2_DELETED = {
    "spam_seo": "spam",
    "spam_loan": "spam",
    "test": "test ticket",
}
