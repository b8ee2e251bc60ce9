"""Problem catalogue of the fleet catalogue (Roadlark), part A: GPS tracking, ELD logs, dashcams,
fuel, geofences, hardware, maintenance. Same format as data/source/problems_a.py (the shipped
catalogue's): each problem's `plan`, fragments and labelled `queries` are explained there.
"""

PROBLEMS = [
    dict(
        key="gps_offline",
        feature="gps",
        title="Tracker shows Offline / vehicle stopped reporting its position",
        type="problem", priority="high",
        articles=["gps-troubleshooting", "device-activation"],
        plan="GH:n MC:nc PT:o QC:nnnc RD:s SP:c VE:p",
        subjects=[
            "Tracker offline",
            "trackers??",
            "Vehicle not reporting since yesterday",
            "RL-4 shows Offline but truck is driving",
            "GPS issue",
        ],
        openers=[
            "Three of our vehicles show as Offline on the live map even though they have been out "
            "on the road all day.",
            "One of our trucks stopped sending its position yesterday afternoon and the dashboard "
            "still says \"Last seen 19 h ago\".",
            "The RL-4 tracker in one of our vans has gone grey on the map and no new trips are "
            "being recorded at all.",
            "We have a vehicle that simply disappeared from tracking: no pings, no trips, status "
            "Offline.",
            "Since Monday a couple of our units are not reporting any location, the map just "
            "keeps the last dot from last week.",
        ],
        details=[
            "The driver says the truck has been running normally and he's done about 400 km since.",
            "We unplugged the RL-4 from the OBD port for 30 seconds and plugged it back in, the "
            "light blinks green but nothing shows up.",
            "Affected units are 214, 218 and 231, all installed by the same fitter in March.",
            "The other 60 vehicles in the fleet are reporting fine, so it's not our internet.",
            "The device page still shows firmware 3.8.1 and a last check-in of 06:42 on Tuesday.",
        ],
        asks=[
            "Can you check on your side whether the device is still connecting?",
            "Do we need to replace the tracker or is there something we can reset?",
            "Please advise urgently, we can't dispatch blind.",
        ],
        oneliners=[
            "unit 214 offline since yesterday, truck is driving. pls check",
            "Several trackers say Offline, no positions at all coming in.",
        ],
        queries=[
            ("MC", "duplicate", "Gritter G-07 has been out on the salt route since 4am but Roadlark "
             "still lists it as Offline with last contact at 11:52 yesterday. Is the unit dead?"),
            ("GH", "duplicate", "Lorry KX19 FHD hasn't sent a single location since it left the "
             "Daventry depot on Tuesday, dashboard just says offline. Driver confirms ignition on "
             "and tacho working."),
            ("QC", "duplicate", "van 12 went dark on the map around lunch, no pings for 5 hours "
             "now. we already power cycled the tracker at the OBD port, still nothing"),
            ("BT", "other_org_only", "Unser Kipper BT-22 meldet seit Freitag keine Position mehr. "
             "The tracker is shown as offline on the map although the truck is working on site "
             "every day."),
            ("SP", "solved_only", "Bus 41 stopped reporting to the live map again, status offline "
             "since this morning's run. Parents' app shows nothing. What do we do?"),
        ],
    ),
    dict(
        key="gps_jumps",
        feature="gps",
        title="Vehicle position jumps or drifts to wrong places on the map",
        type="problem", priority="normal",
        articles=["gps-accuracy"],
        plan="HH:p LF:h MC:nn QC:c SP:s VE:nns",
        subjects=[
            "Map shows truck in the wrong place",
            "GPS jumping around",
            "Position drifting while parked",
            "weird location jumps",
        ],
        openers=[
            "The live map keeps putting one of our vans in places it has never been, like the "
            "middle of a lake or a field two miles off the road.",
            "Our vehicle positions jump back and forth on the map, the trip line looks like a "
            "zigzag across town.",
            "When our trucks are parked overnight the map shows them wandering around the yard "
            "and even onto the next street.",
            "Trip history for several units has straight lines to random spots and back, as if "
            "the vehicle teleported.",
            "The location shown for our vehicles is often off by a few hundred metres, sometimes "
            "on the wrong side of the motorway.",
        ],
        details=[
            "It seems worse near tall buildings and under the overpass by our depot.",
            "Because of the jumps the trip report adds 30-40 phantom miles a day to unit 305.",
            "The tracker is mounted under the dash behind a metal panel, the installer said that "
            "was fine.",
            "Speeding alerts fire when the position jumps, e.g. 140 mph on a residential street.",
            "The drivers' phones show the correct location at the same time, so it's not the "
            "area.",
        ],
        asks=[
            "Is there a way to improve the accuracy or filter these jumps out?",
            "Could the device be faulty? Should we move it?",
            "Can you look at the raw GPS data for these units?",
        ],
        oneliners=[
            "positions jumping all over the map for unit 305",
            "Parked truck drifts around on the map every night, why?",
        ],
        queries=[
            ("MC", "duplicate", "The bin lorry on route 9 shows up inside the river on the live map "
             "and then hops back onto Elm St. Its breadcrumb trail is all spikes. Bad GPS fix?"),
            ("VE", "duplicate", "Las furgonetas aparecen en calles equivocadas. Our delivery vans "
             "keep showing a couple of blocks away from where they really are in central Madrid, "
             "and the route line zigzags."),
            ("BT", "other_org_only", "Our excavator transporter sits parked at the Leipzig yard all "
             "weekend but the map has it creeping around within 500 m and logs short trips."),
            ("QC", "solved_only", "van 7s location is wrong again - it jumped 3 miles to the "
             "airport and back in 2 minutes and we got a speeding alert for 180mph lol"),
            ("GH", "hard_negative", "The trailer unit on route M6 is drawn in fields next to the "
             "motorway and sometimes on the opposite carriageway. How accurate should the RL-4 "
             "position be?"),
        ],
    ),
    dict(
        key="gps_delay",
        feature="gps",
        title="Live map positions lag many minutes behind reality",
        type="problem", priority="normal",
        articles=["live-map-refresh", "gps-troubleshooting"],
        plan="HH:sc LF:oc MC:s PT:o QC:nnnc VE:nno",
        subjects=[
            "Live map delayed",
            "Positions are late",
            "map not real time??",
            "Tracking lags behind",
            "Delay on live tracking",
        ],
        openers=[
            "The live map is running way behind: our drivers have already arrived at the customer "
            "but the dot is still several streets back.",
            "Vehicle positions on the dashboard are consistently 10-15 minutes old, even though "
            "the trackers are online.",
            "Live tracking isn't live for us anymore, the timestamps on the vehicle cards are "
            "always a good while behind the clock.",
            "Our dispatchers see trucks where they were a quarter of an hour ago, which makes the "
            "map useless for assigning jobs.",
            "The map only catches up in big batches: nothing moves for ages and then the van "
            "suddenly skips along its whole route.",
        ],
        details=[
            "The route itself is drawn correctly afterwards, it's just late.",
            "Refreshing the browser or logging out doesn't change anything.",
            "It started around the time we got the update notice last week.",
            "Unit 58 showed 'updated 14 min ago' while the driver was on the phone with us at the "
            "drop.",
            "Same delay in Chrome and in the Roadlark Driver app map view.",
        ],
        asks=[
            "What is the normal update interval and can we make it faster?",
            "Is there a problem on your end with the live feed?",
            "Please look into it, our customers complain about wrong ETAs.",
        ],
        oneliners=[
            "live map is 10+ min behind for all vans",
            "positions arrive late in batches, not real time",
        ],
        queries=[
            ("VE", "duplicate", "El mapa va con retraso. Our courier shows as still on the way "
             "when he has already delivered and is back in the van, roughly 12 min late each "
             "time."),
            ("QC", "duplicate", "Dispatch keeps calling drivers because the map says they're blocks "
             "away when they're already at pickup. Last update stamp is always 10-20 min old."),
            ("VE", "duplicate", "Is the live view supposed to refresh only every quarter hour? The "
             "vans sit still then jump forward along the whole street at once."),
            ("GH", "hard_negative", "Our night planner says the positions on the live map trail the "
             "real lorry by about 15 minutes. Trackers are online and the trips look right later."),
        ],
    ),
    dict(
        key="eld_unassigned",
        feature="eld",
        title="Unassigned driving time piling up on ELD vehicles",
        type="question", priority="normal",
        articles=["eld-unassigned"],
        plan="BT:nnc GH:c HH:c LF:s MC:nnc QC:o RD:p",
        subjects=[
            "Unassigned driving",
            "Lots of unassigned HOS time",
            "ELD unassigned segments - what to do",
            "who is driving? unassigned logs",
        ],
        openers=[
            "Our ELD dashboard shows hours of unassigned driving time on several trucks and the "
            "list keeps growing every week.",
            "We have dozens of driving segments that are not attached to any driver and I don't "
            "know how to clear them.",
            "The compliance page flags unassigned drive time on vehicles where the driver forgot "
            "to log in to the Roadlark Driver app.",
            "Every morning there are new 'Unassigned' entries for short moves around our yard.",
            "Our auditor asked why some vehicles show driving with no driver on the log.",
        ],
        details=[
            "Some of it is the mechanics taking trucks for a test drive after a repair.",
            "Truck 112 alone has 6 h 40 min unassigned for the last 8 days.",
            "The drivers say they were logged in, but maybe the tablet was not paired yet when they "
            "pulled out.",
            "We're worried this will be a problem in a DOT roadside inspection.",
            "I can see an 'Assign' button but don't know if drivers need to accept it.",
        ],
        asks=[
            "What is the correct way to assign these segments to drivers?",
            "Can we annotate yard moves so they stop showing as unassigned?",
            "How do we stop this happening in the first place?",
        ],
        oneliners=[
            "how do I get rid of unassigned driving on the ELD",
            "Lots of unassigned drive time piling up, what's the process?",
        ],
        queries=[
            ("BT", "duplicate", "Wir haben viele Fahrten ohne Fahrer. The hours-of-service screen "
             "lists long stretches of driving with nobody assigned on our US project trucks. "
             "How should we assign them correctly?"),
            ("MC", "duplicate", "Fleet shop keeps moving plow trucks between bays and each move "
             "lands as driving with no driver on the ELD. Compliance wants that list cleaned up."),
            ("BT", "duplicate", "unassigned hos segments again on truck 7 and 9, about 3 h total. "
             "driver says he forgot to sign in on the tablet. can the office fix it?"),
            ("SP", "other_org_only", "Our activity buses show driving time belonging to no one in "
             "the logs, mostly short trips to the wash bay. Do we have to claim those?"),
            ("PT", "hard_negative", "Roadlark shows 2 hrs 15 of drive time that isn't on anybody's "
             "log for wrecker 3 last Saturday. Who should it go to and how do we attach it?"),
        ],
    ),
    dict(
        key="eld_malfunction",
        feature="eld",
        title="ELD shows a malfunction / engine synchronization diagnostic",
        type="problem", priority="high",
        articles=["eld-malfunctions"],
        plan="HH:no LF:o MC:n PT:n QC:ns SP:s VE:o",
        subjects=[
            "ELD malfunction",
            "Engine sync diagnostic on tablet",
            "Red M on driver app",
            "ELD error - can driver keep driving?",
            "malfunction code E",
        ],
        openers=[
            "One of our drivers has a red 'M' malfunction indicator in the Roadlark Driver app and "
            "the log says 'Engine synchronization compliance'.",
            "The ELD is showing an engine synchronization diagnostic on one truck and the hours "
            "no longer update while driving.",
            "Our driver was told at a roadside inspection that his ELD is in malfunction and he "
            "needs paper logs.",
            "The tablet keeps flipping between 'Connected to vehicle' and 'Engine data "
            "unavailable', and now it shows malfunction code E.",
            "We're getting ELD data diagnostic events on several vehicles: missing engine hours "
            "and odometer in the log.",
        ],
        details=[
            "The RL-4 is plugged into the 9-pin J1939 port under the dash.",
            "The diagnostic came up about two hours into the shift on I-80.",
            "We rebooted the tablet and re-paired Bluetooth, it cleared for 20 minutes and came "
            "back.",
            "Engine hours in the log show as blank and odometer jumps from 412,300 to 0.",
            "The driver is now on paper logs and we need to know how long that's allowed.",
        ],
        asks=[
            "What does the malfunction mean and how do we clear it?",
            "Is it the tracker or the tablet that's at fault?",
            "Can the driver legally continue, and for how many days?",
        ],
        oneliners=[
            "ELD malfunction E on truck 40, driver on paper logs now",
            "engine sync diagnostic keeps coming back, need help",
        ],
        queries=[
            ("QC", "duplicate", "Driver on box truck 22 has a malfunction flag on the ELD, says "
             "engine sync. Hours stopped counting while he was moving. Do I put him on paper?"),
            ("HH", "duplicate", "One of our nurses' cars on the ELD pilot shows diagnostic 'engine "
             "data missing' then a malfunction badge. Odometer in the log reads 0."),
            ("BT", "other_org_only", "Our Texas crew's tablet says 'ELD malfunction - engine "
             "synchronization' since the truck got a new ECU. Inspector wasn't happy."),
        ],
    ),
    dict(
        key="eld_edit_sync",
        feature="eld",
        title="Log edits made in the office do not reach the driver to accept",
        type="problem", priority="normal",
        articles=["eld-log-edits"],
        plan="BT:nnn HH:n PT:nn QC:o RD:nc SP:oc VE:s",
        subjects=[
            "Log edits not showing for driver",
            "Driver can't see edit request",
            "ELD edits stuck pending",
            "edits not syncing to app",
        ],
        openers=[
            "When our safety manager edits a driver's log in the dashboard, the driver never "
            "gets the request to accept or reject it.",
            "Suggested log corrections from the office stay on 'Pending driver approval' forever.",
            "We proposed a change to a duty status on the web and it never appears in the "
            "Roadlark Driver app.",
            "Our drivers say there is nothing to review in the app, but the dashboard shows "
            "several edits waiting for them.",
            "Edits to hours-of-service logs are not syncing to the tablets, so the logs can't be "
            "certified.",
        ],
        details=[
            "The edit was to change 45 min of On Duty to Off Duty for a lunch break.",
            "The driver logged out and back in and updated the app to the latest version.",
            "Some edits from last Tuesday are still pending, newer ones as well.",
            "The driver's tablet has a data connection, messages from dispatch arrive fine.",
            "We have about 12 edits stuck across four drivers.",
        ],
        asks=[
            "Where should the driver see these edits in the app?",
            "Can you push them again or check why they aren't arriving?",
            "Is there a way for the office to approve on the driver's behalf?",
        ],
        oneliners=[
            "office log edits never reach the driver app",
            "HOS edits stuck 'pending driver approval'",
        ],
        queries=[
            ("PT", "duplicate", "I fixed a duty status on Mike's log from the web (he was off duty "
             "not driving) and his phone never asked him to OK it. Still says waiting on driver."),
            ("RD", "duplicate", "Our transport clerk sends corrections to tanker drivers' logs but "
             "on the tablet there's no notification and no edit to review. Been 3 days."),
            ("VE", "solved_only", "The log changes we make in the dashboard don't show up for the "
             "driver to accept again, same as last month. App version 5.2."),
            ("MC", "hard_negative", "Supervisors corrected a sanitation driver's HOS day in the "
             "dashboard but the request to approve it never lands on his tablet."),
        ],
    ),
    dict(
        key="cam_upload",
        feature="dashcam",
        title="Requested dashcam video never uploads",
        type="problem", priority="normal",
        articles=["dashcam-video-retrieval"],
        plan="GH:h LF:s MC:p PT:n QC:p RD:n VE:p",
        subjects=[
            "Video request stuck",
            "Dashcam footage not uploading",
            "Can't get video from camera",
            "video still pending after 2 days",
        ],
        openers=[
            "I requested a video clip from one of our RL Cam 2 dashcams and it has been sitting "
            "on 'Waiting for upload' for two days.",
            "We need footage from an incident yesterday but the video retrieval request never "
            "completes.",
            "Every time we ask for a clip from the dashcam the status stays at 'Requested' and "
            "nothing downloads.",
            "The dashcam shows the incident time in the timeline, but when I click Retrieve the "
            "video never arrives.",
            "Our insurer needs the dashcam video of a minor collision and the upload seems stuck.",
        ],
        details=[
            "The truck has been running for hours since the request, so the camera had power.",
            "Short auto-uploaded event clips come through, just not manual requests.",
            "We asked for 3 minutes around 14:20 on the 8th, camera on unit 77.",
            "Tried cancelling and requesting again, and a shorter 30 second clip too.",
            "The vehicle was parked at the depot with Wi-Fi all night.",
        ],
        asks=[
            "Can you see why the upload isn't happening?",
            "Is the footage still on the SD card and can you force the upload?",
            "How long should a retrieval normally take?",
        ],
        oneliners=[
            "dashcam video request stuck on waiting for upload",
            "Need footage urgently, retrieval never finishes.",
        ],
        queries=[
            ("PT", "duplicate", "asked the cam in rollback 5 for the 2 min of the crash on hwy 2 "
             "thursday. still spinning 'requested' today. insurance adjuster waiting"),
            ("RD", "duplicate", "We've pulled a clip from the cab camera on tanker 14 to check a "
             "reversing incident at the farm gate; the request never goes past pending."),
            ("PT", "duplicate", "How long does it take to get footage off the RL Cam 2? I asked for "
             "a clip 36 hours ago and the truck's been running but nothing came through."),
            ("BT", "other_org_only", "Videoanforderung hängt. Requested video from the dashcam in "
             "crane truck 3 on Monday, status still waiting for upload."),
            ("LF", "solved_only", "The video we requested from the log truck camera won't come "
             "down again, stuck on awaiting upload since yesterday morning."),
        ],
    ),
    dict(
        key="cam_false_events",
        feature="dashcam",
        title="Dashcam flags harsh braking / collisions that did not happen",
        type="problem", priority="normal",
        articles=["dashcam-event-sensitivity"],
        plan="HH:p LF:oc MC:nns RD:n SP:s VE:ns",
        subjects=[
            "False harsh braking events",
            "Dashcam says collision, there was none",
            "Too many false alerts from camera",
            "event detection wrong",
            "harsh events on every bump",
        ],
        openers=[
            "Our dashcams are raising harsh braking events all day for drivers who were driving "
            "perfectly normally.",
            "We received a 'Possible collision' alert for a truck and the video shows it just "
            "went over a pothole.",
            "The event feed is full of harsh cornering and braking alerts that don't match the "
            "videos at all.",
            "Every speed bump and railway crossing on our routes seems to trigger a harsh event.",
            "Drivers are upset because their safety scores dropped from events that never "
            "happened.",
        ],
        details=[
            "One van got 23 harsh braking events in a single shift at normal city speed.",
            "The camera is mounted on the windscreen behind the mirror as per the guide.",
            "A collision alert fired while unit 19 was parked with the engine off.",
            "It started after we moved the cameras to our heavier vehicles.",
            "Our safety team spends hours every morning dismissing these.",
        ],
        asks=[
            "Can the sensitivity be adjusted per vehicle type?",
            "How do we get the false events removed from driver scores?",
            "Is something wrong with the calibration?",
        ],
        oneliners=[
            "dashcam flags harsh braking when nothing happened",
            "false collision alerts again from the cameras",
        ],
        queries=[
            ("MC", "duplicate", "Snowplough cams log 'hard brake' and 'impact' every time the blade "
             "drops on the road. Real incidents get lost in the noise."),
            ("VE", "duplicate", "Nuestros conductores reciben frenadas bruscas falsas. The camera "
             "marks harsh braking on cobblestone streets even at 20 km/h, and scores are tanking."),
            ("RD", "duplicate", "Got a collision notification for tanker 9 at 03:10 but the footage "
             "shows it going over the cattle grid at the yard entrance. Happens most nights."),
            ("PT", "hard_negative", "Our tow trucks get dinged for harsh braking and crashes when "
             "they're winching a car onto the bed. Can the camera ignore that?"),
        ],
    ),
    dict(
        key="cam_sd_card",
        feature="dashcam",
        title="Dashcam reports storage (SD card) error and stops recording",
        type="problem", priority="high",
        articles=["dashcam-sd-card", "rma-returns"],
        plan="BT:n GH:p LF:c MC:nc PT:s SP:ns",
        subjects=[
            "Dashcam storage error",
            "SD card error on camera",
            "Camera not recording",
            "RL Cam 2 - no footage",
        ],
        openers=[
            "One of our RL Cam 2 dashcams shows 'Storage error' on the device page and hasn't "
            "recorded anything since.",
            "The dashboard says 'SD card not detected' for one of our cameras and there's no "
            "footage for the last week.",
            "We went to pull footage after an incident and found the camera stopped recording "
            "days ago because of a card error.",
            "A dashcam is showing a red status light and the app says the storage needs "
            "attention.",
            "Several cameras flagged a memory card fault and their recording timeline is empty.",
        ],
        details=[
            "We reseated the SD card and restarted the camera, the error comes back after a few "
            "minutes.",
            "The camera still connects and shows a live snapshot, it just doesn't save video.",
            "Unit 502's camera was installed only four months ago.",
            "We tried formatting the card from the dashboard but the job fails.",
            "Our policy requires continuous recording on school routes, so this is critical.",
        ],
        asks=[
            "Should we replace the SD card ourselves or send the camera back?",
            "Which card type is supported?",
            "Can we get a replacement shipped quickly?",
        ],
        oneliners=[
            "dashcam storage error, not recording",
            "SD card not detected on cam in unit 502",
        ],
        queries=[
            ("MC", "duplicate", "Refuse truck R-14's camera has a memory card fault warning and "
             "the timeline for this week is blank. We needed Tuesday's footage for a claim."),
            ("SP", "duplicate", "bus 12 dashcam stopped saving video, red light and 'card error' on "
             "the device screen. we're not allowed to run without recording"),
            ("BT", "duplicate", "Kamera im LKW BT-31 zeigt Speicherfehler. Formatting from the "
             "portal fails and no video has been recorded since the 2nd."),
            ("PT", "solved_only", "SD card error on the cam in truck 8 again. Recording stopped "
             "last Friday. Do we swap the card or ship the camera?"),
            ("RD", "hard_negative", "The dashcam in refrigerated van 6 shows 'storage error' and "
             "the clips page is empty since Saturday. Is the card shot?"),
        ],
    ),
    dict(
        key="fuel_card_declined",
        feature="fuel",
        title="Fuel card declined at the pump",
        type="problem", priority="high",
        articles=["fuel-cards"],
        plan="HH:nno LF:s PT:n QC:o RD:n SP:oc",
        subjects=[
            "Fuel card declined",
            "Driver stuck at pump",
            "Card not working at gas station",
            "URGENT fuel card",
            "cards declining",
        ],
        openers=[
            "One of our drivers is standing at the pump right now and his Roadlark fuel card keeps "
            "getting declined.",
            "Our fuel cards were refused at two different stations this morning.",
            "The fuel card for one vehicle gets declined even though it shows Active in the "
            "dashboard.",
            "Drivers report their cards are rejected at the pump with 'Transaction not allowed'.",
            "A driver had to pay for diesel with his own money because the company card was "
            "declined.",
        ],
        details=[
            "The card ending 4471 is assigned to unit 88.",
            "The station is in the fuel network list and we've used it before.",
            "The driver entered the PIN and the odometer, the terminal says declined right after.",
            "Our monthly spend is far below the limit we set.",
            "It started after we changed the card limits last week.",
        ],
        asks=[
            "Can you check why the card is blocked and unblock it?",
            "Is there a daily limit or product restriction we don't know about?",
            "Please call back, the driver is waiting.",
        ],
        oneliners=[
            "fuel card declined at pump, driver stranded",
            "All our fuel cards declined today??",
        ],
        queries=[
            ("RD", "duplicate", "Milk tanker driver at the Shell on Route 20 - card ending 0932 "
             "refused twice. It says active in Roadlark. He's got a 6am collection to make."),
            ("HH", "duplicate", "A home visit nurse couldn't fill up this afternoon, the pump said "
             "the card was declined. Is there a limit on her card?"),
            ("PT", "duplicate", "our cards wont go thru at the truck stop, says not allowed. need "
             "this fixed asap driver has a tow waiting"),
            ("VE", "other_org_only", "La tarjeta de combustible no funciona. The fuel card of van "
             "VE-15 is refused at the station although our spend is under the limit."),
            ("LF", "solved_only", "Card declined at the pump again for log truck 21 near "
             "Chibougamau, driver entered PIN and odometer, still refused."),
        ],
    ),
    dict(
        key="fuel_unmatched",
        feature="fuel",
        title="Fuel transactions not matched to the right vehicle",
        type="problem", priority="normal",
        articles=["fuel-matching"],
        plan="HH:p LF:oc MC:s PT:nnc QC:nn SP:p",
        subjects=[
            "Fuel transactions on wrong vehicle",
            "Unmatched fuel purchases",
            "Fuel report wrong truck",
            "fuel matching",
        ],
        openers=[
            "Our fuel transactions are being attached to the wrong vehicles in the fuel report.",
            "A lot of fuel purchases this month show as 'Unmatched' with no vehicle at all.",
            "Diesel bought for one truck shows up under a completely different unit.",
            "The fuel page flags purchases as 'Vehicle not at location' even though the driver "
            "was right there filling up.",
            "Fuel transactions are not lining up with the vehicles that actually fuelled.",
        ],
        details=[
            "Sometimes drivers borrow another truck's card when theirs is in the other cab.",
            "About 40 of 310 transactions last month are unmatched.",
            "Unit 14 shows 3 fills on a day it was in the workshop.",
            "The station address on the transaction is about 2 km from where the truck was.",
            "We assign cards to vehicles, not drivers.",
        ],
        asks=[
            "How does the matching work and can we correct it manually?",
            "Can we match by driver instead of by card?",
            "Please help, our fuel cost per vehicle is meaningless now.",
        ],
        oneliners=[
            "fuel purchases assigned to the wrong truck",
            "lots of unmatched fuel transactions this month",
        ],
        queries=[
            ("QC", "duplicate", "Our fuel report shows van 3 filling up twice in Newark while van 3 "
             "was in the shop. Looks like purchases are landing on the wrong vans."),
            ("PT", "duplicate", "Half of October's diesel fills have no truck against them, just "
             "'unmatched'. How do I link them to the right wrecker?"),
            ("RD", "other_org_only", "Fuel for our reefer vans is showing on the milk tankers in "
             "the fuel report, the numbers per vehicle don't add up at all."),
            ("MC", "solved_only", "Fuel transactions are again being matched to the wrong "
             "vehicles in Public Works, several say 'vehicle not at location'."),
            ("VE", "hard_negative", "Algunas compras de gasoil no tienen vehículo. Several fuel "
             "transactions are unassigned or on the wrong van. Can we fix them by hand?"),
        ],
    ),
    dict(
        key="fuel_mpg",
        feature="fuel",
        title="Fuel economy report shows impossible MPG figures",
        type="problem", priority="low",
        articles=["fuel-economy", "fuel-matching"],
        plan="MC:n PT:sc QC:nnn RD:ns SP:o VE:ns",
        subjects=[
            "MPG report wrong",
            "Fuel economy numbers make no sense",
            "impossible mpg",
            "Fuel efficiency report",
        ],
        openers=[
            "The fuel economy report says one of our vans is doing 94 mpg, which is obviously "
            "wrong.",
            "Our fuel efficiency figures are all over the place: one truck at 0.8 mpg and another "
            "at 60.",
            "The MPG column in the fuel report shows numbers that are physically impossible for "
            "our vehicles.",
            "We're trying to compare fuel consumption across the fleet but the report's values "
            "are nonsense.",
            "The L/100 km in the fuel economy report jumps wildly from month to month for the "
            "same vehicle.",
        ],
        details=[
            "Unit 33 is a 7.5 t box truck that realistically does around 12-14 mpg.",
            "Distance looks right in the trip report, so it must be the fuel side.",
            "Some vehicles have fills but no miles, or miles but no fills.",
            "We switched the report to litres and it's equally odd.",
            "Management wants to use this report for the quarterly review next week.",
        ],
        asks=[
            "How is the fuel economy calculated?",
            "Can you tell us which data is wrong?",
            "Is it something in our setup?",
        ],
        oneliners=[
            "fuel economy report says 94 mpg for a van",
            "MPG figures impossible, please check",
        ],
        queries=[
            ("VE", "duplicate", "El informe de consumo dice 1,2 L/100 km para una furgoneta diésel. "
             "The efficiency numbers can't be real, can you explain how they're worked out?"),
            ("QC", "duplicate", "fuel economy page has our sprinter at 71 mpg and the transit at 3. "
             "neither is even close. what's going on with the calc"),
            ("RD", "duplicate", "Tanker 4 apparently averaged 0.6 mpg in November according to the "
             "fuel report. Trip mileage looks fine. Where does the MPG come from?"),
            ("LF", "other_org_only", "The consumption figures in the fuel efficiency report are "
             "absurd for our Western Stars, some show 40 mpg with full loads."),
            ("PT", "solved_only", "MPG column is wacky again - flatbed 2 shows 88 mpg this month. "
             "Last time you said it was the fills, same thing?"),
            ("HH", "hard_negative", "Our Corollas are listed at 180 mpg in the fuel economy report "
             "while others show 5. We want to use this for reimbursement so it has to be right."),
        ],
    ),
    dict(
        key="geo_alert_missing",
        feature="geofence",
        title="Geofence entry/exit alerts not sent",
        type="problem", priority="normal",
        articles=["geofences", "alert-settings"],
        plan="HH:o LF:n PT:n RD:c SP:n VE:c",
        subjects=[
            "Geofence alerts not working",
            "No alert when truck arrives",
            "Not getting geofence emails",
            "zone alerts missing",
        ],
        openers=[
            "We set up a geofence around our main depot but we never get an alert when vehicles "
            "enter or leave it.",
            "Our geofence exit alerts stopped arriving, even though the trip clearly crosses the "
            "boundary.",
            "The trip history shows the truck driving into the customer zone, yet no entry "
            "notification was sent.",
            "Nobody on the alert list is receiving geofence emails or texts anymore.",
            "Geofence alerts work for some sites but for others we never hear anything.",
        ],
        details=[
            "The geofence is a polygon of about 300 m around the yard.",
            "We checked spam folders and the alert recipients list.",
            "The alert history page for that rule is empty for the last two weeks.",
            "Unit 61 entered the zone at 07:14 on Monday according to the map.",
            "Other alert types like speeding still arrive.",
        ],
        asks=[
            "Can you check whether the alert rule is set up correctly?",
            "Why would the geofence not trigger?",
            "Is there a minimum size or time in zone?",
        ],
        oneliners=[
            "geofence alerts never arrive",
            "no entry/exit notifications for our depot zone",
        ],
        queries=[
            ("LF", "duplicate", "Aucune alerte quand les camions arrivent au moulin. We drew a zone "
             "around the sawmill but no entry notification ever comes, the trips show them "
             "inside."),
            ("SP", "duplicate", "We're supposed to get a text when a bus leaves the school zone in "
             "the afternoon. Nothing since the start of term, even though the buses clearly left."),
            ("QC", "other_org_only", "geofence on the hospital lab pickup - no alert when our vans "
             "arrive or leave. alert history is empty"),
            ("VE", "solved_only", "Otra vez sin alertas de geocerca. Our depot zone in Valencia "
             "stopped sending entry/exit alerts again."),
        ],
    ),
    dict(
        key="geo_alert_flood",
        feature="geofence",
        title="Dozens of repeated geofence alerts when a vehicle sits near the boundary",
        type="problem", priority="low",
        articles=["alert-settings", "geofences"],
        plan="GH:nnnc LF:nnnc PT:nnn QC:o RD:s SP:oc",
        subjects=[
            "Too many geofence alerts",
            "Alert spam from geofence",
            "Same alert over and over",
            "geofence alerts x50",
            "Inbox full of enter/exit",
        ],
        openers=[
            "We're getting flooded with geofence alerts: the same truck enters and exits the "
            "zone dozens of times while it's just parked.",
            "One vehicle parked next to the depot fence generated over 80 entry/exit emails "
            "overnight.",
            "Our geofence alerts repeat endlessly when a vehicle stops near the edge of the zone.",
            "The dispatch team's inbox is full of 'entered' / 'left' alerts for vans that haven't "
            "moved.",
            "Every time a lorry waits at the gate of a customer site we get an alert every minute "
            "or two.",
        ],
        details=[
            "The vehicle was parked on the street right outside the yard, maybe 10 m from the "
            "boundary.",
            "Between 22:00 and 05:30 we received 64 alerts for unit 12.",
            "Drivers have started ignoring the alerts, which defeats the purpose.",
            "We drew the zone quite tight around the loading bays.",
            "Turning the alert off isn't an option, we need to know when trucks arrive.",
        ],
        asks=[
            "Is there a way to add a delay or buffer so it doesn't repeat?",
            "Can alerts be limited to one per vehicle per hour?",
            "What do you recommend for geofence size?",
        ],
        oneliners=[
            "geofence alert spam from parked truck",
            "same enter/exit alert 50 times, please help",
        ],
        queries=[
            ("PT", "duplicate", "wrecker 6 parked at the impound lot fence and pinged in/out of the "
             "lot geofence all night. 70+ texts to my phone. how do I stop the repeats?"),
            ("LF", "duplicate", "Des dizaines d'alertes. A truck waiting at the edge of the landing "
             "zone kept triggering entry and exit, our foreman got 40 emails in an hour."),
            ("MC", "other_org_only", "A plough staged just outside the salt dome zone sends "
             "'arrived'/'departed' every couple of minutes. Can we add a grace period?"),
        ],
    ),
    dict(
        key="hw_activation",
        feature="hardware",
        title="Newly installed device does not activate / not in the account",
        type="problem", priority="normal",
        articles=["device-activation"],
        plan="BT:ns LF:nns MC:s QC:n RD:nnn SP:o",
        subjects=[
            "New tracker not activating",
            "Device not showing in account",
            "Installed RL-4, nothing in dashboard",
            "activation pending",
        ],
        openers=[
            "We installed five new RL-4 trackers yesterday and none of them appear in our device "
            "list.",
            "The new device has been plugged in for a day but is still 'Pending activation'.",
            "I'm trying to add a tracker by serial number and the dashboard says it doesn't "
            "exist or belongs to another account.",
            "Our new dashcam shows up nowhere in the account after installation.",
            "The installer fitted the tracker and drove around for 20 minutes, but it never came "
            "online for us.",
        ],
        details=[
            "Serial numbers start with RL4-0098 and were on the packing slip from the last order.",
            "The LED on the device blinks amber, then green.",
            "We followed the activation guide step by step.",
            "The vehicles were added in the dashboard beforehand with VIN and plate.",
            "Our account manager said the devices were shipped to us two weeks ago.",
        ],
        asks=[
            "Can you activate these devices on our account?",
            "Is there something we need to do for the device to register?",
            "Please check whether the serials are linked to us.",
        ],
        oneliners=[
            "new RL-4 stuck on pending activation",
            "Installed trackers don't show in our account",
        ],
        queries=[
            ("LF", "duplicate", "Nos nouveaux boîtiers ne s'activent pas. We fitted 4 RL-4 units on "
             "the new Kenworths and the serials aren't in our account, adding them gives 'unknown "
             "device'."),
            ("RD", "duplicate", "Installed a tracker on the new reefer van 31 Friday. Still pending "
             "activation this morning and the fitter swears it's seated right. What are we missing?"),
            ("MC", "solved_only", "Another batch of trackers fitted to the new street sweepers "
             "doesn't show up in the Public Works account. Serials RL4-0112xx."),
        ],
    ),
    dict(
        key="hw_rma",
        feature="hardware",
        title="Faulty device needs replacing (RMA)",
        type="task", priority="normal",
        articles=["rma-returns"],
        plan="BT:h GH:nn HH:s LF:nnc MC:s PT:h VE:sc",
        subjects=[
            "Replacement tracker",
            "RMA request",
            "Broken device - need replacement",
            "return faulty unit",
        ],
        openers=[
            "We have a tracker that is physically damaged and need a replacement.",
            "Please send us a replacement for a device that keeps rebooting every few minutes.",
            "One of our RL Cam 2 units has a cracked lens and a broken mount after a windscreen "
            "replacement.",
            "We'd like to return a faulty RL-4 and get a new one under warranty.",
            "The device in one of our trucks has a dead port, the connector pins are bent.",
        ],
        details=[
            "Serial number RL4-0047213, installed in unit 409.",
            "Our mechanic already tried it in a second vehicle with the same result.",
            "The device is 14 months old so should still be under warranty.",
            "We need the replacement shipped to the Leeds depot, not head office.",
            "We have two more units with the same issue if you want them back as well.",
        ],
        asks=[
            "How do we start an RMA and do you provide a shipping label?",
            "Can you ship the replacement before we send the old one back?",
            "What's the turnaround time?",
        ],
        oneliners=[
            "need RMA for broken tracker RL4-0047213",
            "faulty dashcam, please replace",
        ],
        queries=[
            ("LF", "duplicate", "Le boîtier du camion 18 est mort après un lavage haute pression. "
             "Need a swap unit shipped to our Roberval yard and a return label for the bad one."),
            ("GH", "duplicate", "RL-4 in DX68 KPT is cooked, boot-loops even on the bench. "
             "Can you raise a warranty return and send a new one to Immingham depot?"),
            ("LF", "duplicate", "how do we do a return on a camera with a cracked housing? "
             "serial on the back is RLC2-221904"),
            ("SP", "other_org_only", "The tracker on bus 27 was damaged when the dash panel was "
             "replaced. We need a replacement device and instructions for returning the broken "
             "one."),
            ("VE", "solved_only", "Necesitamos otro cambio de equipo: the tracker in van 9 has a "
             "broken connector, please send a replacement like last time."),
        ],
    ),
    dict(
        key="hw_reassign",
        feature="hardware",
        title="Moving a tracker to another vehicle: history goes with it",
        type="question", priority="normal",
        articles=["device-reassign"],
        plan="BT:s LF:o MC:ns PT:p RD:h SP:nnn",
        subjects=[
            "Moving tracker to new truck",
            "Trip history on wrong vehicle after swap",
            "Reassign device",
            "old trips showing under new van",
        ],
        openers=[
            "We moved a tracker from an old truck we sold to a new one and now the new truck "
            "shows all the old truck's trips.",
            "How do we move a device to a different vehicle without mixing up the history?",
            "After swapping trackers between two vans, their trip histories are muddled.",
            "We replaced a vehicle and moved the RL-4 across, but the mileage and trips from the "
            "old vehicle carried over.",
            "The reports for our new bus include two years of history from the bus it replaced.",
        ],
        details=[
            "The old vehicle was unit 12, the new one is unit 40.",
            "We just unplugged it and plugged it into the new vehicle, nothing in the dashboard.",
            "The odometer on the new vehicle now shows 287,000 km instead of 1,200.",
            "We need to keep the old vehicle's history for our records even though it's sold.",
            "We'll be doing this for about 15 vehicles as we renew the fleet.",
        ],
        asks=[
            "What's the right procedure for moving a device?",
            "Can you split the history back to the correct vehicle?",
            "Will the old vehicle's data be kept?",
        ],
        oneliners=[
            "moved tracker to new truck, old history followed it",
            "how to reassign a device without losing history?",
        ],
        queries=[
            ("MC", "duplicate", "Pulled the tracker out of retired dump truck 118 and put it in the "
             "replacement 131. Now 131 has all of 118's trips and 300k miles on it. Can that be "
             "separated?"),
            ("SP", "duplicate", "We're retiring 6 buses this summer and reusing their trackers in "
             "the new ones. What do we do so the route history stays with the old bus records?"),
            ("QC", "hard_negative", "swapped the gps unit from van 4 into van 15 and van 15's trip "
             "log now starts in 2021. how do I fix that and do it right next time?"),
        ],
    ),
    dict(
        key="maint_odometer",
        feature="maintenance",
        title="Service reminders wrong because the odometer reading is off",
        type="problem", priority="normal",
        articles=["maintenance-schedules"],
        plan="GH:o LF:oc MC:n PT:nnns QC:s SP:nnnc",
        subjects=[
            "Odometer wrong in Roadlark",
            "Service reminder way too early",
            "Maintenance due dates off",
            "mileage doesn't match dash",
        ],
        openers=[
            "The odometer Roadlark shows for our trucks is thousands of miles off from the "
            "dashboard, so service reminders come at the wrong time.",
            "We got an oil change reminder for a van that was serviced 2,000 miles ago.",
            "Our maintenance schedule says a bus is overdue for service, but the real mileage is "
            "nowhere near the interval.",
            "Mileage-based service reminders are unreliable because the vehicle odometer in "
            "Roadlark doesn't match the actual reading.",
            "Some vehicles never trigger their service reminder because the odometer in the "
            "system is lower than reality.",
        ],
        details=[
            "Unit 23's dash reads 184,512 mi, Roadlark says 171,090.",
            "The difference seems to grow each month.",
            "Some of our older vehicles don't report odometer over the OBD port, as far as we know.",
            "Our mechanics have stopped trusting the reminders and went back to the spreadsheet.",
            "We entered the starting odometer when we installed the trackers last year.",
        ],
        asks=[
            "How do we correct the odometer in Roadlark?",
            "Where does the odometer value come from: the engine or GPS?",
            "Can the service reminders be recalculated after a correction?",
        ],
        oneliners=[
            "odometer off by 13k miles, service reminders useless",
            "maintenance reminders firing at the wrong mileage",
        ],
        queries=[
            ("PT", "duplicate", "Flatbed 4 says 96k on the dash but Roadlark thinks 109k so it keeps "
             "nagging for a PM service we did last month. Whose odometer is right?"),
            ("MC", "duplicate", "The 15,000 mile PM reminders for our sweepers fire either way early "
             "or never, the mileage in the maintenance module is off from the cluster readings."),
            ("SP", "duplicate", "bus 33 hasn't had a service reminder in ages, odometer in system "
             "is stuck about 8,000 miles below the actual. state inspection coming up"),
            ("VE", "other_org_only", "Los avisos de mantenimiento llegan tarde. The km shown for "
             "our vans is lower than the real odometer, so the 30,000 km service alert is late."),
            ("QC", "solved_only", "Service due alerts are wrong again because the odometer we see "
             "in Roadlark doesn't match van 11's dash. We corrected it once already."),
            ("RD", "hard_negative", "Tanker 2's odometer in Roadlark is 6,000 km higher than the "
             "truck's own reading, so the oil change reminder popped up way ahead of schedule."),
        ],
    ),
]
