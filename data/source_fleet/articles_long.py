"""Roadlark's long Help Center articles (each over 1000 gpt2 tokens), written for this project.
Same format as data/source/articles_long.py."""

ARTICLES = [
    dict(
        key="gps-troubleshooting",
        title="Troubleshooting GPS trackers that go offline or report late",
        section="tracking",
        labels=["gps", "rl-4", "offline", "troubleshooting"],
        promoted=True,
        body="""<p>Every Roadlark RL-4 tracker sends its position, speed, ignition state and engine data to
Roadlark over the mobile network. When a vehicle shows <strong>Offline</strong> on the live map, or
its dot trails far behind where the truck really is, the cause is almost always one of a handful
of things: power, the port connection, mobile coverage, the SIM, or firmware. This guide walks
through them in the order our hardware team checks them.</p>
<h2>What the status labels mean</h2>
<table>
<tr><th>Status</th><th>Meaning</th></tr>
<tr><td>Moving / Idling / Parked</td><td>The tracker reported within its expected interval.</td></tr>
<tr><td>Delayed</td><td>The last report is older than expected but less than 2 hours old.</td></tr>
<tr><td>Offline</td><td>No report for more than 2 hours while the ignition was last seen on, or
for more than 26 hours while parked.</td></tr>
<tr><td>Never connected</td><td>The device was added but has not reported yet. See
<a href="/hc/en-us/articles/device-activation">Activate a new tracker or dashcam</a>.</td></tr>
</table>
<p>A parked vehicle only reports every 4 hours to protect the vehicle battery. Hover over the
vehicle on the map to see the exact time of its last report.</p>
<h2>Step 1: Check power and ignition wiring</h2>
<p>The RL-4 takes power from the diagnostic port. If the port loses power, the tracker runs on
its small backup battery for about 30 minutes and then goes silent.</p>
<ul>
<li>On some vans and older trucks the OBD port is only powered while the ignition is on. The
tracker then stops reporting as soon as the engine is turned off, and the vehicle shows
<strong>Offline</strong> overnight. This is expected; it comes back when the driver starts the
engine.</li>
<li>If the tracker was hard-wired with the Y-cable or a 3-wire harness, check that the red wire
goes to permanent 12/24 V, the white wire to an ignition-switched feed, and the black wire to
chassis ground. A swapped red and white wire is the most common installation mistake and causes
the tracker to drop off every time the ignition is switched off.</li>
<li>A battery isolator or master switch (common on tankers, plant machinery and snowploughs) cuts
power to everything, including the tracker. Vehicles with an isolator will always show Offline
while isolated.</li>
<li>Low vehicle battery: below 11.5 V (or 23 V on 24 V trucks) the RL-4 goes to sleep. The last
report before sleep shows the voltage in the vehicle's <strong>Device health</strong> tab.</li>
</ul>
<h2>Step 2: Check the OBD/J1939 connection</h2>
<p>Trackers are often knocked loose by a driver's knee, a mechanic working on the dash, or a
workshop plugging a diagnostic tool into the port and forgetting to plug the tracker back in.
Ask the driver to look at the LEDs on the RL-4:</p>
<ul>
<li><strong>No LEDs at all</strong>: no power. The tracker is unplugged or the port is dead.</li>
<li><strong>Green solid, blue blinking</strong>: powered and searching for mobile network.</li>
<li><strong>Green solid, blue solid, amber blinking</strong>: connected, searching for GPS.</li>
<li><strong>All solid</strong>: working normally.</li>
</ul>
<p>Heavy vehicles with a 9-pin J1939 connector need the RL-4 J1939 cable; an OBD-II adapter
plugged into a J1939 port will power the device only intermittently. If the tracker was moved to
another vehicle, see <a href="/hc/en-us/articles/device-reassign">Move a tracker to another
vehicle</a>.</p>
<h2>Step 3: Check mobile coverage</h2>
<p>The RL-4 uses LTE-M with fallback to 2G where it is still available. In areas without
coverage (forestry roads, mountain passes, underground car parks, some rural school routes) the
tracker keeps recording positions every 60 seconds and stores up to 7 days of data. When it
reconnects, it uploads the backlog and the trip appears on the map with the correct times. If a
vehicle is offline only on certain routes or in one depot, coverage is the likely cause.</p>
<h2>Step 4: Check the SIM</h2>
<p>Every RL-4 ships with a Roadlark SIM. The SIM is suspended automatically when:</p>
<ul>
<li>the device is deactivated or returned in <strong>Settings &gt; Devices</strong>;</li>
<li>the account is suspended after a failed payment (see
<a href="/hc/en-us/articles/payment-failed">What happens when a payment fails</a>);</li>
<li>the device has not reported for 90 days, to stop roaming charges on lost units.</li>
</ul>
<p>The SIM state is shown under <strong>Settings &gt; Devices &gt; [serial] &gt; Connectivity</strong>.
Admins can click <strong>Reactivate SIM</strong>; it takes up to 15 minutes to take effect.</p>
<h2>Step 5: Check firmware</h2>
<p>Firmware older than <code>4.8.2</code> has a known issue where the modem does not recover after a
network outage and the tracker stays offline until it is power-cycled. Firmware updates are
installed over the air while the vehicle is parked with the ignition on for a few minutes, or
while driving. You can see the version in <strong>Device health</strong>. If a tracker is stuck on old
firmware, unplug it for 30 seconds and plug it back in to force a restart.</p>
<h2>Positions arrive late rather than not at all</h2>
<p>If the vehicle is not offline but its position on the live map lags behind, look at these:</p>
<ul>
<li><strong>Reporting interval</strong>: by default the RL-4 reports every 60 seconds while moving.
A vehicle travelling at motorway speed moves more than a kilometre between two reports, so the
map will always be up to a minute behind. Business and Enterprise plans can switch on
<strong>Live mode</strong> (10-second reports) for selected vehicles; see
<a href="/hc/en-us/articles/live-map-refresh">How often the live map refreshes</a>.</li>
<li><strong>Weak coverage</strong>: with a weak signal, reports queue up on the device and arrive in
bursts. The map then shows the vehicle several minutes behind and catches up suddenly.</li>
</ul>
<p>Lag is different from inaccurate positions. If the position is current but in the wrong
place, see <a href="/hc/en-us/articles/gps-accuracy">Why positions jump or drift</a>.</p>
<h2>Contacting support</h2>
<p>If the tracker is still offline after these checks, send us the device serial number (on the
label, starting with <code>RL4-</code>), the vehicle name, the time it last reported, a photo of the
LEDs and a photo of the installation. If the device is faulty we will send a replacement; see
<a href="/hc/en-us/articles/rma-returns">Return a faulty device (RMA)</a>.</p>""",
    ),
    dict(
        key="eld-malfunctions",
        title="ELD malfunctions and data diagnostic events",
        section="compliance",
        labels=["eld", "hos", "malfunction", "fmcsa"],
        promoted=True,
        body="""<p>The Roadlark ELD continuously checks itself, as required by the FMCSA ELD rule. When
something is wrong it records a <strong>data diagnostic event</strong> or, if the problem is serious or
lasts too long, an <strong>ELD malfunction</strong>. Both are shown to the driver in the Roadlark Driver app
with a yellow (diagnostic) or red (malfunction) banner, and in the dashboard under
<strong>Compliance &gt; Diagnostics</strong>. This article explains what each code means, what the
driver must do, and how to clear it.</p>
<h2>Malfunction codes</h2>
<table>
<tr><th>Code</th><th>Malfunction</th><th>Typical cause</th></tr>
<tr><td>P</td><td>Power compliance</td><td>The ELD was not powered for 30 minutes or more of
driving in the last 24 hours.</td></tr>
<tr><td>E</td><td>Engine synchronization</td><td>The ELD could not read engine data (speed,
odometer, engine hours) for 30 minutes or more in the last 24 hours.</td></tr>
<tr><td>T</td><td>Timing</td><td>The device clock differed from UTC by more than 10 minutes.</td></tr>
<tr><td>L</td><td>Positioning</td><td>No valid GPS position for 60 minutes of driving.</td></tr>
<tr><td>R</td><td>Data recording</td><td>Storage on the device is full or failing.</td></tr>
<tr><td>S</td><td>Data transfer</td><td>The periodic data transfer self-test failed repeatedly.</td></tr>
</table>
<h2>Data diagnostic events</h2>
<table>
<tr><th>Code</th><th>Diagnostic</th></tr>
<tr><td>1</td><td>Power data diagnostic: the ELD was off while the vehicle was in motion.</td></tr>
<tr><td>2</td><td>Engine synchronization diagnostic: engine data was missing for more than 5
seconds.</td></tr>
<tr><td>3</td><td>Missing required data elements, for example no location on a duty status
change.</td></tr>
<tr><td>4</td><td>Data transfer diagnostic.</td></tr>
<tr><td>5</td><td>Unidentified driving records: more than 30 minutes of driving without a
driver logged in. See <a href="/hc/en-us/articles/eld-unassigned">Unassigned driving time</a>.</td></tr>
</table>
<p>A diagnostic event on its own does not make the log invalid. It clears automatically once
the condition is gone, but it stays visible in the log history for inspectors.</p>
<h2>Engine synchronization problems</h2>
<p>Engine synchronization (<code>E</code> or diagnostic <code>2</code>) is by far the most common
issue. The Roadlark Driver app gets engine data from the RL-4 tracker over Bluetooth, and the
RL-4 gets it from the vehicle's diagnostic port. A break anywhere in that chain causes the
diagnostic.</p>
<ol>
<li><strong>Check the tracker connection.</strong> A loose OBD or J1939 cable, or an OBD-II adapter on a
J1939 port, gives power but no engine data. On heavy trucks use the RL-4 9-pin J1939 cable.</li>
<li><strong>Check Bluetooth pairing.</strong> In the Roadlark Driver app, open <strong>Vehicle &gt;
Connection</strong>. It must show the serial number of the RL-4 installed in the vehicle the driver
selected. Selecting the wrong vehicle (for example unit 214 when driving unit 241) is a common
cause: the app connects to nothing and raises a diagnostic after a few minutes.</li>
<li><strong>Keep the phone awake.</strong> Battery savers on Android can stop Bluetooth in the
background. Exclude Roadlark Driver from battery optimisation; see
<a href="/hc/en-us/articles/driver-app-battery">Reduce the driver app's battery use</a>.</li>
<li><strong>Update firmware.</strong> RL-4 firmware <code>4.7</code> and older does not understand the
engine protocol of some 2022+ vehicles. Check <strong>Device health</strong> and update to the latest
version.</li>
<li><strong>Unsupported vehicle protocol.</strong> Some light vehicles and electric vans do not expose
odometer or engine hours on the diagnostic port. Contact support with the make, model and year;
we may need to enable a manufacturer-specific profile for that vehicle.</li>
</ol>
<h2>What the driver must do during a malfunction</h2>
<p>FMCSA rules (49 CFR 395.34) require the driver to:</p>
<ol>
<li>Note the malfunction and notify the motor carrier in writing within 24 hours. The Roadlark
Driver app sends this notice automatically to fleet admins when the driver taps
<strong>Report malfunction</strong>.</li>
<li>Reconstruct the record of duty status for the current day and the previous 7 days on paper
or with the app's <strong>Print logs</strong> feature, unless the logs are already available.</li>
<li>Keep paper logs until the ELD is repaired.</li>
</ol>
<p>The carrier must repair or replace the ELD within 8 days of discovering the malfunction or
of the driver's notice, whichever is earlier. If you need more time, you must request an
extension from your FMCSA Division Administrator within 5 days.</p>
<h2>Clearing a malfunction</h2>
<p>Malfunctions do not clear themselves while the underlying 24-hour window still contains the
failure. Once the cause is fixed, the malfunction clears automatically after the vehicle has
driven without problems long enough for the rolling window to pass, normally within a day. A
fleet admin can also clear it manually in <strong>Compliance &gt; Diagnostics &gt; [event] &gt; Mark
resolved</strong>, entering what was repaired. The resolution is stored in the log and shown to
inspectors during a roadside data transfer.</p>
<h2>During a roadside inspection</h2>
<p>If the inspector asks about an open malfunction, the driver should show the banner, the
paper logs and the written notice. The app's <strong>Inspection mode</strong> includes an instruction
sheet for the officer explaining the malfunction code.</p>
<h2>Information to send to support</h2>
<ul>
<li>The vehicle and RL-4 serial number, and the date and time of the event.</li>
<li>The driver app version (<strong>Menu &gt; About</strong>) and phone model.</li>
<li>Whether the vehicle is heavy-duty (J1939) or light-duty (OBD-II).</li>
<li>A screenshot of the diagnostic banner.</li>
</ul>""",
    ),
    dict(
        key="geofences",
        title="Create geofences and get reliable entry and exit alerts",
        section="alerts",
        labels=["geofences", "alerts", "notifications"],
        promoted=True,
        body="""<p>A geofence is an area on the map: a depot, a customer site, a school, a quarry or a whole
city district. Roadlark records every time a vehicle enters or leaves a geofence, and can alert
you by email, SMS, push notification or webhook. This article explains how to set up geofences,
why an alert may not arrive, and how to stop a flood of repeated alerts.</p>
<h2>Create a geofence</h2>
<ol>
<li>Go to <strong>Alerts &gt; Geofences</strong> and click <strong>New geofence</strong>.</li>
<li>Choose a shape: <strong>Circle</strong> (centre and radius) or <strong>Polygon</strong> (click the
corners on the map). Polygons fit depots and yards much better than circles.</li>
<li>Give it a name and optionally a category such as <em>Depot</em>, <em>Customer</em> or
<em>Restricted</em>.</li>
<li>Click <strong>Save</strong>. The geofence is active within one minute.</li>
</ol>
<p>You can also import up to 5,000 geofences at once from a CSV or KML file under
<strong>Alerts &gt; Geofences &gt; Import</strong>. Circles need <code>name,lat,lon,radius_m</code>;
polygons need a WKT <code>POLYGON</code> column.</p>
<h2>Create the alert</h2>
<p>A geofence on its own records entries and exits in reports, but does not notify anyone. To be
notified:</p>
<ol>
<li>Go to <strong>Alerts &gt; Alert rules &gt; New rule</strong> and choose <strong>Geofence</strong>.</li>
<li>Select the geofences and the trigger: <em>Enter</em>, <em>Exit</em> or both.</li>
<li>Select the vehicles or vehicle groups the rule applies to.</li>
<li>Choose the recipients and channels.</li>
<li>Optionally set a schedule, for example only outside working hours.</li>
</ol>
<h2>Why an alert did not arrive</h2>
<p>First open the vehicle's trip on the map and check whether the entry or exit was recorded at
all. Recorded events are shown as flags on the trip line.</p>
<h3>The event was not recorded</h3>
<ul>
<li><strong>The geofence is too small.</strong> Positions are reported every 60 seconds while moving.
A vehicle driving at 50 km/h covers 800 m between two reports, so it can pass through a 100 m
circle without a single position inside it. Make geofences at least 150 m across, or switch on
Live mode for the vehicles concerned. Roadlark interpolates between points, but only along
straight lines.</li>
<li><strong>The tracker was offline.</strong> Events are calculated when the positions arrive. If
the tracker had no coverage, the event appears later, and alerts older than 30 minutes are not
sent to avoid confusing late notifications. See
<a href="/hc/en-us/articles/gps-troubleshooting">Troubleshooting GPS trackers</a>.</li>
<li><strong>The vehicle started inside the geofence.</strong> If the tracker powered up inside the
area, there is no entry event, only an exit when it leaves.</li>
</ul>
<h3>The event was recorded but no alert was sent</h3>
<ul>
<li><strong>The vehicle is not in the rule.</strong> Rules apply to the vehicles and groups selected
when the rule was created. A new vehicle added to the fleet is only included if it is added to
one of those groups.</li>
<li><strong>The schedule excluded it.</strong> Schedules use the time zone of the rule, not of your
browser.</li>
<li><strong>The rule is paused or the recipient unsubscribed.</strong> Check <strong>Alerts &gt; Alert
rules</strong> and the recipient's notification settings, described in
<a href="/hc/en-us/articles/alert-settings">Manage alert notifications</a>.</li>
<li><strong>Email filtering.</strong> Alerts come from <code>alerts@roadlark.com</code>. Allow this
address in your mail filter; some corporate filters quarantine automated mail.</li>
<li><strong>SMS limits.</strong> Each account can send 500 alert SMS per day on Starter and 5,000 on
Business and Enterprise. Once the limit is reached, alerts are sent by email only.</li>
</ul>
<h2>Stopping repeated alerts near the boundary</h2>
<p>When a vehicle parks right on the edge of a geofence, small variations in the GPS position
(typically 5 to 15 metres, more near tall buildings) can place it inside, then outside, then
inside again. Each crossing is a new event, so you can receive dozens of alerts for a vehicle
that never moved. Use these settings in the alert rule to stop it:</p>
<table>
<tr><th>Setting</th><th>What it does</th><th>Recommended</th></tr>
<tr><td>Minimum time inside/outside</td><td>Only counts an entry or exit once the vehicle has
stayed on the new side for this long.</td><td>2-5 minutes</td></tr>
<tr><td>Ignore while parked</td><td>Ignores crossings while ignition is off or speed is
zero.</td><td>On</td></tr>
<tr><td>Cooldown</td><td>After an alert, no further alert for the same vehicle and geofence for
this long.</td><td>15-30 minutes</td></tr>
<tr><td>Boundary buffer</td><td>Treats positions within this distance of the edge as
unchanged.</td><td>25 m</td></tr>
</table>
<p>Also consider redrawing the geofence: if trucks routinely park along the fence line of a yard,
draw the polygon so the parking area is clearly inside it.</p>
<h2>Geofences in reports and the API</h2>
<p>The <strong>Geofence visits</strong> report lists each visit with arrival, departure and duration.
Geofence events are also available to your own systems through webhooks
(<code>geofence.entered</code> and <code>geofence.exited</code>); see
<a href="/hc/en-us/articles/webhooks">Receive events with webhooks</a>.</p>
<h2>Limits</h2>
<ul>
<li>Up to 20,000 geofences per account; polygons up to 500 corners.</li>
<li>Minimum circle radius 50 m.</li>
<li>Geofences that overlap are fine; each one produces its own events.</li>
</ul>""",
    ),
    dict(
        key="route-optimisation",
        title="Plan and optimise routes with time windows and customer ETAs",
        section="dispatch",
        labels=["dispatch", "routes", "optimisation", "eta"],
        promoted=False,
        body="""<p>Roadlark Dispatch plans routes for your drivers and puts the stops in the best order,
taking into account where vehicles start, how long each stop takes, your customers' delivery windows
and your drivers' shifts. This article explains how the optimiser works, why it may appear to
ignore a time window, and how the customer ETA texts are calculated.</p>
<h2>How the optimiser works</h2>
<p>When you click <strong>Optimise</strong> on a route plan, Roadlark considers all stops in the plan
and all selected vehicles and searches for the assignment with the lowest total cost. Cost is
mainly driving time, plus penalties for breaking constraints. The optimiser uses historical
traffic for the day of week and time of day, not live traffic. It usually finishes within a
minute for up to 500 stops.</p>
<p>The inputs that matter most:</p>
<ul>
<li><strong>Depot and shift</strong>: each vehicle's start and end location and its shift start and
end time.</li>
<li><strong>Service time</strong>: how long the driver spends at each stop. The default is 5
minutes. For deliveries that take 20 minutes, set it per stop or per customer.</li>
<li><strong>Time windows</strong>: the earliest and latest arrival time at a stop.</li>
<li><strong>Capacity</strong>: weight, volume or number of parcels per vehicle, if you use them.</li>
<li><strong>Skills</strong>: for example "tail lift" or "ADR", so a stop only goes to vehicles with that
skill.</li>
</ul>
<h2>Why a delivery time window was not respected</h2>
<p>The optimiser never silently drops a hard window. If a window is broken, one of the following
is almost always the reason.</p>
<h3>The window is soft</h3>
<p>Windows can be <em>hard</em> (must be respected) or <em>soft</em> (respected if possible). Stops
imported without a window type are soft by default. With soft windows the optimiser may choose
a late arrival if it saves a lot of driving. Set <strong>Window type: Hard</strong> for the stop, or
change the default under <strong>Dispatch &gt; Settings &gt; Optimisation</strong>.</p>
<h3>The window was not imported</h3>
<p>Windows must be in two columns, <code>window_start</code> and <code>window_end</code>, in 24-hour
format such as <code>08:30</code>. Values like <code>8.30am</code> or a single column
<code>8:30-10:00</code> are ignored, and the stop has no window. Open a stop and check whether the
window is displayed. See <a href="/hc/en-us/articles/stop-import">Import stops from a
spreadsheet</a>.</p>
<h3>The window is in another time zone</h3>
<p>Windows are interpreted in the time zone of the depot, not of your browser. A plan made in
the office in one time zone for a depot in another can appear shifted by an hour or more.</p>
<h3>The plan is infeasible</h3>
<p>If there are not enough vehicles or shift hours to meet all hard windows, the optimiser leaves
some stops <strong>Unassigned</strong> rather than break a window. If you then drag those stops
onto a route by hand, the window is broken and the stop is marked with a red clock icon.</p>
<h3>The route was changed after optimising</h3>
<p>Reordering stops manually, adding a stop, or the driver doing stops in a different order
changes the arrival times. The optimiser does not run again by itself. Click
<strong>Re-optimise remaining stops</strong> to plan again from the vehicle's current position.</p>
<h2>Customer ETA texts</h2>
<p>When a route is dispatched, Roadlark can send your customers an SMS or email with the expected
arrival time and a tracking link. ETAs are calculated as follows:</p>
<ol>
<li>At dispatch, the ETA is the planned arrival time from the optimised route.</li>
<li>While the route is running, the ETA is recalculated every 2 minutes from the vehicle's live
position and the remaining stops in their planned order.</li>
<li>A new text is only sent when the ETA changes by more than the threshold you set (default 15
minutes), to avoid spamming customers.</li>
</ol>
<h3>Why ETA texts are wrong</h3>
<ul>
<li><strong>Drivers do not complete stops in the app.</strong> If a driver forgets to mark stops as
done, Roadlark thinks the earlier stops are still ahead of the vehicle and adds their driving and
service time to every later ETA.</li>
<li><strong>The driver changed the order.</strong> ETAs follow the planned order. If drivers often
choose their own order, turn on <strong>Follow driver's sequence</strong>.</li>
<li><strong>Service times are too short.</strong> If a delivery really takes 15 minutes and the plan
says 5, each stop adds 10 minutes of error.</li>
<li><strong>Tracker offline or delayed.</strong> Without fresh positions, the ETA is based on the
plan only.</li>
<li><strong>Time zone of the message.</strong> The text uses the depot's time zone. Check it under
<strong>Dispatch &gt; Depots</strong>.</li>
</ul>
<p>More on message templates and thresholds in
<a href="/hc/en-us/articles/customer-eta">Customer ETA notifications</a>.</p>
<h2>Tips for better routes</h2>
<table>
<tr><th>Setting</th><th>Tip</th></tr>
<tr><td>Service time</td><td>Use the <strong>Actual stop duration</strong> report to set realistic
values per customer.</td></tr>
<tr><td>Breaks</td><td>Add driver breaks as part of the shift so the optimiser plans around
them.</td></tr>
<tr><td>Balance</td><td>Enable <strong>Balance routes</strong> if some drivers get 40 stops and others
10.</td></tr>
<tr><td>Road restrictions</td><td>Set vehicle height and weight so trucks are not routed under low
bridges.</td></tr>
</table>
<p>Optimisation is available on Business and Enterprise plans. Starter plans can plan routes
manually and still send customer ETA texts.</p>""",
    ),
    dict(
        key="user-groups",
        title="Users, roles and groups: control who sees which vehicles",
        section="account",
        labels=["users", "groups", "permissions", "admin"],
        promoted=False,
        body="""<p>Roadlark lets you decide which users see which vehicles, drivers and data. This is done
with two things: a <strong>role</strong>, which says what a user may do, and <strong>groups</strong>,
which say which vehicles and drivers they may do it to. This article explains both and how to solve the
most common question: "why can't this user see some of our vehicles?"</p>
<h2>Roles</h2>
<table>
<tr><th>Role</th><th>Can do</th></tr>
<tr><td>Admin</td><td>Everything, including users, billing, devices and settings. Always sees all
vehicles.</td></tr>
<tr><td>Fleet manager</td><td>Live map, trips, reports, alerts, maintenance and dispatch for
their groups.</td></tr>
<tr><td>Dispatcher</td><td>Live map, dispatch and driver messaging for their groups.</td></tr>
<tr><td>Compliance officer</td><td>ELD logs, log edits, DVIRs and dashcam events for their
groups.</td></tr>
<tr><td>Viewer</td><td>Read-only access to the live map and reports for their groups.</td></tr>
</table>
<p>Enterprise accounts can also create custom roles under <strong>Settings &gt; Users &gt;
Roles</strong>, for example a "Mechanic" role that sees only maintenance and fault codes.</p>
<h2>Groups</h2>
<p>A group is a set of vehicles and drivers, such as a depot, region, department or customer
contract. Groups can be nested: the group <em>North</em> can contain <em>Leeds depot</em> and
<em>York depot</em>. A user with access to a parent group sees everything in its subgroups.</p>
<p>Each user is given access to one or more groups. Users who are not Admins see
<strong>only</strong> the vehicles and drivers in their groups, everywhere in Roadlark: on the live
map, in reports, in alerts, in the dashcam video library and in the API when they create an API
token.</p>
<h3>Create a group</h3>
<ol>
<li>Go to <strong>Settings &gt; Groups</strong> and click <strong>New group</strong>.</li>
<li>Give it a name and optionally choose a parent group.</li>
<li>Add vehicles and drivers, either by hand or with a rule such as "all vehicles whose name
starts with <code>LDS-</code>".</li>
<li>Click <strong>Save</strong>.</li>
</ol>
<h3>Give a user access</h3>
<ol>
<li>Go to <strong>Settings &gt; Users</strong> and open the user.</li>
<li>Under <strong>Access</strong>, choose the role and tick the groups.</li>
<li>Click <strong>Save</strong>. The change applies the next time the user loads a page.</li>
</ol>
<h2>Why a user cannot see some vehicles</h2>
<p>Work through these checks in order.</p>
<ol>
<li><strong>The vehicle is not in any of the user's groups.</strong> Open the vehicle in
<strong>Settings &gt; Vehicles</strong> and look at <strong>Groups</strong>. New vehicles are placed in
the group selected when they were activated, or in <em>Ungrouped</em> if none was chosen. Only
Admins see ungrouped vehicles.</li>
<li><strong>The group rule does not match.</strong> Rule-based groups match on vehicle name, tag or
depot. If a vehicle was renamed from <code>LDS-214</code> to <code>214 Leeds</code>, it drops out of
a rule that matches names starting with <code>LDS-</code>.</li>
<li><strong>The user has access to a sibling group, not the parent.</strong> Access flows down to
subgroups but never up or sideways.</li>
<li><strong>The role does not include that feature.</strong> A Dispatcher sees vehicles on the map
but not ELD logs; a Compliance officer sees logs but not the dispatch board. The vehicle is
visible, but the screen the user expects is not.</li>
<li><strong>The map filter is on.</strong> The live map remembers each user's filter. Ask the user to
click <strong>Clear filters</strong> above the vehicle list.</li>
<li><strong>The vehicle is archived.</strong> Archived vehicles are hidden from everyone except in
historical reports.</li>
</ol>
<p>You can check exactly what a user sees with <strong>Settings &gt; Users &gt; [user] &gt; View as
this user</strong>. This opens a read-only view of the dashboard with that user's permissions.</p>
<h2>Drivers and the Roadlark Driver app</h2>
<p>Drivers are not users of the dashboard. They sign in to the Roadlark Driver app with their
driver login and only see the vehicles assigned to them or to their home group. If a driver
cannot select a vehicle in the app, add the vehicle to the driver's home group. See
<a href="/hc/en-us/articles/driver-app-login">Signing in to the Roadlark Driver app</a>.</p>
<h2>Groups and single sign-on</h2>
<p>If you use single sign-on, you can map identity provider groups to Roadlark groups so access
is managed in one place. Users then receive the groups sent in the SAML attribute
<code>roadlark_groups</code> each time they sign in; manual changes in Roadlark are overwritten at
the next sign-in. See <a href="/hc/en-us/articles/sso-setup">Set up single sign-on</a>.</p>
<h2>Good practice</h2>
<ul>
<li>Keep at least two Admins, so the account is never locked if one leaves.</li>
<li>Build groups around how you work (depots, regions, contracts), not around people.</li>
<li>Use rules for groups where you can, so new vehicles are grouped automatically.</li>
<li>Review access every quarter. All changes to users, roles and groups are recorded in the
<a href="/hc/en-us/articles/audit-log">audit log</a>.</li>
</ul>""",
    ),
    dict(
        key="webhooks",
        title="Receive events with webhooks",
        section="api",
        labels=["api", "webhooks", "integrations"],
        promoted=False,
        body="""<p>Webhooks let Roadlark push events to your own systems as they happen, instead of your
system asking the API every few minutes. Typical uses are sending geofence arrivals to a warehouse
system, harsh-driving events to a safety platform, or completed stops to your billing system.
This article explains how to set up a webhook, how deliveries and retries work, and what to
check if events stop arriving.</p>
<h2>Create a webhook</h2>
<ol>
<li>Go to <strong>Settings &gt; Developer &gt; Webhooks</strong> and click <strong>Add endpoint</strong>.</li>
<li>Enter the URL. It must use <code>https</code> with a valid certificate from a public certificate
authority.</li>
<li>Select the event types you want to receive.</li>
<li>Click <strong>Save</strong>. Roadlark shows a signing secret once; store it safely.</li>
<li>Click <strong>Send test event</strong> to check that your endpoint answers.</li>
</ol>
<h2>Event types</h2>
<table>
<tr><th>Event</th><th>Sent when</th></tr>
<tr><td><code>vehicle.ignition_on</code> / <code>vehicle.ignition_off</code></td><td>A trip starts or
ends.</td></tr>
<tr><td><code>geofence.entered</code> / <code>geofence.exited</code></td><td>A vehicle crosses a
geofence boundary.</td></tr>
<tr><td><code>safety.harsh_event</code></td><td>The dashcam or tracker detects harsh braking,
acceleration, cornering or a collision.</td></tr>
<tr><td><code>stop.completed</code></td><td>A driver completes a dispatch stop.</td></tr>
<tr><td><code>dvir.submitted</code></td><td>A driver submits an inspection report.</td></tr>
<tr><td><code>fault_code.detected</code></td><td>The engine reports a new fault code.</td></tr>
<tr><td><code>device.offline</code></td><td>A tracker goes offline.</td></tr>
</table>
<h2>Deliveries and retries</h2>
<p>Each event is sent as an HTTP <code>POST</code> with a JSON body. Your endpoint must answer with
a <code>2xx</code> status code within <strong>10 seconds</strong>. Anything else, including a
redirect (<code>301</code>, <code>302</code>), a timeout or a TLS error, counts as a failure.</p>
<p>Failed deliveries are retried with increasing delays: after 1 minute, 5 minutes, 30 minutes,
2 hours and 6 hours. After the sixth failed attempt the event is dropped but remains visible in
the delivery log for 30 days, where you can redeliver it.</p>
<p>If an endpoint fails <strong>every</strong> delivery for 72 hours, Roadlark disables it and
emails the account admins. A disabled endpoint receives nothing until you enable it again.</p>
<h2>Verify signatures</h2>
<p>Every request carries a header <code>Roadlark-Signature</code> of the form
<code>t=1710000000,v1=&lt;hex&gt;</code>. The <code>v1</code> value is an HMAC-SHA256 of
<code>t + "." + raw body</code> with your signing secret. Compute it over the raw bytes of the body,
not over re-serialised JSON, and reject requests whose timestamp is more than 5 minutes old.</p>
<h2>When events stop arriving</h2>
<p>Open <strong>Settings &gt; Developer &gt; Webhooks</strong> and select the endpoint. The
<strong>Delivery log</strong> shows every attempt with the status code and the response time.</p>
<ol>
<li><strong>Status: Disabled.</strong> The endpoint failed for 72 hours, often during a deployment,
server move or expired certificate. Fix the cause, click <strong>Enable</strong>, then use
<strong>Redeliver failed events</strong> to send the events of the last 30 days again.</li>
<li><strong>Timeouts.</strong> If your endpoint does slow work (database writes, calls to other
systems) before answering, it may exceed 10 seconds under load. Answer <code>200</code> at once and
process the event in a background queue.</li>
<li><strong>401 or 403 responses.</strong> Your endpoint is rejecting the signature. This happens
after the signing secret was rotated and the new secret was not deployed, or when a proxy changes
the body before verification.</li>
<li><strong>Certificate errors.</strong> Self-signed certificates and incomplete certificate chains
are rejected. Check your server with an SSL test tool.</li>
<li><strong>Firewall.</strong> If your firewall only allows known addresses, allow Roadlark's webhook
IP ranges, published at <code>https://api.roadlark.com/meta/ip-ranges</code>. They changed in
2024.</li>
<li><strong>Event types.</strong> An endpoint only receives the event types ticked for it. New event
types are not added to existing endpoints automatically.</li>
<li><strong>Vehicle scope.</strong> Webhooks created by a user inherit that user's groups. If the
user lost access to a group, or was deactivated, events for those vehicles are no longer sent.
Create webhooks with an Admin or a dedicated integration user.</li>
</ol>
<h2>Ordering and duplicates</h2>
<p>Events can arrive out of order and, rarely, more than once, especially after retries. Every
event has a unique <code>id</code> and an <code>occurred_at</code> timestamp. Store the ids you have
processed and ignore repeats; sort by <code>occurred_at</code> if the order matters.</p>
<h2>Example payload</h2>
<p>All events share the same envelope. The <code>data</code> object depends on the event type:</p>
<p><code>{"id": "evt_8f2k1", "type": "geofence.entered", "occurred_at": "2024-03-04T07:12:09Z",
"data": {"vehicle_id": "veh_214", "vehicle_name": "Unit 214", "geofence_id": "geo_77",
"geofence_name": "Leeds depot"}}</code></p>
<p>Times are always in UTC, whatever the time zone of your account.</p>
<h2>Testing locally</h2>
<p>Use <strong>Send test event</strong> with a tunnelling tool to reach a development machine, or
point a test endpoint at a request inspection service. Test events have
<code>"test": true</code> in the body.</p>
<p>Webhooks do not count towards your API rate limit. If you also call the REST API, see
<a href="/hc/en-us/articles/api-limits">API rate limits</a>.</p>""",
    ),
]
