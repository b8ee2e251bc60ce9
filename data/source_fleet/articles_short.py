"""Shorter Help Center articles, written for this project. Same format as articles_long.py."""


def A(key, title, section, labels, body, promoted=False):
    return dict(key=key, title=title, section=section, labels=labels, promoted=promoted, body=body)


ARTICLES = [
    A("gps-accuracy", "Why vehicle positions jump or drift on the map", "tracking",
      ["gps", "accuracy", "map"],
      """<p>A tracker that reports on time can still place a vehicle in the wrong spot: on a parallel
street, in a field, or jumping several hundred metres and back. Common causes:</p>
<ul>
<li><strong>No GPS fix, cell location instead.</strong> When the RL-4 cannot see satellites (tunnels,
multi-storey car parks, depots with metal roofs) it falls back to a position estimated from mobile
masts, accurate only to 500 m-2 km. These points are drawn as a hollow circle; hover to see
<em>Source: cell</em>.</li>
<li><strong>Urban canyons.</strong> Signals reflecting off tall buildings shift positions by 20-50 m.</li>
<li><strong>Poor installation.</strong> A tracker mounted under a metal dash panel, behind a heated
windscreen or in the footwell has a weak view of the sky. Move it higher or fit the external
antenna.</li>
<li><strong>Cold start.</strong> The first position after a long stop can be off until the fix settles.</li>
</ul>
<p>Turn on <strong>Map &gt; Settings &gt; Snap trips to roads</strong> to smooth drawn trips, and
<strong>Hide cell-based positions</strong> to remove jumps. If one vehicle drifts much more than others,
check its installation. Positions that are correct but late are a different issue; see
<a href="/hc/en-us/articles/live-map-refresh">How often the live map refreshes</a>.</p>"""),
    A("live-map-refresh", "How often the live map refreshes", "tracking",
      ["gps", "live map", "ping interval"],
      """<p>The live map shows each vehicle's last reported position. How current that is depends on
the tracker's reporting (ping) interval and on the mobile network.</p>
<table>
<tr><th>Situation</th><th>RL-4 reports every</th></tr>
<tr><td>Ignition on, moving</td><td>60 seconds</td></tr>
<tr><td>Live mode (Business, Enterprise)</td><td>10 seconds</td></tr>
<tr><td>Ignition off, parked</td><td>4 hours</td></tr>
</table>
<p>The dashboard itself refreshes every 10 seconds. A delay of up to a minute is therefore
normal on the default interval. Delays of several minutes mean reports are queuing on the
device: weak coverage, roaming between networks or a congested cell. The reports arrive in a
burst later and the trip is filled in correctly.</p>
<p>To turn on Live mode, open <strong>Settings &gt; Vehicles &gt; [vehicle] &gt; Tracking</strong> and
choose <strong>Live (10 s)</strong>. It uses more mobile data, so use it for vehicles where dispatch
needs it. If a vehicle stops updating completely, see
<a href="/hc/en-us/articles/gps-troubleshooting">Troubleshooting GPS trackers</a>.</p>"""),
    A("eld-unassigned", "Review and assign unassigned driving time", "compliance",
      ["eld", "hos", "unassigned driving"],
      """<p>When a vehicle with an ELD moves and no driver is signed in to the Roadlark Driver app,
the time is recorded as <strong>unassigned driving</strong>. FMCSA rules require carriers to review
these records and either assign them to a driver or explain them.</p>
<h2>Why it builds up</h2>
<ul>
<li>Drivers start driving before signing in, or sign in on a different vehicle.</li>
<li>Yard moves, shunting and test drives by mechanics.</li>
<li>Vehicles used by staff who are not ELD drivers.</li>
<li>A tracker moved to another vehicle without updating the vehicle record.</li>
</ul>
<h2>How to review it</h2>
<ol>
<li>Go to <strong>Compliance &gt; Unassigned driving</strong>.</li>
<li>For each segment, click <strong>Assign</strong> and choose the driver. The driver must accept it
in the app before it enters their log.</li>
<li>If no driver applies, click <strong>Annotate</strong> and give a reason, such as "yard move by
workshop".</li>
</ol>
<p>Records must be kept for 6 months. More than 30 minutes of unassigned driving in 24 hours
raises diagnostic 5; see <a href="/hc/en-us/articles/eld-malfunctions">ELD malfunctions</a>.</p>"""),
    A("eld-log-edits", "Propose log edits and get drivers to accept them", "compliance",
      ["eld", "hos", "log edits"],
      """<p>Office staff can propose corrections to a driver's hours-of-service log, but under FMCSA
rules the driver must approve every edit. Proposed edits appear in the Roadlark Driver app under
<strong>Logs &gt; Pending edits</strong>.</p>
<h2>If the driver does not see the edit</h2>
<ul>
<li><strong>The app has not synced.</strong> Edits are delivered when the app is online. Ask the
driver to pull down on the Logs screen to refresh.</li>
<li><strong>Old app version.</strong> Versions before 6.4 do not show edits to certified days.
Update from the app store.</li>
<li><strong>Signed in on another device.</strong> The edit goes to the device where the driver is
currently signed in.</li>
<li><strong>Notifications are off.</strong> The app still lists the edit, but the driver is not alerted.</li>
<li><strong>The edit was replaced.</strong> Proposing a second edit for the same period cancels the
first one.</li>
</ul>
<p>Automatically recorded driving time cannot be shortened or reassigned by an edit. Check the
status of each proposal in <strong>Compliance &gt; Logs &gt; [driver] &gt; Edit history</strong>:
<em>Pending</em>, <em>Accepted</em> or <em>Rejected</em>.</p>"""),
    A("dashcam-video-retrieval", "Request and download dashcam video", "video",
      ["dashcam", "video", "upload"],
      """<p>RL Cam 2 uploads short clips of harsh events automatically. Other footage stays on the
camera's SD card until you request it under <strong>Video &gt; Request video</strong>: pick the
vehicle, date and time, up to 10 minutes per request.</p>
<h2>Why a request stays Pending</h2>
<ul>
<li><strong>The camera is off.</strong> Cameras only upload while the ignition is on. A request for
a parked vehicle completes on its next trip.</li>
<li><strong>No mobile signal.</strong> Uploads pause without coverage and resume automatically.</li>
<li><strong>The footage was overwritten.</strong> The SD card holds about 60 hours of driving; older
footage is lost and the request fails with <em>Not available</em>.</li>
<li><strong>Upload over Wi-Fi only.</strong> If this option is on, video waits until the vehicle is back
at a depot with Wi-Fi.</li>
<li><strong>Monthly data allowance used up.</strong> HD requests pause; choose SD quality.</li>
<li><strong>Card error.</strong> See <a href="/hc/en-us/articles/dashcam-sd-card">Dashcam SD card
errors</a>.</li>
</ul>
<p>Requests that cannot be completed within 7 days are cancelled.</p>"""),
    A("dashcam-event-sensitivity", "Adjust harsh event sensitivity and avoid false events", "video",
      ["dashcam", "harsh events", "calibration"],
      """<p>RL Cam 2 detects harsh braking, acceleration, cornering and collisions from its
accelerometer. False events usually mean the thresholds do not fit the vehicle or the camera
is not mounted firmly.</p>
<ul>
<li><strong>Loose mount.</strong> A camera that vibrates records potholes and door slams as
collisions. Re-fit it with a new adhesive pad.</li>
<li><strong>Not calibrated.</strong> After moving the camera, run <strong>Recalibrate</strong> in
<strong>Settings &gt; Devices &gt; [camera]</strong> and drive 5 minutes on a straight road.</li>
<li><strong>Wrong vehicle profile.</strong> Choose the right type so the right thresholds are used:</li>
</ul>
<table>
<tr><th>Profile</th><th>Harsh braking</th><th>Collision</th></tr>
<tr><td>Car / van</td><td>0.45 g</td><td>2.5 g</td></tr>
<tr><td>Heavy truck / bus</td><td>0.30 g</td><td>2.0 g</td></tr>
<tr><td>Off-road / construction</td><td>0.55 g</td><td>3.5 g</td></tr>
</table>
<p>You can also set sensitivity to Low, Medium or High per vehicle group, and mark an event as
<strong>False positive</strong> so it does not count in driver scores.</p>"""),
    A("dashcam-sd-card", "Dashcam SD card errors", "video", ["dashcam", "sd card", "storage"],
      """<p>If RL Cam 2 reports <em>Storage error</em> or <em>SD card not recording</em>, the camera is not
saving footage. Harsh event clips may still upload, but you cannot request other video.</p>
<ol>
<li><strong>Format the card in the camera</strong>: <strong>Settings &gt; Devices &gt; [camera] &gt;
Format SD card</strong>. This erases all footage.</li>
<li><strong>Use a supported card.</strong> Only high-endurance cards of 64-256 GB work reliably.
Ordinary cards wear out within months of continuous recording.</li>
<li><strong>Check the age of the card.</strong> Even high-endurance cards wear out after about two
years. Heat in parked vehicles shortens this.</li>
<li><strong>Reseat the card</strong> with the ignition off.</li>
</ol>
<p>If the error returns after formatting a supported card, the card or camera is faulty. Cards
supplied with the camera are replaced free of charge within the warranty; see
<a href="/hc/en-us/articles/rma-returns">Return a faulty device (RMA)</a>.</p>"""),
    A("fuel-cards", "Roadlark fuel cards and declined transactions", "fuel", ["fuel cards", "declined"],
      """<p>Roadlark fuel cards are accepted at most major fuel networks. A card is declined when a
transaction breaks one of its controls. The decline reason is shown under
<strong>Fuel &gt; Transactions &gt; Declined</strong>.</p>
<table>
<tr><th>Reason</th><th>What to do</th></tr>
<tr><td>Limit exceeded</td><td>Raise the per-fill or daily limit on the card.</td></tr>
<tr><td>Product not allowed</td><td>The card allows diesel only; add AdBlue or petrol.</td></tr>
<tr><td>Vehicle not near pump</td><td>Location check: the linked vehicle was more than 500 m from
the station. Check the tracker is online or relax the check.</td></tr>
<tr><td>Wrong PIN or odometer</td><td>Three wrong PINs lock the card for 24 hours.</td></tr>
<tr><td>Card frozen</td><td>Unfreeze it in <strong>Fuel &gt; Cards</strong>.</td></tr>
</table>
<p>All cards are declined if the account is limited after a failed payment; see
<a href="/hc/en-us/articles/payment-failed">What happens when a payment fails</a>.</p>"""),
    A("fuel-matching", "How fuel transactions are matched to vehicles", "fuel", ["fuel", "transactions"],
      """<p>Roadlark matches each fuel card transaction to a vehicle so fuel appears in trip, cost and
fuel economy reports. The rules, in order:</p>
<ol>
<li>If the card is assigned to a vehicle, the transaction goes to that vehicle.</li>
<li>If the card is assigned to a driver, it goes to the vehicle the driver was signed in to.</li>
<li>Otherwise, it goes to the vehicle that was within 300 m of the station at the time.</li>
</ol>
<h2>Why transactions are unmatched or matched wrongly</h2>
<ul>
<li>A card assigned to one vehicle was used to fill another, or a jerry can.</li>
<li>The driver was not signed in to the app.</li>
<li>The fuel provider sends times in local time without a zone, so a transaction near midnight
or across time zones falls outside the match window. Set the provider's time zone under
<strong>Fuel &gt; Providers</strong>.</li>
<li>The tracker was offline at the station.</li>
</ul>
<p>Fix individual transactions with <strong>Reassign</strong>. Wrong matches make MPG figures
unreliable; see <a href="/hc/en-us/articles/fuel-economy">Fuel economy reports</a>.</p>"""),
    A("fuel-economy", "Understanding the fuel economy report", "fuel", ["fuel", "mpg", "reports"],
      """<p>The fuel economy report divides distance driven by fuel used. Distance comes from the
tracker and fuel either from the engine's fuel-used counter or from fuel card transactions.
Figures like 2 mpg or 95 mpg almost always come from the inputs:</p>
<ul>
<li><strong>Transactions on the wrong vehicle.</strong> See
<a href="/hc/en-us/articles/fuel-matching">How fuel transactions are matched</a>.</li>
<li><strong>Wrong odometer.</strong> Fix the distance source first; see
<a href="/hc/en-us/articles/maintenance-schedules">Maintenance schedules</a>.</li>
<li><strong>Short periods.</strong> A fill-up on Monday for a week of driving makes one day look
terrible and the next six look perfect. Use weekly or monthly periods.</li>
<li><strong>Units.</strong> Check US vs imperial gallons or litres under <strong>Settings &gt;
Units</strong>.</li>
<li><strong>Non-engine fuel.</strong> Fuel for reefer units or PTO equipment counts as vehicle fuel
unless the product is tagged <em>Reefer</em>.</li>
</ul>
<p>Vehicles with no engine fuel data and no transactions show <em>n/a</em>.</p>"""),
    A("alert-settings", "Manage alert notifications", "alerts", ["alerts", "notifications", "email", "sms"],
      """<p>Each alert rule has recipients and channels: email, SMS, push notifications in the
dashboard app, and webhooks. Open <strong>Alerts &gt; Alert rules &gt; [rule]</strong> to change them.</p>
<h2>Not receiving alerts</h2>
<ul>
<li>Check the recipient is on the rule and has not unsubscribed in <strong>Profile &gt;
Notifications</strong>.</li>
<li>Quiet hours in your profile hold notifications until they end.</li>
<li>Allow <code>alerts@roadlark.com</code> in your mail filter.</li>
<li>Check the rule is not paused and covers the vehicle's group.</li>
</ul>
<h2>Too many alerts</h2>
<ul>
<li>Set a <strong>Cooldown</strong> so the same vehicle triggers at most one alert per period.</li>
<li>Use a <strong>Digest</strong> to receive one email per hour instead of one per event.</li>
<li>Use <strong>Snooze</strong> on a single vehicle during maintenance.</li>
</ul>
<p>For geofence-specific settings, such as minimum time inside and boundary buffer, see
<a href="/hc/en-us/articles/geofences">Create geofences and get reliable alerts</a>.</p>"""),
    A("device-activation", "Activate a new tracker or dashcam", "hardware",
      ["activation", "rl-4", "installation"],
      """<p>New devices must be activated before they appear on the map.</p>
<ol>
<li>Go to <strong>Settings &gt; Devices &gt; Add device</strong> and enter the serial number
(<code>RL4-</code> or <code>RLC2-</code>) or scan the QR code with the Roadlark Driver app.</li>
<li>Choose the vehicle and group.</li>
<li>Plug in the device and leave the ignition on outdoors for 10 minutes for the first GPS fix.</li>
</ol>
<h2>If the device does not activate</h2>
<ul>
<li><strong>Serial not found.</strong> The device may be registered to another Roadlark account, for
example a subsidiary or the previous owner of a second-hand vehicle. Contact support with the
serial and invoice.</li>
<li><strong>SIM activation pending.</strong> The SIM can take up to an hour to activate.</li>
<li><strong>No power.</strong> If no LEDs light, check the port or wiring.</li>
<li><strong>Seat limit.</strong> You cannot activate more devices than your subscription allows.</li>
</ul>
<p>An activated device that later stops reporting is covered in
<a href="/hc/en-us/articles/gps-troubleshooting">Troubleshooting GPS trackers</a>.</p>"""),
    A("rma-returns", "Return a faulty device (RMA)", "hardware", ["rma", "returns", "warranty"],
      """<p>Devices that fail within the warranty (3 years for RL-4, 2 years for RL Cam 2 and its
supplied SD card) are replaced free of charge.</p>
<ol>
<li>Go to <strong>Settings &gt; Devices &gt; [device] &gt; Report a fault</strong>, describe the fault and
add photos of the LEDs or error screen.</li>
<li>Support confirms the fault, usually within one business day, and ships a replacement.</li>
<li>Activate the replacement with <strong>Replace device</strong>, so the vehicle keeps its history.</li>
<li>Return the faulty unit within 30 days with the prepaid label.</li>
</ol>
<p>Billing for the faulty unit stops as soon as the replacement is activated, so you are not
charged twice. Devices returned at the end of a contract are billed until the end of the month
in which they are deactivated; see <a href="/hc/en-us/articles/billing-devices">How device billing
works</a>. Units not returned within 60 days are invoiced at list price.</p>"""),
    A("device-reassign", "Move a tracker to another vehicle", "hardware", ["rl-4", "vehicles", "history"],
      """<p>Trip history, ELD data and fault codes belong to the <strong>vehicle</strong>, not the
device. When you move a tracker, do it in Roadlark so each vehicle keeps its own history:</p>
<ol>
<li>Go to <strong>Settings &gt; Devices &gt; [serial] &gt; Move to another vehicle</strong>.</li>
<li>Choose the new vehicle, or create it.</li>
<li>Set the odometer of the new vehicle.</li>
</ol>
<p>A common mistake is to rename the old vehicle (for example from <em>Unit 214</em> to
<em>Unit 305</em>) instead. Unit 305 then inherits all of 214's trips, mileage and service
history, and IFTA and maintenance reports mix both vehicles. If this has happened, support can
split the history at the date the tracker was moved; send us both vehicle names and the date.</p>"""),
    A("maintenance-schedules", "Maintenance schedules and odometer readings", "maintenance",
      ["maintenance", "odometer", "service reminders"],
      """<p>Service reminders are based on distance, engine hours or time. Distance reminders are only as
good as the odometer reading.</p>
<h2>Where the odometer comes from</h2>
<ul>
<li><strong>Engine odometer</strong>: read from the engine computer. Most accurate.</li>
<li><strong>GPS odometer</strong>: used when the vehicle does not share its odometer. It counts from a
starting value you enter, so a typo at installation means every reminder is off.</li>
</ul>
<h2>Fix a wrong odometer</h2>
<ol>
<li>Open <strong>Settings &gt; Vehicles &gt; [vehicle] &gt; Odometer</strong> and check the source.</li>
<li>Enter the dashboard reading with <strong>Set odometer</strong>.</li>
<li>Reminders recalculate within an hour.</li>
</ol>
<p>If the engine odometer is wrong, for example after an instrument cluster replacement, switch
to GPS odometer. A tracker moved from another vehicle can also carry the wrong reading; see
<a href="/hc/en-us/articles/device-reassign">Move a tracker to another vehicle</a>.</p>"""),
    A("fault-codes", "Engine fault codes (DTCs)", "maintenance", ["maintenance", "fault codes", "dtc"],
      """<p>Roadlark reads diagnostic trouble codes from the engine and lists them under
<strong>Maintenance &gt; Fault codes</strong>, with a description and severity.</p>
<h2>Why some vehicles show no codes</h2>
<ul>
<li><strong>Monitoring is off.</strong> Enable <strong>Read fault codes</strong> for the vehicle group
under <strong>Maintenance &gt; Settings</strong>.</li>
<li><strong>Wrong cable.</strong> Heavy trucks need the J1939 cable; an OBD-II adapter may give power
and position but no engine data.</li>
<li><strong>Old firmware.</strong> Fault codes need RL-4 firmware 4.6 or later.</li>
<li><strong>Manufacturer codes.</strong> Some brands only expose generic codes; proprietary codes
need the brand's own diagnostic tool.</li>
<li><strong>No active faults.</strong> Cleared codes disappear; see history for past ones.</li>
</ul>
<p>Get notified of new codes with an alert rule or the <code>fault_code.detected</code> webhook.</p>"""),
    A("dvir", "Driver vehicle inspection reports (DVIR)", "maintenance",
      ["dvir", "inspections", "maintenance"],
      """<p>Drivers complete pre-trip and post-trip inspections in the Roadlark Driver app. Submitted
reports appear in the dashboard under <strong>Maintenance &gt; Inspections</strong>.</p>
<h2>If an inspection is missing</h2>
<ul>
<li><strong>Still waiting to sync.</strong> Inspections done without signal upload later. The app
shows a cloud icon with a number for unsent reports.</li>
<li><strong>Saved but not submitted.</strong> The driver must sign and tap <strong>Submit</strong>.</li>
<li><strong>Vehicle outside your groups.</strong> You only see inspections for vehicles you can
access; see <a href="/hc/en-us/articles/user-groups">Users, roles and groups</a>.</li>
<li><strong>Filters.</strong> The list shows the last 7 days by default and only defects if the
<em>Defects only</em> filter is on.</li>
<li><strong>Trailer inspections</strong> are listed under the trailer, not the truck.</li>
</ul>
<p>Defects can be assigned to a mechanic and must be marked repaired before the next trip.</p>"""),
    A("driver-app-login", "Signing in to the Roadlark Driver app", "driver_app",
      ["driver app", "login", "sessions"],
      """<p>Drivers sign in to Roadlark Driver with their driver ID or email and password. Sessions last
14 days, and drivers stay signed in between shifts unless one of these happens:</p>
<ul>
<li><strong>Signed in on a second device.</strong> A driver can only be signed in on one phone or
tablet; signing in elsewhere signs out the first.</li>
<li><strong>Shared tablets.</strong> On tablets set to <strong>Shared device</strong> mode, drivers are
signed out at the end of their duty period.</li>
<li><strong>Password changed</strong> by the driver or an admin.</li>
<li><strong>Wrong phone clock.</strong> If automatic date and time is off, the session may be
treated as expired.</li>
<li><strong>Cleared app data</strong> by a cleaning app or battery saver.</li>
</ul>
<p>If drivers are signed out mid-shift without any of these, send us the driver ID, time and
app version.</p>"""),
    A("driver-app-battery", "Reduce the driver app's battery use", "driver_app",
      ["driver app", "battery", "android"],
      """<p>Roadlark Driver uses GPS, Bluetooth and the screen, so it uses more battery than most apps.
To keep phones going through a shift:</p>
<ul>
<li>Keep the phone on a charger in the cab. This is the most effective fix.</li>
<li>If the vehicle has an RL-4 tracker, set <strong>Location source: Vehicle tracker</strong> under
<strong>Menu &gt; Settings</strong>, so the app does not use the phone's GPS.</li>
<li>Turn off <strong>Keep screen on</strong> except during navigation.</li>
<li>Update the app; version 6.3 fixed excessive Bluetooth scanning.</li>
</ul>
<p>Do not put the app in a battery saver's "restricted" list: Android then stops it in the
background, which causes ELD diagnostics and missed messages.</p>"""),
    A("driver-messaging", "Send messages to drivers", "driver_app", ["driver app", "messaging", "dispatch"],
      """<p>Dispatchers can send messages from the live map or <strong>Dispatch &gt; Messages</strong>.
Messages are sent to the driver currently signed in to the vehicle.</p>
<h2>Why a message is not delivered</h2>
<ul>
<li><strong>No driver signed in.</strong> The message waits until someone signs in to that vehicle.</li>
<li><strong>Vehicle moving.</strong> For safety, messages are only read aloud or shown in large text
while driving if enabled; otherwise they show when the vehicle stops.</li>
<li><strong>Notifications off.</strong> Check the phone's notification settings for Roadlark Driver.</li>
<li><strong>No signal.</strong> Messages are delivered when the phone reconnects.</li>
</ul>
<p>Each message shows <em>Sent</em>, <em>Delivered</em> and <em>Read</em> ticks so you can see where it
stopped.</p>"""),
    A("customer-eta", "Customer ETA notifications", "dispatch", ["dispatch", "eta", "sms"],
      """<p>Roadlark can text or email your customers when their delivery is on the way. Set it up
under <strong>Dispatch &gt; Settings &gt; Customer notifications</strong>.</p>
<ul>
<li><strong>Templates</strong>: edit the text and use placeholders such as <code>{eta}</code>,
<code>{driver_first_name}</code> and <code>{tracking_link}</code>.</li>
<li><strong>When to send</strong>: at dispatch, when the driver is a number of stops away, or both.</li>
<li><strong>Update threshold</strong>: a new message is sent only if the ETA moves by more than this
(default 15 minutes).</li>
<li><strong>Phone numbers</strong> must include the country code, for example
<code>+1 555 0100</code>.</li>
</ul>
<p>ETAs depend on drivers completing stops in the app and on realistic service times. If ETAs are
consistently early or late, see the ETA section of
<a href="/hc/en-us/articles/route-optimisation">Plan and optimise routes</a>.</p>"""),
    A("stop-import", "Import stops from a spreadsheet", "dispatch", ["dispatch", "import", "csv"],
      """<p>Go to <strong>Dispatch &gt; Stops &gt; Import</strong> and upload a CSV or XLSX file of up to
2,000 rows. Download the template to start.</p>
<table>
<tr><th>Column</th><th>Required</th><th>Format</th></tr>
<tr><td><code>name</code></td><td>Yes</td><td>Text</td></tr>
<tr><td><code>address</code> or <code>lat</code>/<code>lon</code></td><td>Yes</td><td>Full address
with postcode</td></tr>
<tr><td><code>date</code></td><td>No</td><td><code>YYYY-MM-DD</code></td></tr>
<tr><td><code>window_start</code>, <code>window_end</code></td><td>No</td><td><code>HH:MM</code>,
24-hour</td></tr>
<tr><td><code>service_minutes</code></td><td>No</td><td>Number</td></tr>
</table>
<h2>Common errors</h2>
<ul>
<li><em>Unknown column</em>: header names must match the template exactly.</li>
<li><em>Address not found</em>: add the postcode and country, or give coordinates.</li>
<li>Garbled accents: save the CSV as UTF-8.</li>
<li><em>Invalid date</em>: dates like <code>03/04/2024</code> are ambiguous; use ISO format.</li>
</ul>"""),
    A("scheduled-reports", "Scheduled email reports", "reporting", ["reports", "scheduled", "email"],
      """<p>Any report can be emailed on a schedule from <strong>Reports &gt; [report] &gt;
Schedule</strong>.</p>
<h2>If scheduled reports stop arriving</h2>
<ul>
<li><strong>The owner left.</strong> A schedule runs with its creator's permissions. When that user
is deactivated, the schedule is paused. Reassign it under <strong>Reports &gt; Schedules</strong>.</li>
<li><strong>Paused after failures.</strong> After three failed runs in a row the schedule is paused
and the owner is emailed.</li>
<li><strong>Too large.</strong> Attachments over 10 MB are replaced with a download link valid for
7 days; some mail filters block such links.</li>
<li><strong>Mail filtering.</strong> Reports come from <code>reports@roadlark.com</code>.</li>
<li><strong>Bounced recipient.</strong> Addresses that bounce are removed from the schedule.</li>
</ul>
<p>The <strong>Run history</strong> tab of each schedule shows when it ran and to whom it was sent.</p>"""),
    A("ifta-report", "IFTA mileage and fuel report", "reporting", ["ifta", "reports", "mileage"],
      """<p>The IFTA report lists miles driven and fuel bought per jurisdiction for each quarter. Miles
are calculated from GPS positions and the points where vehicles cross state or province lines.</p>
<h2>Why it differs from your records</h2>
<ul>
<li><strong>Gaps in tracking.</strong> When a tracker was offline, Roadlark fills the gap with the
shortest route between the two known points; these miles are flagged as <em>estimated</em>.</li>
<li><strong>Odometer-based records.</strong> Drivers' trip sheets use the odometer, which typically
reads 1-3% differently from GPS distance.</li>
<li><strong>Vehicles not marked as IFTA.</strong> Only vehicles with <strong>IFTA qualified</strong>
ticked are included.</li>
<li><strong>Personal conveyance and yard moves</strong> are included unless you exclude them.</li>
<li><strong>Quarter boundaries.</strong> Trips are split at midnight in the account's time zone.</li>
</ul>
<p>Use <strong>Jurisdiction detail</strong> to see each crossing and edit estimated segments.</p>"""),
    A("timezones", "Time zones in reports and the dashboard", "reporting", ["reports", "time zones"],
      """<p>Roadlark stores all times in UTC and converts them for display. Which time zone is used
depends on where you look:</p>
<table>
<tr><th>Where</th><th>Time zone used</th></tr>
<tr><td>Dashboard and on-screen reports</td><td>Your profile's time zone</td></tr>
<tr><td>Scheduled reports</td><td>The time zone set on the schedule</td></tr>
<tr><td>ELD logs</td><td>The driver's home terminal time zone</td></tr>
<tr><td>CSV exports and the API</td><td>UTC, unless you choose otherwise</td></tr>
</table>
<p>If times look an hour or more off, check <strong>Profile &gt; Time zone</strong>. New users get the
account's default time zone, which may not be theirs. Daylight saving time is applied
automatically. Schedules created before a user changed their time zone keep the old one until
edited.</p>"""),
    A("billing-devices", "How device billing works", "billing", ["billing", "devices", "subscription"],
      """<p>Roadlark bills per device per month. A device is billable in any month in which it is
<strong>active</strong>, whether or not it reported.</p>
<ul>
<li><strong>Deactivate, don't just archive.</strong> Archiving a vehicle hides it but keeps its device
active. Deactivate the device in <strong>Settings &gt; Devices</strong> to stop billing.</li>
<li><strong>Month of deactivation.</strong> The month in which you deactivate is billed in full; the
next invoice no longer includes the device.</li>
<li><strong>Returns.</strong> Returned devices are billed until we receive them, unless they are
RMA replacements; see <a href="/hc/en-us/articles/rma-returns">Return a faulty device</a>.</li>
<li><strong>Minimum commitment.</strong> Contracts with a minimum number of devices are billed for
that minimum even if fewer are active.</li>
</ul>
<p>The <strong>Billing &gt; Device usage</strong> page lists each billed device by serial number. If
a device you deactivated still appears, send us the serial and date.</p>"""),
    A("invoices-po", "Add a PO number or change billing details on invoices", "billing",
      ["billing", "invoices", "po number"],
      """<p>Admins with billing permission can change invoice details under <strong>Settings &gt; Billing
&gt; Invoice details</strong>:</p>
<ul>
<li><strong>PO number</strong>: printed on every invoice until you change it.</li>
<li><strong>Billing entity</strong>: legal company name, address and VAT or tax ID.</li>
<li><strong>Invoice recipients</strong>: up to five email addresses, for example your accounts payable
mailbox.</li>
</ul>
<p>Changes apply to future invoices. To correct invoices already issued, for example because a
new purchase order started this quarter, click <strong>Request reissue</strong> on the invoice. We
reissue it within two business days with the same amount and number suffix <code>-R</code>.
Invoices from a previous tax year cannot be reissued to a different legal entity.</p>"""),
    A("payment-failed", "What happens when a payment fails", "billing", ["billing", "payment", "suspension"],
      """<p>If a card payment or direct debit fails, we retry it 3, 5 and 7 days later and email your
billing contacts each time.</p>
<table>
<tr><th>Days overdue</th><th>Effect</th></tr>
<tr><td>1-13</td><td>Reminder banner; everything works.</td></tr>
<tr><td>14</td><td>Account <strong>limited</strong>: reports, exports and the API are paused, fuel cards
are declined.</td></tr>
<tr><td>30</td><td>Account <strong>suspended</strong>: live tracking stops and device SIMs are
suspended. ELD logs remain available to drivers for compliance.</td></tr>
</table>
<p>Update your payment method under <strong>Settings &gt; Billing &gt; Payment method</strong> and
click <strong>Pay now</strong>. Access is restored within minutes; suspended SIMs can take up to an
hour to reconnect. Data collected while limited is kept.</p>"""),
    A("sso-setup", "Set up single sign-on", "account", ["sso", "saml", "security"],
      """<p>Enterprise accounts can let office users sign in with SAML single sign-on (Okta, Microsoft
Entra ID, Google Workspace and others). Set it up in <strong>Settings &gt; Security &gt; Single
sign-on</strong> by entering your identity provider's SSO URL, issuer and signing certificate.</p>
<h2>If users cannot sign in</h2>
<ul>
<li><strong>Expired certificate.</strong> Upload the new signing certificate from your IdP.</li>
<li><strong>Email mismatch.</strong> The Name ID must be the email address of the Roadlark user.</li>
<li><strong>User not assigned</strong> to the Roadlark application in your IdP.</li>
<li><strong>User does not exist</strong> in Roadlark and JIT provisioning is off.</li>
<li><strong>Wrong login page.</strong> Users must click <strong>Sign in with SSO</strong>.</li>
</ul>
<p>SSO applies to the dashboard only; drivers keep signing in to Roadlark Driver with their
driver ID. Keep one admin able to sign in with a password in case SSO breaks.</p>"""),
    A("password-reset", "Reset your password", "account", ["password", "login"],
      """<p>Click <strong>Forgot password?</strong> on the sign-in page and enter your email. The reset
link is valid for 1 hour.</p>
<h2>If the reset email does not arrive</h2>
<ul>
<li>Check spam and quarantine for mail from <code>no-reply@roadlark.com</code>, and ask IT to allow
it.</li>
<li>Make sure you use the email your account was created with.</li>
<li>If your company uses SSO and it is enforced, no reset email is sent: sign in with SSO.</li>
<li>Deactivated users receive no email.</li>
<li>Requests are limited to 3 per hour.</li>
</ul>
<p>Drivers reset their password in the Roadlark Driver app, or a fleet admin can set a new one
under <strong>Settings &gt; Drivers</strong>.</p>"""),
    A("api-limits", "API rate limits", "api", ["api", "rate limits", "429"],
      """<p>To keep the service fast for everyone, the Roadlark REST API limits the number of requests
per account.</p>
<table>
<tr><th>Plan</th><th>Requests per minute</th><th>Burst</th></tr>
<tr><td>Starter</td><td>60</td><td>10</td></tr>
<tr><td>Business</td><td>300</td><td>50</td></tr>
<tr><td>Enterprise</td><td>1,200</td><td>200</td></tr>
</table>
<p>When you exceed the limit, the API answers <code>429 Too Many Requests</code> with a
<code>Retry-After</code> header in seconds. Every response includes
<code>X-RateLimit-Remaining</code>.</p>
<h2>Avoiding 429 errors</h2>
<ul>
<li>Limits are shared by all tokens of an account; two integrations can use them up together.</li>
<li>Wait for <code>Retry-After</code> and back off exponentially.</li>
<li>Use <code>/v1/vehicles/locations</code> to get all positions in one call instead of one call per
vehicle.</li>
<li>Use <a href="/hc/en-us/articles/webhooks">webhooks</a> instead of polling.</li>
</ul>"""),
    A("trailer-tracking", "Track trailers and other unpowered assets", "tracking",
      ["trailers", "assets", "gps"],
      """<p>Trailers, containers and plant equipment can be tracked with the battery-powered
<strong>RL Tag</strong>. It reports its position 4 times a day by default, or every 15 minutes while
moving, and lasts about 3 years on its battery.</p>
<ul>
<li>Trailers appear on the live map with a trailer icon and can be filtered separately.</li>
<li>Roadlark pairs a trailer with the truck that pulls it when both move together for 5 minutes,
and shows the pairing in trip history.</li>
<li>Trailers can be used in geofences and in DVIRs.</li>
</ul>
<p>Trailers with refrigeration units can also send temperatures; see
<a href="/hc/en-us/articles/reefer-sensors">Reefer temperature sensors</a>.</p>"""),
    A("data-export", "Export your fleet data", "account", ["export", "data", "gdpr"],
      """<p>Admins can export data under <strong>Settings &gt; Data &gt; Export</strong>. Choose a date
range and the data types:</p>
<ul>
<li>Trips and GPS positions</li>
<li>ELD logs (also available as the official FMCSA output file)</li>
<li>Fuel transactions, inspections and maintenance records</li>
<li>Dashcam event metadata (video must be downloaded separately)</li>
</ul>
<p>Exports are prepared in the background as CSV files in a ZIP archive and emailed as a link
valid for 7 days. Large exports can take several hours. GPS positions are kept for 3 years,
ELD logs for 6 months beyond the legal minimum, and dashcam events for 1 year.</p>"""),
    A("driver-scorecards", "Driver safety scorecards", "video", ["safety", "scorecards", "coaching"],
      """<p>Driver scorecards rank drivers by safe driving, using harsh events from the RL Cam 2 and
RL-4, speeding and phone use detected by the camera. Each driver gets a score from 0 to 100 per
week, weighted by distance driven so drivers with few miles are not penalised for one event.</p>
<ul>
<li>Events marked <strong>False positive</strong> do not count.</li>
<li>Adjust the weight of each behaviour under <strong>Safety &gt; Scorecard settings</strong>.</li>
<li>Drivers can see their own score in the Roadlark Driver app if you allow it.</li>
</ul>
<p>Use <strong>Coaching</strong> to assign a video to a driver with a comment and record that the
session took place.</p>""", promoted=True),
    A("reefer-sensors", "Reefer temperature sensors", "hardware", ["reefer", "temperature", "sensors"],
      """<p>Refrigerated vans and trailers can report cargo temperatures to Roadlark, either from
wireless <strong>RL Temp</strong> sensors paired with the RL-4 or from supported refrigeration unit
controllers.</p>
<ul>
<li>Up to four sensors per vehicle, for multi-compartment bodies.</li>
<li>Temperatures are recorded every 5 minutes and stored for 2 years.</li>
<li>Set a range per vehicle and get an alert when it is exceeded for longer than a set time.</li>
<li>The <strong>Temperature log</strong> report can be printed as a delivery record for food safety
audits.</li>
</ul>
<p>Place sensors away from the evaporator outlet, which is colder than the cargo.</p>"""),
    A("integrations-overview", "Integrations overview", "api", ["integrations", "api", "partners"],
      """<p>Roadlark connects with other systems in three ways:</p>
<ul>
<li><strong>Ready-made integrations</strong> under <strong>Settings &gt; Integrations</strong>: fuel card
providers, payroll and time-keeping, transport management systems, and accounting software.</li>
<li><strong>REST API</strong> for reading vehicles, trips, logs and more, and for creating dispatch
routes. See <a href="/hc/en-us/articles/api-limits">API rate limits</a>.</li>
<li><strong>Webhooks</strong> to receive events as they happen. See
<a href="/hc/en-us/articles/webhooks">Receive events with webhooks</a>.</li>
</ul>
<p>Create API tokens under <strong>Settings &gt; Developer</strong>. A token has the permissions of
the user who created it, so use a dedicated integration user with the right groups. Tokens can
be revoked at any time.</p>"""),
    A("audit-log", "Audit log", "account", ["audit log", "security", "admin"],
      """<p>The audit log records changes made in your account: sign-ins, users and roles, groups,
devices, alert rules, ELD log edits, video downloads and billing settings. Each entry shows who
made the change, when, from which IP address, and the values before and after.</p>
<p>Admins find it under <strong>Settings &gt; Security &gt; Audit log</strong>. Filter by user, type of
change or date, and export to CSV. Entries are kept for 2 years on Enterprise and 90 days on
other plans. Enterprise accounts can also read the log through the <code>/v1/audit-events</code>
API endpoint.</p>"""),
    A("privacy-mode", "Privacy mode for drivers", "driver_app", ["privacy", "driver app", "personal use"],
      """<p>Where drivers may use a company vehicle privately, privacy mode hides their location
outside working hours.</p>
<ul>
<li>Drivers turn it on in the Roadlark Driver app with <strong>Menu &gt; Private trip</strong>, or it
switches on automatically outside the schedule you set.</li>
<li>During a private trip, the map shows the vehicle as <em>Private</em> with no position, and trip
history records only the distance.</li>
<li>Dashcam recording of the cabin is paused; road-facing recording continues for safety.</li>
<li>ELD vehicles record private trips as personal conveyance, as FMCSA requires.</li>
</ul>
<p>Admins enable privacy mode per group under <strong>Settings &gt; Privacy</strong>. Every change
is recorded in the audit log.</p>"""),
    A("announce-new-dashcam", "Introducing RL Cam 2", "announcements", ["announcements", "dashcam"],
      """<p>RL Cam 2, our new AI dashcam, is now available to order.</p>
<ul>
<li>Road-facing and cabin-facing cameras, both in 1080p.</li>
<li>On-device detection of phone use, smoking, seat belt use, tailgating and rolling stops.</li>
<li>Faster video upload over LTE Cat 4.</li>
<li>Built-in driver alerts in English, Spanish, French and German.</li>
</ul>
<p>Existing cameras keep working. Contact your account manager about upgrade pricing.</p>""",
      promoted=True),
    A("announce-holiday-support-2023", "Support hours over the 2023 holidays", "announcements",
      ["announcements", "support hours"],
      """<p>From 24 December 2023 to 1 January 2024, our support team answers urgent requests only, such
as trackers offline across a fleet, ELD malfunctions and account access. Phone support is open
from 8:00 to 18:00 Eastern and 8:00 to 18:00 UK time, except on 25 December and 1 January. Regular
hours resume on 2 January 2024. The dashboard, the Roadlark Driver app and the API run as
normal.</p>"""),
    A("announce-map-update", "New map style and satellite view", "announcements", ["announcements", "map"],
      """<p>The live map now uses a new base map with clearer road classes, truck restrictions such as
low bridges and weight limits, and an optional satellite view.</p>
<ul>
<li>Switch between <strong>Map</strong>, <strong>Satellite</strong> and <strong>Hybrid</strong> in the
bottom-left corner.</li>
<li>Truck restrictions show at zoom level 14 and above.</li>
<li>Map data is updated every month.</li>
</ul>
<p>Your geofences, saved views and filters are unchanged.</p>"""),
]

