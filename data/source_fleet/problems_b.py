"""Problem catalogue, part B: maintenance, the Roadlark Driver app, dispatch and routes, reports,
billing, users and access, API and webhooks. Same format as problems_a.py."""

PROBLEMS = [
    dict(
        key="maint_fault_codes",
        feature="maintenance",
        title="Engine fault codes (DTCs) not showing for some vehicles",
        type="problem", priority="normal",
        articles=["fault-codes"],
        plan="BT:p LF:nnn PT:nn RD:nnc SP:s",
        subjects=[
            "Fault codes missing",
            "DTCs not showing for unit 58",
            "check engine light but nothing in Roadlark",
            "engine codes q",
            "Fault codes tab empty on some trucks",
        ],
        openers=[
            "The Fault codes tab is empty for several of our trucks, even though the drivers report a "
            "check engine light.",
            "Some vehicles never show any engine fault codes in Roadlark, while others in the same fleet do.",
            "Our mechanic pulled three active DTCs with his handheld scanner on unit 58, but the dashboard "
            "lists none.",
            "Engine diagnostic codes only appear for our newer vans; the older trucks always say 'No active "
            "faults'.",
            "We stopped seeing fault codes for a handful of vehicles, the rest of the fleet still has them.",
        ],
        details=[
            "The RL-4 on those trucks is online and the GPS position updates every few seconds.",
            "The affected ones are mostly 2014-2016 Volvos with the 9-pin J1939 connector.",
            "Our shop scanner read SPN 3364 FMI 1 on unit 112 this morning, nothing in Roadlark.",
            "We checked the fault code alert rule and it is enabled for all vehicle groups.",
            "A couple of them were installed with a Y-cable because the port is shared with the ELD display.",
        ],
        asks=[
            "Is there a per-vehicle setting to turn engine diagnostics on?",
            "Can you check whether the trackers are reading the engine bus at all?",
            "Do we need a different harness for these trucks?",
        ],
        oneliners=[
            "no DTCs showing for some units, check engine light is on",
            "fault codes tab empty for half the fleet",
        ],
        queries=[
            ("RD", "duplicate", "Tanker 7 had an amber engine warning all week and the workshop found a "
             "coolant sensor code, but Roadlark never listed anything under diagnostics for it. The other "
             "tankers report codes fine."),
            ("PT", "duplicate", "wrecker #4 throws codes on the snap-on scanner but roadlark shows zero "
             "faults. only that truck and #9"),
            ("LF", "duplicate", "Nos Kenworth ne remontent aucun code moteur. The log trucks at the north "
             "camp show no DTCs in Roadlark at all, even with the engine lamp lit on the dash."),
            ("VE", "other_org_only", "En algunas furgonetas no aparecen códigos de avería. The Sprinters at "
             "the Valencia hub never list engine faults in the maintenance section, the Transits do."),
            ("SP", "solved_only", "Engine trouble codes have stopped coming through on a few buses again. "
             "Bus 31 has its malfunction lamp on and the dashboard says no active faults."),
            ("MC", "hard_negative", "The plough trucks from the 2015 order don't report diagnostic trouble "
             "codes to Roadlark, even though our garage can read them with a scan tool. Bin lorries are ok."),
        ],
    ),
    dict(
        key="maint_dvir",
        feature="maintenance",
        title="Driver inspection reports (DVIRs) missing in the web app",
        type="problem", priority="high",
        articles=["dvir"],
        plan="GH:p HH:o LF:oc MC:nnc RD:n SP:sc VE:ns",
        subjects=[
            "DVIRs missing",
            "Inspection reports not showing",
            "pre-trip reports gone?",
            "where are the driver inspections",
            "DVIR defect not visible to shop",
        ],
        openers=[
            "Drivers complete their pre-trip inspections in the Roadlark Driver app, but the reports never "
            "show up on the Inspections page.",
            "We can't find yesterday's DVIRs in the web app even though the drivers say they submitted them.",
            "Our mechanics aren't seeing defects the drivers reported, the inspection reports simply aren't "
            "in the dashboard.",
            "Post-trip inspection reports are missing for most vehicles since Monday.",
            "A DOT officer asked for the last inspection on a truck and we had nothing to show in Roadlark.",
        ],
        details=[
            "On the driver's tablet the inspection shows as 'Submitted' with a green tick.",
            "About 40 of our 120 vehicles have no DVIR at all for this week.",
            "One of the missing ones had a brake defect marked, so this is a safety issue for us.",
            "We filtered the Inspections page by 'All vehicles' and 'Last 7 days'.",
            "The drivers are on app version 5.12 on Samsung tablets.",
        ],
        asks=[
            "Where did the reports go?",
            "Can you restore the missing inspections?",
            "How do we make sure defects reach the workshop?",
        ],
        oneliners=[
            "DVIRs submitted in app not in web app",
            "inspection reports missing since monday, urgent",
        ],
        queries=[
            ("RD", "duplicate", "Our tanker drivers do their walkaround checks in the app every morning, "
             "but when the transport manager looks in Roadlark there's no record for the last 3 days."),
            ("MC", "duplicate", "The vehicle inspection log is blank for the snowplough fleet, yet the "
             "operators swear they filed pre-trip checks on the tablets. We need these for the state audit."),
            ("VE", "duplicate", "Los conductores envían la inspección pero no aparece en la web. Van 22's "
             "driver flagged a broken mirror in his check and the office never saw it."),
            ("PT", "other_org_only", "my guys do the DVIR on the phone before rolling out but nothing shows "
             "on the dashboard. had a roadside inspection ask for it today"),
            ("SP", "solved_only", "Bus pre-trip inspection reports are missing from the web app again, the "
             "drivers sent them before the AM runs."),
        ],
    ),
    dict(
        key="app_logout",
        feature="mobile",
        title="Driver app keeps logging drivers out mid-shift",
        type="problem", priority="high",
        articles=["driver-app-login"],
        plan="GH:sc LF:nns PT:nn QC:oc SP:nnn",
        subjects=[
            "Drivers getting logged out",
            "app logs out randomly",
            "Logout during shift",
            "Roadlark Driver keeps signing out",
            "login issue",
        ],
        openers=[
            "Our drivers keep getting kicked out of the Roadlark Driver app in the middle of their shift.",
            "The driver app signs people out several times a day and they have to type their password again.",
            "Several drivers found themselves back on the login screen halfway through their route.",
            "Since the last update the app logs drivers out when it's been in the background for a while.",
            "Drivers lose their session in the app mid-shift and their duty status stops updating.",
        ],
        details=[
            "It happens mostly on the shared tablets that stay in the truck.",
            "One driver was logged out three times between 6am and noon yesterday.",
            "After logging back in they sometimes have to select the vehicle again.",
            "We're on app version 5.12, a mix of Android 12 and 13.",
            "Their passwords haven't changed and the accounts aren't locked.",
        ],
        asks=[
            "Is there a session timeout we can change?",
            "What makes the app end the session?",
            "Can you look at the login history for our drivers?",
        ],
        oneliners=[
            "driver app logs out mid shift",
            "drivers keep getting signed out of the app",
        ],
        queries=[
            ("LF", "duplicate", "Mes chauffeurs se font déconnecter. Up in the bush the driver app throws "
             "them back to the sign-in page a couple of times per shift and half of them don't remember "
             "their password."),
            ("SP", "duplicate", "Bus drivers keep finding the Roadlark app on the login page by the second "
             "school of the afternoon run. They never signed out. Why does it keep doing this?"),
            ("PT", "duplicate", "app keeps booting my drivers out, had to log back in 4 times today on "
             "truck 6's tablet"),
            ("HH", "other_org_only", "Our nurses get signed out of the Roadlark Driver app between home "
             "visits and lose the trip they were on. Is there a way to keep them logged in all day?"),
            ("GH", "solved_only", "Drivers are being thrown out of the app mid-shift again, same as before. "
             "It started after the tablets updated overnight."),
        ],
    ),
    dict(
        key="app_battery",
        feature="mobile",
        title="Driver app drains phone battery",
        type="problem", priority="normal",
        articles=["driver-app-battery"],
        plan="BT:nnc GH:oc LF:n PT:n QC:nnc RD:sc",
        subjects=[
            "Battery drain",
            "app kills phone battery",
            "Driver app battery usage",
            "phones dead by lunch",
        ],
        openers=[
            "The Roadlark Driver app is draining our drivers' phones, they're flat by the end of the day.",
            "Phone battery drops really fast since we rolled out the driver app.",
            "Android's battery settings show Roadlark Driver using over half of the battery.",
            "Drivers complain their phones get hot and lose charge quickly with the app running.",
            "Our drivers' phones won't last a full shift any more because of the driver app.",
        ],
        details=[
            "They are mostly iPhone 12s and Samsung A52s, a couple of years old.",
            "One driver went from 100% to 15% by 1pm with nothing else open.",
            "Not all vans have a working charger, so they can't just plug in.",
            "It started after the update to 5.11.",
            "Location permission is set to 'Always' as your setup guide said.",
        ],
        asks=[
            "Is there a battery saving mode?",
            "Which settings should the drivers use?",
            "Is this a known issue with the current version?",
        ],
        oneliners=[
            "driver app eating phone battery",
            "phones dead by midday with roadlark app",
        ],
        queries=[
            ("BT", "duplicate", "Der Akku ist mittags leer. Our site foremen run the Roadlark Driver app on "
             "their own phones and by lunchtime they're at 10%. Is that normal?"),
            ("QC", "duplicate", "couriers say the roadlark driver app cooks their phone batery, 2 of them "
             "ran out of juice mid-delivery yesterday"),
            ("MC", "other_org_only", "Crews using the driver app on city-issued phones run out of power "
             "before the shift ends, and the phone's battery screen blames Roadlark Driver."),
            ("SP", "hard_negative", "The driver app uses a ton of battery on the bus drivers' phones; a few "
             "die during the afternoon run. Any settings we can change?"),
        ],
    ),
    dict(
        key="app_messages",
        feature="mobile",
        title="Dispatch messages not delivered to drivers' app",
        type="problem", priority="high",
        articles=["driver-messaging"],
        plan="BT:nno GH:p HH:h LF:nnns RD:oc SP:nnn VE:s",
        subjects=[
            "Messages not reaching drivers",
            "dispatch messages not delivered",
            "driver didn't get my message",
            "Messaging issue",
            "msgs stuck on sent",
        ],
        openers=[
            "Messages we send from the dispatch screen never arrive in the drivers' app.",
            "Drivers say they didn't receive any of the messages dispatch sent this morning.",
            "Our messages to drivers stay at 'Sent' and never change to 'Delivered'.",
            "The driver app inbox is empty even though the office sent several messages today.",
            "Dispatch-to-driver messaging stopped working, drivers see our messages hours later if at all.",
        ],
        details=[
            "Driver replies from the app do reach the dashboard, it's only one way.",
            "We tested with two drivers sitting in the office on Wi-Fi, same result.",
            "One of the messages was about a road closure, so it matters.",
            "The drivers have notifications enabled for the app.",
            "It happened to about 15 messages between 7am and 10am.",
        ],
        asks=[
            "Can you check whether the messages left your system?",
            "Is there a delay on message delivery?",
            "What can the drivers do to receive them?",
        ],
        oneliners=[
            "messages from dispatch not delivered to driver app",
            "drivers not getting our messages, stuck on sent",
        ],
        queries=[
            ("LF", "duplicate", "Le répartiteur envoie des messages mais les chauffeurs ne les reçoivent "
             "pas. Dispatch's note about the washed-out road on chemin 12 never showed up on any tablet."),
            ("SP", "duplicate", "The transportation office sent a route change to 6 bus drivers through "
             "Roadlark at 6:45 and none of them got it. The dashboard still says sent, not delivered."),
            ("MC", "other_org_only", "We message plough operators from the dashboard to redirect them but "
             "nothing shows in their app. They only find out when we call them on the radio."),
            ("QC", "hard_negative", "Sent 3 pickup changes to driver Marcus thru the roadlark chat, he never "
             "got them. his replies come thru fine tho"),
        ],
    ),
    dict(
        key="route_time_windows",
        feature="routes",
        title="Route optimiser ignores customers' delivery time windows",
        type="problem", priority="normal",
        articles=["route-optimisation"],
        plan="BT:nns GH:c HH:s LF:nnnc PT:sc QC:h RD:ns",
        subjects=[
            "Optimiser ignores time windows",
            "route optimization problem",
            "Deliveries scheduled outside window",
            "time windows not respected",
            "optimise route q",
        ],
        openers=[
            "The route optimiser puts stops at times outside the delivery windows we set for customers.",
            "After optimising, several deliveries are planned before the customer even opens.",
            "Our customers' time windows seem to have no effect at all on the optimised stop order.",
            "The optimised route sends the driver to a stop with a 2pm-4pm window at 9:30 in the morning.",
            "Optimise Route gives the same stop order whether or not we set time windows.",
        ],
        details=[
            "The windows are filled in on each customer record under 'Delivery hours'.",
            "Route 14 had 28 stops and 6 of them ended up outside their window.",
            "We tried setting the windows as hard constraints, same result.",
            "The stops were imported from our ERP with window start and end columns.",
            "Drivers end up waiting in car parks or doubling back.",
        ],
        asks=[
            "How do we make the optimiser respect the windows?",
            "Is there a setting we're missing?",
            "Why does it ignore them?",
        ],
        oneliners=[
            "optimiser ignores customer time windows",
            "optimised routes break delivery windows",
        ],
        queries=[
            ("RD", "duplicate", "Farm collections with a 5-7am milking window are being scheduled for 9 "
             "by the route optimiser. We set the window on each farm but it doesn't seem to care."),
            ("LF", "duplicate", "When I hit optimise on the mill runs, the truck gets to the Dolbeau mill "
             "before it opens at 7, ignoring the receiving hours we entered for the mill."),
            ("BT", "duplicate", "Zeitfenster werden ignoriert. The optimised tour for Baustelle Moosach "
             "plans the concrete drop at 6:00 though the site only accepts deliveries 8-12."),
            ("VE", "other_org_only", "El optimizador no respeta las franjas horarias. Shops that only take "
             "deliveries 10-13h get put first in the route at 8h."),
            ("HH", "solved_only", "Route optimisation is ignoring patient appointment windows again, nurse "
             "Patel got sent to her 3pm visit first thing in the morning."),
            ("SP", "hard_negative", "The optimiser ordered our field trip stops without respecting the "
             "arrival times the venues gave us - museum planned at 8 when they only take groups 10-11."),
        ],
    ),
    dict(
        key="route_eta",
        feature="routes",
        title="ETA texts sent to customers are wrong",
        type="problem", priority="normal",
        articles=["customer-eta", "route-optimisation"],
        plan="GH:p HH:no LF:nc QC:h RD:p SP:c",
        subjects=[
            "Wrong ETA texts",
            "customers getting wrong arrival times",
            "ETA SMS way off",
            "ETA q",
        ],
        openers=[
            "The ETA texts our customers receive are way off from when the driver actually arrives.",
            "Customers are complaining that Roadlark told them 10:15 and the van turned up after noon.",
            "The arrival time in the customer SMS doesn't match the ETA shown on the dispatch screen.",
            "Our 'driver on the way' messages give customers times that are hours wrong.",
            "Customers get a text saying the driver is 5 minutes away when he's still at the depot.",
        ],
        details=[
            "Route 7 this morning: 12 customers texted, 9 of them with wrong times.",
            "The dispatch board itself shows reasonable ETAs.",
            "Some texts seem to be out by exactly one hour.",
            "We didn't change the message template.",
            "The drivers started their routes late because of loading, maybe that matters.",
        ],
        asks=[
            "How is the ETA in the text calculated?",
            "Can we stop the texts until this is fixed?",
            "Why is it different from the dispatch view?",
        ],
        oneliners=[
            "customer ETA texts wrong",
            "ETA sms off by an hour+",
        ],
        queries=[
            ("HH", "duplicate", "Patients get a text saying their nurse will be there at 9:40 and she shows "
             "up at 11. Families are waiting around. Where does that arrival time come from?"),
            ("LF", "duplicate", "Le client reçoit une heure d'arrivée fausse. The sawmill got a text saying "
             "13:00 but the load arrived at 15:30, and our dispatch board said 15:20 all along."),
            ("PT", "other_org_only", "customer got a text saying the tow truck was 8 mins out, driver was "
             "still 40 mins away on I-94. happens alot"),
            ("SP", "solved_only", "Parents are getting wrong arrival times in the bus ETA texts again - the "
             "message said 7:52, the bus came at 8:20."),
            ("BT", "hard_negative", "Our site managers get the arrival SMS with the wrong time, always about "
             "an hour early. Der Fahrer ist dann noch im Depot."),
        ],
    ),
    dict(
        key="route_import",
        feature="routes",
        title="Importing stops from a spreadsheet fails",
        type="problem", priority="normal",
        articles=["stop-import"],
        plan="GH:no HH:n MC:o PT:s RD:nnc SP:nnn VE:o",
        subjects=[
            "Stop import fails",
            "CSV upload error",
            "can't import stops",
            "spreadsheet import not working",
            "import q",
        ],
        openers=[
            "We can't import our stops from a spreadsheet anymore, the upload fails every time.",
            "Uploading our daily stop list as CSV gives an error and no stops are created.",
            "The stop import says 'Row 1: invalid column' and then nothing is imported.",
            "Importing tomorrow's deliveries from Excel fails halfway through.",
            "Our import file was accepted last week, now the same format is rejected.",
        ],
        details=[
            "The file has about 180 rows, columns: name, address, postcode, time window, notes.",
            "We export it from our ERP as .xlsx and also tried saving it as CSV UTF-8.",
            "Some addresses have commas and accents in them.",
            "The error only shows a row number, not what's wrong with it.",
            "Entering the stops by hand takes our planner two hours.",
        ],
        asks=[
            "What format does the import expect?",
            "Can you tell us which rows are wrong?",
            "Is there a template we can use?",
        ],
        oneliners=[
            "stop import failing",
            "csv import error, no stops created",
        ],
        queries=[
            ("SP", "duplicate", "Trying to upload the new semester's bus stop list (xlsx, 340 rows) and it "
             "errors out with no stops added. Same columns we used in August."),
            ("RD", "duplicate", "The farm pickup sheet won't load into Roadlark since Tuesday - it stops at "
             "row 57 with 'geocode failed' and throws the whole file away."),
            ("BT", "other_org_only", "Import der Stopps aus Excel schlägt fehl. Our list of Baustellen with "
             "umlauts in the street names gets rejected every time."),
            ("LF", "hard_negative", "L'importation des arrêts échoue. Tried loading the cut block list from "
             "a csv, it says invalid column on row 1 and nothing gets imported."),
        ],
    ),
    dict(
        key="rep_scheduled",
        feature="reports",
        title="Scheduled reports no longer arrive by email",
        type="problem", priority="normal",
        articles=["scheduled-reports"],
        plan="GH:oc HH:s MC:p PT:nn QC:h VE:nnns",
        subjects=[
            "Scheduled report not received",
            "weekly report stopped",
            "No report email this Monday",
            "reports not coming",
            "email reports",
        ],
        openers=[
            "Our scheduled reports stopped arriving by email.",
            "The weekly mileage report used to land in my inbox every Monday at 7, nothing for two weeks.",
            "None of the recipients get the daily idle time report anymore.",
            "Scheduled report emails from Roadlark have just stopped, the schedule still shows as active.",
            "Our fleet manager hasn't had his Friday summary report since the start of the month.",
        ],
        details=[
            "We checked spam and junk folders and the mail server logs, nothing from Roadlark.",
            "Running the same report manually from the Reports page works fine.",
            "The schedule's owner was a colleague who moved to another department.",
            "There are 4 schedules and all of them stopped on the same day.",
            "Our IT changed email filtering provider recently.",
        ],
        asks=[
            "Can you see whether the emails were sent?",
            "Do we have to recreate the schedules?",
            "How can we get them delivered again?",
        ],
        oneliners=[
            "scheduled reports not arriving",
            "no report emails since last week",
        ],
        queries=[
            ("PT", "duplicate", "my daily activity report quit showing up in emial, last one was the 3rd. "
             "the schedule is still there"),
            ("VE", "duplicate", "No llegan los informes programados. The weekly km report for the Madrid hub "
             "hasn't been mailed out for two weeks and nobody touched the settings."),
            ("PT", "duplicate", "Our bookkeeper isn't getting the monthly truck hours report in her inbox "
             "anymore. Can you check if it's still going out?"),
            ("HH", "solved_only", "The Monday visit mileage report isn't reaching our inbox again. Last time "
             "you fixed something on your side."),
            ("RD", "hard_negative", "Automatic mileage and temperature reports stopped being emailed to the "
             "depot managers on Thursday. Running them by hand still works."),
        ],
    ),
    dict(
        key="rep_ifta",
        feature="reports",
        title="IFTA mileage by state does not match our records",
        type="question", priority="high",
        articles=["ifta-report"],
        plan="PT:oc QC:nn RD:no SP:nn VE:s",
        subjects=[
            "IFTA miles don't match",
            "IFTA report question",
            "state mileage wrong?",
            "Q3 IFTA discrepancy",
            "IFTA",
        ],
        openers=[
            "The IFTA report's miles per state don't match what our own trip sheets show.",
            "Our IFTA quarterly totals from Roadlark are lower than the odometer readings for that period.",
            "Roadlark puts miles in a state our trucks never drove through.",
            "We're preparing the Q3 IFTA filing and the jurisdiction mileage doesn't agree with our records.",
            "How does Roadlark calculate miles per state for the IFTA report? Ours are off.",
        ],
        details=[
            "The difference is about 1,200 miles across 14 trucks.",
            "Unit 203 shows 48 miles in Kentucky, it only ran Ohio and Indiana.",
            "Some trucks had their tracker offline for a few days in August.",
            "Our accountant compared against fuel receipts and odometer logs.",
            "The filing deadline is the end of the month.",
        ],
        asks=[
            "Which numbers should we file?",
            "Can you explain the gap?",
            "Can the report be corrected?",
        ],
        oneliners=[
            "IFTA state miles don't match our records",
            "ifta report totals off vs odometer",
        ],
        queries=[
            ("SP", "duplicate", "Our activity trips cross into Indiana and the IFTA report's state "
             "breakdown is about 300 miles under the drivers' trip logs. Which one is right?"),
            ("QC", "duplicate", "ifta miles by state look wrong, roadlark says 0 mi in NJ for Q2 and we run "
             "NJ every single day"),
            ("RD", "duplicate", "Before we file, can someone explain why the IFTA jurisdiction report shows "
             "fewer Wisconsin miles than our tanker odometers add up to for the quarter?"),
            ("MC", "other_org_only", "A few of our heavy trucks go out of state to pick up road salt and the "
             "IFTA summary doesn't agree with the fleet office's mileage log. How is it worked out?"),
            ("GH", "hard_negative", "For our Ontario subsidiary's trucks, the IFTA per-province mileage "
             "doesn't line up with the figures we keep from the tachographs. Why the difference?"),
        ],
    ),
    dict(
        key="rep_timezone",
        feature="reports",
        title="Reports show times in the wrong time zone",
        type="problem", priority="low",
        articles=["timezones"],
        plan="BT:h GH:nnns HH:o MC:nc QC:sc RD:p VE:c",
        subjects=[
            "Wrong times on reports",
            "time zone issue",
            "reports an hour off",
            "Timestamps wrong",
        ],
        openers=[
            "All the times in our reports are shifted by several hours.",
            "The trip report says our trucks left the depot at 1am, they actually left at 6.",
            "Report timestamps don't match the live map, they look like UTC.",
            "Since the clocks changed, every report is an hour off.",
            "Our exported reports show times in a different time zone from ours.",
        ],
        details=[
            "Our account time zone is set correctly in Settings.",
            "The live map shows the right local time.",
            "Depots in different time zones show different offsets.",
            "It affects both the CSV export and the PDF.",
            "My user profile says (GMT-05:00) Eastern Time.",
        ],
        asks=[
            "Where do we set the report time zone?",
            "Can reports use each vehicle's local time?",
            "Is this a bug?",
        ],
        oneliners=[
            "report times wrong time zone",
            "reports show UTC instead of local time",
        ],
        queries=[
            ("MC", "duplicate", "The overnight ploughing report has the crews starting at 03:00 when the "
             "shift began at 22:00 - it looks like UTC. Live map is correct."),
            ("GH", "duplicate", "Since the clocks went forward all the shift reports for the Leeds depot "
             "are an hour early. The tachograph times are right."),
            ("LF", "other_org_only", "Les heures dans les rapports sont décalées. The Chibougamau trucks' "
             "daily reports show start times 5 hours later than they really were."),
            ("VE", "solved_only", "Otra vez las horas de los informes están mal, everything is an hour off "
             "after the clock change."),
        ],
    ),
    dict(
        key="bill_inactive_devices",
        feature="billing",
        title="Still billed for deactivated or returned devices",
        type="problem", priority="normal",
        articles=["billing-devices", "rma-returns"],
        plan="GH:o HH:s LF:nnn QC:nno RD:o VE:nnn",
        subjects=[
            "billed for returned devices",
            "invoice q",
            "Charged for deactivated trackers",
            "device count on invoice wrong",
            "still paying for old units",
        ],
        openers=[
            "Our invoice still charges us for trackers we returned two months ago.",
            "We deactivated 12 devices in January but the monthly bill still counts them.",
            "The device count on our invoice is higher than the number of trucks we have.",
            "We're being billed for RL-4 units that were sent back under RMA.",
            "Why are we still paying for devices from vehicles we sold?",
        ],
        details=[
            "The RMA numbers were RMA-20231 and RMA-20244, both marked received.",
            "Invoice INV-88412 lists 64 devices, we only have 52 active.",
            "The devices show as 'Deactivated' on the Hardware page.",
            "We also returned two dashcams that are still on the bill.",
            "This is the third month in a row.",
        ],
        asks=[
            "Can you credit the extra devices?",
            "How do we stop being billed for these?",
            "Which devices are you counting?",
        ],
        oneliners=[
            "still billed for returned trackers",
            "invoice counts deactivated devices",
        ],
        queries=[
            ("QC", "duplicate", "we sold 3 vans in march and mailed the trackers back, still getting "
             "charged for them on every invoice. need a credit"),
            ("VE", "duplicate", "La factura sigue cobrando dispositivos devueltos. The April invoice charges "
             "for 31 trackers, we have 25 running and the rest went back to you."),
            ("BT", "hard_negative", "Wir zahlen noch für abgemeldete Geräte. Four RL-4s from the scrapped "
             "tipper trucks are switched off in the portal but still appear on our monthly bill."),
        ],
    ),
    dict(
        key="bill_po_number",
        feature="billing",
        title="Invoices missing our PO number / wrong billing entity",
        type="task", priority="normal",
        articles=["invoices-po"],
        plan="BT:nnc HH:n PT:s QC:s SP:n",
        subjects=[
            "PO number on invoice",
            "invoice missing PO",
            "Wrong company name on invoice",
            "billing entity change",
            "invoice q",
        ],
        openers=[
            "Our accounts payable team rejects your invoices because they don't show our PO number.",
            "We need our purchase order number printed on every Roadlark invoice.",
            "The invoice is addressed to our old company name and our finance team won't pay it.",
            "Can you change the billing entity on our invoices to our parent company?",
            "Invoices are going out without the PO reference we gave your sales team.",
        ],
        details=[
            "The PO number is 4500127733, valid until the end of the fiscal year.",
            "We moved to a new legal entity on 1 January and the VAT number changed.",
            "Invoice INV-90211 was rejected by AP this week.",
            "The billing address should be our head office, not the depot.",
            "Our procurement system matches invoices on PO number automatically.",
        ],
        asks=[
            "Where can we add the PO number?",
            "Can you reissue the last invoice?",
            "Can you update the billing entity and VAT number?",
        ],
        oneliners=[
            "please add PO number to invoices",
            "invoice has wrong company name, need reissue",
        ],
        queries=[
            ("BT", "duplicate", "Unsere Buchhaltung braucht die Bestellnummer auf der Rechnung. Can you put "
             "PO 4711-2024 on our invoices and send the March one again with it?"),
            ("SP", "duplicate", "The district business office can't process Roadlark bills unless they carry "
             "our purchase order number and the district's legal name. How do we get that changed?"),
            ("HH", "duplicate", "Our invoice still says Harbor Home Health LLC; we became a nonprofit entity "
             "in January with a new tax ID. Please correct it and add our PO."),
            ("RD", "other_org_only", "The co-op's AP system bounces your invoice because there's no PO "
             "reference on it. Where do we enter one so it prints?"),
            ("LF", "hard_negative", "Nos factures doivent indiquer notre numéro de bon de commande. They "
             "should also be made out to Laurentide Forestry Inc., not the old sawmill company name."),
        ],
    ),
    dict(
        key="bill_suspended",
        feature="billing",
        title="Account suspended or limited after a failed payment",
        type="problem", priority="urgent",
        articles=["payment-failed"],
        plan="BT:n GH:sc MC:oc PT:s QC:no SP:oc VE:nn",
        subjects=[
            "Account suspended!!",
            "Can't access dashboard - payment",
            "account limited",
            "card declined, account locked",
            "URGENT billing",
        ],
        openers=[
            "Our account has been suspended and the dispatchers can't see the live map.",
            "We get a banner saying 'Account limited due to unpaid invoice' and reports are disabled.",
            "Roadlark locked us out after our card payment failed.",
            "All users see 'Your account is suspended, contact billing' when they log in.",
            "The payment for this month failed and now our drivers can't log in to the app.",
        ],
        details=[
            "Our company card expired at the end of last month and we already updated it.",
            "The bank says there was no attempt on the new card.",
            "We have 40 trucks on the road right now and no visibility.",
            "The invoice is INV-91877 for 1,284.00.",
            "We never got an email about the failed payment.",
        ],
        asks=[
            "Please restore access right away.",
            "How can we pay the outstanding invoice now?",
            "Why weren't we warned before the suspension?",
        ],
        oneliners=[
            "account suspended after failed payment, need access now",
            "locked out, card declined, urgent",
        ],
        queries=[
            ("VE", "duplicate", "¡Cuenta suspendida! The card charge bounced and now nobody in the Madrid "
             "office can see the vans. We put in a new card this morning, please reactivate."),
            ("QC", "duplicate", "our account says limited - unpaid invoice and dispatch can't assign jobs. "
             "we paid by ACH yesterday. need it back asap"),
            ("RD", "other_org_only", "Roadlark has shown a suspension notice since 8am and tanker drivers "
             "can't get into the app. Our direct debit failed because we switched banks."),
            ("GH", "solved_only", "We've been locked out again after a declined card payment, the live map "
             "is greyed out. The card details were updated on Monday."),
            ("LF", "hard_negative", "Notre compte est suspendu. The payment was refused after our bank "
             "changed and now the dispatch office can't see the trucks. How do we pay right now?"),
        ],
    ),
    dict(
        key="acc_visibility",
        feature="access",
        title="A user cannot see some vehicles (group permissions)",
        type="question", priority="normal",
        articles=["user-groups"],
        plan="BT:s GH:p HH:n LF:s MC:sc RD:ns",
        subjects=[
            "User can't see vehicles",
            "missing trucks for a user",
            "permissions question",
            "Vehicle visibility",
            "some units missing for dispatcher",
        ],
        openers=[
            "One of our dispatchers can only see part of the fleet on the live map.",
            "A new manager logs in and sees 12 vehicles, but we have 80.",
            "Some vehicles are invisible to certain users, even though I as admin see all of them.",
            "How do we give a user access to vehicles in another depot?",
            "Vehicles we added last month don't appear for our supervisors.",
        ],
        details=[
            "Her role is 'Dispatcher' and she's in the 'North depot' group.",
            "The missing vehicles were added to a new group called 'Spares'.",
            "She tried logging out and in, and a different browser.",
            "Reports for that user also only include her vehicles.",
            "The user was created via SSO and got the default group.",
        ],
        asks=[
            "Which setting controls what a user sees?",
            "How do we give her all vehicles?",
            "Can a vehicle be in more than one group?",
        ],
        oneliners=[
            "user can't see some vehicles",
            "dispatcher only sees part of fleet",
        ],
        queries=[
            ("HH", "duplicate", "Our regional coordinator in Eastport only sees her own nurses' cars in "
             "Roadlark, not the Bayview office ones she now covers too. How do I change that?"),
            ("RD", "duplicate", "The new transport supervisor can see the tankers but none of the "
             "refrigerated vans. I'm an admin and I see everything. Is this a group thing?"),
            ("SP", "other_org_only", "A router in our transportation department only has 20 of our 95 buses "
             "on her map. What decides which buses a user can see?"),
            ("PT", "hard_negative", "my dispatcher at the second yard can't see trucks 11-15 on the map, I "
             "can. what setting is that"),
        ],
    ),
    dict(
        key="acc_sso",
        feature="access",
        title="Office staff cannot sign in with single sign-on",
        type="problem", priority="high",
        articles=["sso-setup"],
        plan="GH:nns LF:ns MC:ns PT:n QC:s SP:o",
        subjects=[
            "SSO login failing",
            "can't sign in with Microsoft",
            "single sign-on error",
            "login issue",
            "Okta SSO not working",
        ],
        openers=[
            "Our office staff can't sign in with single sign-on anymore.",
            "Clicking 'Sign in with SSO' takes users to our identity provider and then back to the Roadlark "
            "login page with an error.",
            "Since this morning the Azure AD sign-in to Roadlark fails for everyone in the office.",
            "New employees can't log in through SSO, they get 'User not provisioned'.",
            "SSO login gives 'SAML response invalid' for all users.",
        ],
        details=[
            "We renewed the signing certificate in Azure last week.",
            "Drivers log in to the app with passwords and are fine; it's only office users.",
            "Our IdP is Okta and the Roadlark app assignment hasn't changed.",
            "The error page shows a request ID: 7f3a-19c2.",
            "Admins with a local password can still get in.",
        ],
        asks=[
            "What do we need to update on our side?",
            "Can you check the SAML logs?",
            "Can you disable SSO enforcement temporarily?",
        ],
        oneliners=[
            "SSO login broken for office users",
            "saml sign-in error since today",
        ],
        queries=[
            ("GH", "duplicate", "Nobody at the Doncaster office can get into Roadlark this morning, the "
             "Microsoft sign-in just loops back to the login page. We rotated our Entra certificate Friday."),
            ("MC", "duplicate", "City staff get an error after authenticating with our identity provider and "
             "never reach the Roadlark dashboard. Drivers using app passwords aren't affected."),
            ("LF", "duplicate", "L'authentification unique ne fonctionne plus. Staff click SSO, enter "
             "their credentials at Okta, then Roadlark says 'invalid SAML assertion'."),
        ],
    ),
    dict(
        key="acc_password_reset",
        feature="access",
        title="Password reset emails never arrive",
        type="problem", priority="normal",
        articles=["password-reset"],
        plan="BT:n GH:oc LF:nno MC:c QC:s RD:p",
        subjects=[
            "Password reset email not received",
            "no reset link",
            "forgot password not working",
            "login issue",
            "reset emails",
        ],
        openers=[
            "When users click 'Forgot password' the reset email never arrives.",
            "I requested a password reset four times and got nothing.",
            "Our drivers can't reset their passwords because the email doesn't come through.",
            "The password reset link never shows up in our inbox, not even in spam.",
            "Nobody in our company receives Roadlark password reset emails.",
        ],
        details=[
            "Other emails from Roadlark, like alerts, do arrive.",
            "We use Microsoft 365 with Mimecast filtering.",
            "The user's address is correct on the Users page.",
            "It's been like this since Tuesday.",
            "Two drivers are stuck and can't log in to the app for their shift.",
        ],
        asks=[
            "Can you check if the emails were sent?",
            "Can an admin reset the password instead?",
            "What address do the emails come from, so we can whitelist it?",
        ],
        oneliners=[
            "password reset email never arrives",
            "no reset link in inbox or spam",
        ],
        queries=[
            ("LF", "duplicate", "Le courriel de réinitialisation n'arrive jamais. Three of our foremen asked "
             "for a new password and got no mail, even after waiting an hour."),
            ("BT", "duplicate", "Passwort vergessen - aber keine E-Mail. Our Polier requested a reset twice "
             "this morning and nothing arrived at his bautrans.de address."),
            ("PT", "other_org_only", "clicked forgot password like 5 times, no email. checked junk. how do i "
             "get back in"),
            ("QC", "solved_only", "The reset password emails aren't coming through for our couriers again, "
             "we already whitelisted your sender last time."),
            ("HH", "hard_negative", "One of our nurses forgot her password and the reset link never comes to "
             "her harborhomehealth.org inbox. Can an admin reset it for her?"),
        ],
    ),
    dict(
        key="api_throttled",
        feature="api",
        title="API calls rejected with 429 Too Many Requests",
        type="problem", priority="normal",
        articles=["api-limits"],
        plan="GH:s LF:p PT:nns QC:h VE:n",
        subjects=[
            "429 errors from API",
            "Too Many Requests",
            "API rate limit",
            "API throttling",
            "api q",
        ],
        openers=[
            "Our integration is getting HTTP 429 Too Many Requests from the Roadlark API.",
            "Calls to /v1/vehicles/locations started failing with 429 this week.",
            "We're being rate limited by the API even though our request volume hasn't changed.",
            "Our sync job hits 429s a few minutes into every run and then stops.",
            "What are the API rate limits? We keep getting throttled.",
        ],
        details=[
            "We poll locations for 300 vehicles every 30 seconds.",
            "The response has a Retry-After header of 60.",
            "We added a second integration for the fuel data last month.",
            "It's a Python script using requests, no retries.",
            "The errors start at about 6am when all depots come online.",
        ],
        asks=[
            "Can you raise our limit?",
            "What is the limit per minute?",
            "Is there a better endpoint to use?",
        ],
        oneliners=[
            "API returns 429 too many requests",
            "rate limited on /v1/vehicles",
        ],
        queries=[
            ("VE", "duplicate", "Nuestra integración recibe errores 429. The TMS sync polls "
             "/v1/vehicles/locations every 15s for 60 vans and gets throttled after a couple of minutes."),
            ("PT", "duplicate", "getting 429 from your api when our dispatch software pulls truck positions. "
             "started monday"),
            ("VE", "duplicate", "What's the request cap per minute on the Roadlark REST API? Nightly trip "
             "export fails halfway with Too Many Requests."),
            ("SP", "other_org_only", "The routing vendor for our bus routes is getting rate-limited by "
             "Roadlark's API (HTTP 429) every morning around 6:30. Can the limit be raised?"),
            ("GH", "solved_only", "Our data warehouse loader is hitting 429 Too Many Requests again on the "
             "trips endpoint, same as a few months ago."),
        ],
    ),
    dict(
        key="api_webhooks",
        feature="api",
        title="Webhook events stopped arriving at our endpoint",
        type="problem", priority="high",
        articles=["webhooks"],
        plan="BT:c LF:n PT:ns QC:sc RD:p VE:nn",
        subjects=[
            "Webhooks stopped",
            "not receiving webhook events",
            "webhook endpoint getting nothing",
            "webhooks down?",
        ],
        openers=[
            "Our webhook endpoint has stopped receiving events from Roadlark.",
            "We haven't had a geofence.entered webhook since Saturday.",
            "The webhook subscription shows as 'Paused' and no events are delivered.",
            "Events like vehicle.ignition_on no longer reach our server.",
            "Webhooks from Roadlark just stopped and our TMS isn't updating.",
        ],
        details=[
            "Our server was down for maintenance for about two hours on Friday night.",
            "The endpoint is https://hooks.freightdesk.io/roadlark and answers 200 to a manual POST.",
            "We renewed our TLS certificate last week.",
            "The 'Send test event' button works.",
            "There are 3 subscriptions and all of them stopped at the same time.",
        ],
        asks=[
            "How do we resume the subscription?",
            "Can you replay the missed events?",
            "Why weren't we notified?",
        ],
        oneliners=[
            "webhook events stopped arriving",
            "webhook subscription paused, no events",
        ],
        queries=[
            ("VE", "duplicate", "Desde el domingo no recibimos webhooks. Our delivery platform stopped "
             "getting ignition and geofence events from Roadlark, and the endpoint is up."),
            ("PT", "duplicate", "no webhooks hitting our server since the power outage friday. does roadlark "
             "turn them off?"),
            ("BT", "solved_only", "Webhook-Events kommen wieder nicht an. The subscription looks paused "
             "again after we restarted our server."),
        ],
    ),
]