# Second sync: an article added, one edited, one deleted.
SYNC2_NEW = [
    A("ev-charging", "Tracking electric vehicles and charge levels", "tracking",
      ["ev", "battery", "charging"],
      """<p>For supported electric vans and cars, the RL-4 reads battery state of charge, range and
charging status from the vehicle, in addition to the position.</p>
<ul>
<li>The live map shows the charge level next to each electric vehicle; a lightning icon means it
is charging.</li>
<li>Alert rules can notify you when charge falls below a level, for example 20%.</li>
<li>The <strong>Charging sessions</strong> report lists where and when each vehicle charged and how
much energy it took.</li>
</ul>
<p>Some manufacturers do not share battery data on the diagnostic port. For those vehicles
Roadlark shows position and distance only. Check the supported vehicle list under
<strong>Settings &gt; Vehicles &gt; EV support</strong>.</p>"""),
    A("release-notes-2024-03", "Release notes: March 2024", "announcements",
      ["release notes", "announcements"],
      """<ul>
<li>Business plan API limit raised to 600 requests per minute.</li>
<li>Battery level and charging sessions for electric vehicles.</li>
<li>Roadlark Driver 6.5: pending log edits show a badge on the home screen.</li>
<li>Geofence rules: new boundary buffer setting to reduce repeated alerts.</li>
<li>Stop import accepts XLSX files with several sheets; choose the sheet during upload.</li>
<li>IFTA report: estimated miles are now highlighted and can be edited per crossing.</li>
</ul>"""),
]

SYNC2_EDITED = {
    # key -> (old text, new text) replaced in the body
    "api-limits": ("<tr><td>Business</td><td>300</td><td>50</td></tr>",
                   "<tr><td>Business</td><td>600</td><td>50</td></tr>"),
}

SYNC2_DELETED = ["announce-holiday-support-2023"]
