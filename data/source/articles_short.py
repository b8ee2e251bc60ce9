"""Shorter Help Center articles, written for this project. Same format as articles_long.py."""


def A(key, title, section, labels, body, promoted=False):
    return dict(key=key, title=title, section=section, labels=labels, promoted=promoted, body=body)


ARTICLES = [
    A("sso-troubleshooting", "Troubleshooting SAML login errors", "account", ["sso", "saml", "errors"],
      """<p>This article lists the SAML errors users see most often, what causes them and how to fix them.</p>
<h2>"SAML Response is not yet valid" / "Assertion NotBefore is in the future"</h2>
<p>Every SAML assertion is valid for a time window given by its <code>NotBefore</code> and
<code>NotOnOrAfter</code> conditions. AcmeFlow allows 60 seconds of clock skew. If your identity
provider's clock runs ahead of real time by more than that, assertions arrive "from the future" and
are rejected. Logins may then work intermittently, for example after waiting a minute.</p>
<p><strong>Fix:</strong> synchronise the IdP server's clock with NTP. This is common after moving ADFS to a
new server or virtual machine that does not sync time. The tolerance cannot be increased.</p>
<h2>"SAML signature validation failed"</h2>
<p>The response was signed with a certificate that does not match the one uploaded in AcmeFlow. This
happens when the IdP signing certificate expired or was rotated.</p>
<p><strong>Fix:</strong> upload the new certificate under <strong>Settings &gt; Security &gt; Single
sign-on</strong>.
If SSO is enforced and no admin can sign in, use your break-glass account. If you have none, the
account owner can ask support to disable enforcement temporarily; we verify the request by phone.</p>
<h2>"Audience mismatch"</h2>
<p>The Entity ID configured in the IdP is not AcmeFlow's. Copy it again from the SSO settings.</p>
<h2>"We couldn't find an AcmeFlow account for this email"</h2>
<p>The user does not exist in AcmeFlow. Invite them, or turn on just-in-time provisioning.</p>"""),
    A("sso-jit", "Just-in-time user provisioning with SSO", "account", ["sso", "provisioning", "users"],
      """<p>With just-in-time (JIT) provisioning, AcmeFlow creates a user automatically the first time someone
signs in through your identity provider. You no longer need to invite new employees by hand.</p>
<h2>Turn it on</h2>
<ol>
<li>Go to <strong>Settings &gt; Security &gt; Single sign-on</strong>.</li>
<li>Enable <strong>Create users on first sign-in</strong>.</li>
<li>Choose the default role and team for new users (for example Member, team "Unassigned").</li>
</ol>
<h2>Required attributes</h2>
<p>The assertion must include <code>email</code>. <code>firstName</code> and <code>lastName</code> are
used for the
display name when present. Optionally send <code>acmeflowRole</code> and <code>acmeflowTeam</code> to assign a
role and team.</p>
<h2>Limits</h2>
<ul>
<li>Only email domains verified for your account are provisioned.</li>
<li>JIT creates users but never deactivates them. AcmeFlow does not support SCIM yet, so deactivate
leavers in AcmeFlow yourself.</li>
<li>New users count as seats from their first sign-in.</li>
</ul>"""),
    A("2fa-enable", "Enable two-factor authentication for your account", "account", ["2fa", "security"],
      """<p>Two-factor authentication (2FA) protects your account with a code from your phone in addition to
your password.</p>
<ol>
<li>Open your profile and choose <strong>Security</strong>.</li>
<li>Click <strong>Set up two-factor authentication</strong>.</li>
<li>Scan the QR code with an authenticator app such as Google Authenticator, Microsoft Authenticator,
1Password or Authy. You can also choose SMS.</li>
<li>Enter the six-digit code to confirm.</li>
<li><strong>Save your backup codes.</strong> Each code works once and lets you sign in if you lose your
phone.</li>
</ol>
<p>Admins can require 2FA for everyone under <strong>Settings &gt; Security &gt; Two-factor
policy</strong>.</p>"""),
    A("2fa-reset", "Reset two-factor authentication for a user who lost their device", "account",
      ["2fa", "security", "lost phone", "admin"],
      """<p>If you lost your phone or replaced it without moving your authenticator app, you can still
get back
into your account.</p>
<h2>Use a backup code</h2>
<p>On the code screen, click <strong>Use a backup code</strong> and enter one of the codes you saved when
you set
up 2FA. Then set up 2FA again on your new phone.</p>
<h2>Ask an admin</h2>
<p>Any Admin of your account can reset 2FA for another user: <strong>Settings &gt; Users</strong>, open
the user,
<strong>Reset two-factor authentication</strong>. The user sets up 2FA again at the next sign-in.</p>
<h2>If you are the only admin</h2>
<p>Contact support from the email address of your account. For your security we verify your identity
with the account owner or by a video call before removing 2FA, which can take one business day. To
avoid this, make sure your account always has at least two admins.</p>"""),
    A("2fa-codes-rejected", "Why are my two-factor codes rejected?", "account", ["2fa", "errors"],
      """<p>Authenticator codes depend on the time. If your phone's clock is off by more than about 30
seconds, every code will be "invalid" even though the app shows one.</p>
<ul>
<li><strong>Android:</strong> Settings &gt; System &gt; Date &amp; time, turn on <em>Set time
automatically</em>.
In Google Authenticator you can also use <em>Time correction for codes</em>.</li>
<li><strong>iPhone:</strong> Settings &gt; General &gt; Date &amp; Time, turn on <em>Set
Automatically</em>.</li>
</ul>
<p>Also check that you are using the entry for the right account if you have more than one AcmeFlow
entry in the app. After five wrong codes the account is locked for 15 minutes.</p>"""),
    A("2fa-sms", "SMS verification codes are not arriving", "account", ["2fa", "sms"],
      """<p>If you do not receive the text message with your code:</p>
<ul>
<li>Wait two minutes before requesting a new code; each new request cancels the previous code.</li>
<li>Check the phone number in your profile, including the country code.</li>
<li>Some corporate mobile plans and carriers block messages from short codes. Ask your carrier or
IT team to allow messages from AcmeFlow.</li>
<li>Choose <strong>Call me instead</strong> to receive the code by voice call.</li>
</ul>
<p>We recommend an authenticator app instead of SMS: it works without mobile reception and is more
secure.</p>"""),
    A("password-reset", "Reset your password", "account", ["password", "login"],
      """<p>Click <strong>Forgot password?</strong> on the sign-in page and enter your email address. We
send a link that
is valid for 60 minutes and can be used once.</p>
<h2>The link says it has expired</h2>
<p>Some email security products open every link in incoming mail to scan it. That uses up the link
before you click it. Ask your IT team to exclude <code>app.acmeflow.com/password</code> from link
scanning, or ask an admin to send you a reset from <strong>Settings &gt; Users</strong>.</p>
<h2>The email does not arrive</h2>
<p>Check your spam folder and see
<a href="/hc/en-us/articles/email-deliverability">Notification emails not arriving</a>. If your account
uses SSO, there is no AcmeFlow password to reset; sign in with SSO.</p>"""),
    A("account-locked", "Unlock an account after too many failed sign-in attempts", "account",
      ["login", "locked", "security"],
      """<p>After ten failed password attempts in 30 minutes, AcmeFlow locks the account for one hour to
protect it from password guessing. After five wrong two-factor codes it locks for 15 minutes.</p>
<ul>
<li>Wait until the lock expires, then sign in with the correct password, or reset it.</li>
<li>Admins can unlock a user at once: <strong>Settings &gt; Users</strong>, open the user,
<strong>Unlock</strong>.</li>
<li>If you did not cause the failed attempts yourself, change your password and tell your admin.
The audit log lists failed sign-ins with IP addresses.</li>
</ul>"""),
    A("invitations", "Invite users and resend expired invitations", "users", ["users", "invitations"],
      """<p>Admins and users with the Manage users permission can invite people from <strong>Settings
&gt; Users
&gt; Invite</strong>.</p>
<ul>
<li>Invitations are valid for 7 days.</li>
<li>Pending invitations are listed with the status <em>Invited</em>. Open the user and click
<strong>Resend invitation</strong> to send a new link; the old link stops working.</li>
<li>If the invitation does not arrive, check spam and that the recipient's mail server accepts mail
from AcmeFlow. You can copy the invitation link and send it yourself.</li>
<li>With SSO and just-in-time provisioning you do not need invitations.</li>
</ul>"""),
    A("duplicate-charge", "I was charged twice - what to do", "billing", ["billing", "refund", "payments"],
      """<p>If you see two charges from AcmeFlow for the same amount:</p>
<ol>
<li>Check whether one of them is <em>pending</em>. When you update a card, we place a temporary
authorisation that your bank releases within 7 days. It is not a payment.</li>
<li>Compare with <strong>Settings &gt; Billing &gt; Invoices</strong>. Each real payment has an invoice.</li>
<li>If both charges have settled, contact billing support with the date, amount and the last four
digits of the card. We refund the duplicate within two business days.</li>
</ol>"""),
    A("vat-details", "Add your VAT ID and company address to invoices", "billing",
      ["billing", "vat", "invoices"],
      """<p>Go to <strong>Settings &gt; Billing &gt; Billing details</strong> and fill in the legal
company name,
address and VAT ID. We validate EU VAT IDs against VIES; invalid IDs are not printed.</p>
<p>Changes apply to invoices issued afterwards. To correct earlier invoices, contact billing support
with the invoice numbers. We issue a credit note and a corrected invoice, which is what most
accountants need for their books.</p>"""),
    A("seats", "How seats are counted and billed", "billing", ["billing", "seats", "users"],
      """<p>A seat is an active user. Deactivated users stop counting from the next billing period; deleted
users too. Invited users count once they accept.</p>
<h2>Monthly plans</h2>
<p>The invoice uses the highest number of active users during the previous month.</p>
<h2>Annual plans</h2>
<p>You commit to a number of seats for the year. Adding users above the commitment is billed
prorated; removing users reduces the count at renewal, not during the year.</p>
<p>To see who counts as a seat, open <strong>Settings &gt; Users</strong> and filter by <em>Active</em>.
Users who are
<em>suspended</em> by SSO but not deactivated in AcmeFlow still count.</p>"""),
    A("payment-methods", "Update your payment method", "billing", ["billing", "payments", "card"],
      """<p>The account owner or a Billing admin can change the card or bank account under
<strong>Settings &gt;
Billing &gt; Payment method</strong>. The new method is used for the next invoice; to pay an overdue
invoice with it, click <strong>Pay now</strong> on the invoice. Bank transfer is available for annual plans
over 5,000 USD and for Enterprise.</p>"""),
    A("payment-declined", "Why was my card declined?", "billing", ["billing", "payments", "card", "declined"],
      """<p>Card payments are declined by the card issuer, not by AcmeFlow. Common reasons:</p>
<ul>
<li>3D Secure authentication was not completed. Try again and approve the request in your banking app.</li>
<li>The issuer's fraud check blocked an international payment; AcmeFlow charges from Ireland.</li>
<li>Corporate cards with merchant category restrictions.</li>
</ul>
<p>Ask your bank to allow the payment, then retry from the invoice. After a failed payment we retry
three times over ten days before restricting the account. If you need more time, contact billing
support and we will pause the restriction while you sort it out.</p>"""),
    A("plans", "Compare plans: Starter, Business and Enterprise", "billing", ["plans", "pricing"],
      """<p><strong>Starter</strong> includes workflows, invoicing, CSV import and export and email
notifications for
up to 10 users. <strong>Business</strong> adds SSO, the API, webhooks, Slack and Salesforce integrations,
dashboards and approval limits. <strong>Enterprise</strong> adds custom roles, IP allowlists, the sandbox,
audit log export, data retention settings, higher API limits and a named account manager.</p>"""),
    A("csv-encoding", "Fix garbled characters after a CSV import", "import_export",
      ["csv", "import", "encoding"],
      """<p>If names like <em>Müller</em> appear as <em>MÃ¼ller</em> or <em>M?ller</em> after an import,
the file was
not saved as UTF-8.</p>
<ol>
<li>In Excel, open the original file and choose <strong>File &gt; Save As &gt; CSV UTF-8 (Comma
delimited)</strong>. In Google Sheets, <em>File &gt; Download &gt; CSV</em> is already UTF-8.</li>
<li>Undo the previous import from <strong>Data &gt; Import history</strong> (available for 7 days).</li>
<li>Import the new file with <strong>Update existing records</strong>.</li>
</ol>
<p>If the undo period has passed, re-import with <em>Update</em>: matched records get the correct
names.</p>"""),
    A("csv-dates", "Date and number formats in CSV imports", "import_export", ["csv", "import", "dates"],
      """<p>ISO dates (<code>2024-03-25</code>) always work. For <code>25/03/2024</code> or
<code>03/25/2024</code>,
choose the date order in the import wizard. If the wrong order is chosen, dates up to the 12th are
imported with day and month swapped and later dates fail with <code>invalid date</code>. Dates with dots
(<code>25.03.2024</code>) are read as day/month/year. Two-digit years are not accepted.</p>"""),
    A("csv-export", "Export data to CSV", "import_export", ["csv", "export"],
      """<p>Every list (invoices, customers, workflow runs) has an <strong>Export</strong> button that
exports the
current filter to CSV. Exports up to 10,000 rows download immediately; larger ones are prepared in
the background and emailed to you as a link valid for 24 hours. Exports are UTF-8 with a byte order
mark so Excel shows accents correctly.</p>"""),
    A("large-exports", "Large exports: limits and scheduled exports", "import_export",
      ["csv", "export", "limits"],
      """<p>A single export can contain up to 250,000 rows. Background exports time out after 30 minutes;
when that happens you receive an email with an empty file or no email at all.</p>
<ul>
<li>Split the export by date range, for example per quarter.</li>
<li>Remove columns you do not need; attachments and line items make exports much slower.</li>
<li>Use <strong>Scheduled exports</strong> (Business and Enterprise) to deliver a daily or monthly file to
SFTP or Amazon S3.</li>
<li>For a full copy of your data, use the API with <code>updated_since</code>.</li>
</ul>"""),
    A("api-overview", "Getting started with the AcmeFlow REST API", "api", ["api", "developers"],
      """<p>The REST API lives at <code>https://api.acmeflow.com/v2</code>. Authenticate with a bearer
token:</p>
<pre><code>curl -H "Authorization: Bearer $ACMEFLOW_TOKEN" https://api.acmeflow.com/v2/invoices?per_page=100
</code></pre>
<p>All requests and responses are JSON, timestamps are ISO 8601 in UTC and amounts are strings. See
the articles on tokens, rate limits, pagination and webhooks before building an integration.</p>"""),
    A("api-tokens", "Create and manage API tokens", "api", ["api", "tokens", "401"],
      """<p>Create tokens under <strong>Settings &gt; API &gt; Tokens</strong>. A token acts as the user
who created it
and has that user's permissions.</p>
<ul>
<li><strong>Tokens stop working when their user is deactivated.</strong> Every request then returns
<code>401 Unauthorized</code>. Before offboarding someone, create replacement tokens under a service
account and switch your integrations over.</li>
<li>Tokens do not expire unless you set an expiry date when creating them.</li>
<li>Revoke a token at any time; revoking cannot be undone.</li>
</ul>
<p>We recommend a dedicated service user (for example <code>integrations@yourcompany.com</code>) that owns all
integration tokens.</p>"""),
    A("api-pagination", "Paginating through API results", "api", ["api", "pagination"],
      """<p>List endpoints return at most 100 items per page. Offset pagination (<code>page=2</code>) is
simple but
unreliable when records are created or deleted while you page: items shift between pages, so you
may see some twice and miss others.</p>
<p>Use cursor pagination instead: pass <code>cursor</code> from the previous response's
<code>next_cursor</code> until it is null.</p>
<pre><code>GET /v2/invoices?per_page=100&amp;sort=id
GET /v2/invoices?per_page=100&amp;sort=id&amp;cursor=eyJpZCI6ODgyMTN9
</code></pre>
<p>Cursors are stable under concurrent changes. Offset pagination will be removed in API v3.</p>"""),
    A("webhook-signatures", "Verify webhook signatures", "api", ["webhooks", "security", "hmac"],
      """<p>Each delivery carries <code>X-AcmeFlow-Signature:
t=&lt;timestamp&gt;,v1=&lt;signature&gt;</code>. The
signature is the hex HMAC-SHA256 of <code>&lt;timestamp&gt;.&lt;raw body&gt;</code> with your signing secret
as the key. The secret is used as a plain UTF-8 string, not base64-decoded.</p>
<p>Compute it over the <strong>raw request body</strong>. Frameworks that parse JSON and serialise it again
change whitespace and key order, and the signature no longer matches.</p>
<pre><code>import hashlib
import hmac


def verify(secret: str, header: str, raw_body: bytes) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    signed = parts["t"].encode() + b"." + raw_body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])
</code></pre>
<p>In Express, use <code>express.raw({type: "application/json"})</code> on the webhook route.</p>"""),
    A("webhook-disabled", "Why was my webhook disabled?", "api", ["webhooks", "disabled"],
      """<p>We disable a webhook when every delivery fails for 24 hours, for example because the endpoint
returned errors during an outage, a certificate expired, or a firewall started blocking our IP
addresses. Disabled webhooks do not queue events.</p>
<ol>
<li>Check the delivery log for the failing status codes.</li>
<li>Fix the endpoint, then click <strong>Enable</strong>.</li>
<li>Click <strong>Replay events</strong> and choose the time range you missed (up to 7 days).</li>
</ol>
<p>Admins and the webhook's creator receive an email when a webhook is disabled. Make sure that
address is monitored.</p>"""),
    A("slack-setup", "Connect AcmeFlow to Slack", "integrations", ["slack", "integrations"],
      """<p>Go to <strong>Settings &gt; Integrations &gt; Slack</strong>, click <strong>Connect</strong>
and approve the
AcmeFlow app in your Slack workspace. Then choose which events are posted to which channel. Users
can approve requests directly from Slack if their Slack email matches their AcmeFlow email.</p>
<p>The connection belongs to the Slack user who installed it. Install it with a shared admin
account so it keeps working when people leave.</p>"""),
    A("slack-troubleshoot", "Slack notifications stopped or appear twice", "integrations",
      ["slack", "notifications", "troubleshooting"],
      """<h2>Nothing is posted anymore</h2>
<ul>
<li>The Slack user who connected the integration was deactivated: Slack revokes the app's token. The
integration can still show <em>Connected</em> until the next post fails. Reconnect with another admin.</li>
<li>The channel was archived or made private. Choose the channel again in the event settings; for
private channels, invite the AcmeFlow app first.</li>
<li>Renaming a channel does not break the integration.</li>
</ul>
<h2>Every message appears twice</h2>
<p>The integration was connected twice, usually by two admins, or the same channel is selected in
two event rules. Open <strong>Settings &gt; Integrations &gt; Slack</strong>, check <em>Connections</em>
and remove
the extra one, then check the event rules for duplicates.</p>"""),
    A("salesforce-duplicates", "Prevent duplicate contacts in Salesforce sync", "integrations",
      ["salesforce", "duplicates", "crm"],
      """<p>The sync creates a new contact when it cannot match an existing one. To stop duplicates:</p>
<ol>
<li>Pause the sync.</li>
<li>Check the matching rule under <strong>Salesforce &gt; Matching</strong>. Contacts should match by
email.</li>
<li>If you recently changed the field mapping, the integration may treat records as new. Run
<strong>Rebuild links</strong>, which matches existing records again without creating any.</li>
<li>Merge the duplicates in Salesforce. The integration follows merges and keeps the surviving record.</li>
<li>Resume the sync.</li>
</ol>"""),
    A("salesforce-reconnect", "Reconnect Salesforce after an expired session", "integrations",
      ["salesforce", "errors", "oauth"],
      """<p>Errors like <code>INVALID_SESSION_ID</code> or <code>expired access/refresh token</code> mean
Salesforce revoked
the connection. Common causes: the integration user's password was reset, the user was frozen, or
a session policy such as <em>Refresh token is valid until revoked</em> was changed to expire.</p>
<p>Click <strong>Reconnect</strong> in <strong>Settings &gt; Integrations &gt; Salesforce</strong> and
sign in as the
integration user. Field mappings and matching rules are kept, and records changed while the
connection was broken are synced in the next run. Set the connected app's refresh token policy to
<em>valid until revoked</em> to avoid this in future.</p>"""),
    A("integrations-overview", "Available integrations", "integrations", ["integrations"],
      """<p>AcmeFlow integrates natively with Slack, Salesforce, QuickBooks Online, Xero, Google Drive and
Microsoft Outlook. Other tools can be connected through Zapier or our API and webhooks. A native
Microsoft Teams integration is not available yet. Shopify orders can be brought in through Zapier.</p>"""),
    A("zapier", "Use AcmeFlow with Zapier", "integrations", ["zapier", "integrations", "automation"],
      """<p>The AcmeFlow Zapier app offers triggers (invoice created, invoice paid, workflow run completed,
approval requested) and actions (create invoice, create customer, start workflow). Connect it with
an API token of a service user. Zapier polls triggers every 1 to 15 minutes depending on your Zapier
plan; instant triggers use webhooks.</p>"""),
    A("mobile-install", "Install the AcmeFlow mobile app", "mobile", ["mobile", "ios", "android"],
      """<p>The app is available on the App Store (iOS 16 or later) and Google Play (Android 10 or later).
Sign in with your AcmeFlow email; SSO users choose <strong>Sign in with SSO</strong>. The app lets you
approve requests, check workflow runs and photograph receipts.</p>"""),
    A("mobile-crash", "The Android app closes right after opening", "mobile", ["mobile", "android", "crash"],
      """<p>Version 5.12.0 of the Android app crashed on start on some Samsung devices with Android 14.
Version
5.12.1 fixes it. Update the app from Google Play. If your devices are managed, ask your IT team to
approve 5.12.1 in your mobile device management.</p>
<p>If the app still closes, go to <strong>Settings &gt; Apps &gt; AcmeFlow &gt; Storage</strong> and
clear storage
(not just the cache), then sign in again.</p>"""),
    A("mobile-push", "Push notifications on iOS and Android", "mobile", ["mobile", "push", "notifications"],
      """<p>Push notifications need permission on the phone and in AcmeFlow.</p>
<ul>
<li>In the app, open <strong>Profile &gt; Notifications</strong> and turn on the events you want.</li>
<li>On iPhone, check <strong>Settings &gt; Notifications &gt; AcmeFlow</strong>. If you restored your iPhone
from a backup, sign out of the app and in again to register the device.</li>
<li>Push is sent to the five devices you signed in on most recently.</li>
</ul>"""),
    A("email-deliverability", "Notification emails not arriving or landing in spam", "notifications",
      ["email", "spam", "deliverability"],
      """<p>AcmeFlow sends email from <code>notifications@acmeflow.com</code> and
<code>no-reply@acmeflow.com</code>
through servers covered by our SPF record and signed with DKIM (selector <code>af1</code>).</p>
<ul>
<li>Ask your IT team to allowlist the sending domain <code>acmeflow.com</code> rather than IP addresses,
which change.</li>
<li>In Microsoft 365, check the quarantine and add a transport rule if needed.</li>
<li>Admins can see bounces and blocks under <strong>Settings &gt; Notifications &gt; Delivery log</strong>.
Addresses that bounced are suppressed; remove them from the suppression list after fixing the
problem.</li>
</ul>"""),
    A("notification-settings", "Choose which email notifications you receive", "notifications",
      ["email", "notifications", "settings"],
      """<p>Open <strong>Profile &gt; Notifications</strong>. For each event (approval requested,
comment, mention,
workflow failed, invoice paid) choose <em>Instantly</em>, <em>Daily digest</em> or <em>Off</em>. The daily
digest is sent at 8:00 in your time zone.</p>
<p>Admins can set the defaults for new users under <strong>Settings &gt; Notifications &gt; Defaults</strong>
and apply them to existing users.</p>"""),
    A("custom-roles", "Create custom roles", "users", ["roles", "permissions", "enterprise"],
      """<p>Enterprise accounts can create roles under <strong>Settings &gt; Roles &gt; New
role</strong>. Start from a
built-in role and adjust the permissions.</p>
<p>To limit what a role sees, set <strong>View workflows</strong> and <strong>View invoices</strong> to
<em>Own teams</em>,
and check that the users are not also in a team with a team-wide grant: grants add to the role and
cannot be taken away by it. Role changes apply at the next sign-in; click <strong>Sign out affected
users</strong> to apply them at once.</p>"""),
    A("approvals", "Set up approval steps for invoices", "invoicing", ["approvals", "invoices", "roles"],
      """<p>Add an <strong>Approval</strong> step to an invoice workflow and choose who approves: a
person, a role,
or the manager of the invoice's team. Approvers need the <em>Approve invoices</em> permission, an
approval limit above the invoice amount and view access to the invoice's team. If one is missing,
the Approve button is disabled or approving fails with a permission error.</p>"""),
    A("dashboards-intro", "Build a reporting dashboard", "reporting", ["dashboards", "reports"],
      """<p>Go to <strong>Reports &gt; Dashboards &gt; New dashboard</strong> and add widgets: numbers,
charts and
tables over invoices, payments and workflow runs. Each widget has its own filters and date range.
Share a dashboard with teams or schedule it as a PDF by email.</p>"""),
    A("dashboard-timezones", "Why dashboard totals differ from exports", "reporting",
      ["dashboards", "time zone", "reports"],
      """<p>Dashboards group data by day and month in the <strong>account time zone</strong> (Settings
&gt; General).
CSV exports contain timestamps in UTC. Records created close to midnight can therefore fall into a
different day or month, which makes monthly totals differ slightly around month boundaries.</p>
<p>Set the account time zone to your business's time zone, or convert the export's timestamps before
summing. Dashboards also exclude voided invoices by default; exports include them.</p>"""),
    A("dashboard-performance", "Speed up slow dashboards", "reporting", ["dashboards", "performance"],
      """<p>Widgets are computed when the dashboard opens. Each widget that scans all time is slow on large
accounts, and a widget that takes more than 60 seconds shows <em>Query timed out</em>.</p>
<ul>
<li>Use a date range such as <em>Last 12 months</em> instead of <em>All time</em>.</li>
<li>Split large dashboards: more than 12 widgets load slowly.</li>
<li>Turn on <strong>Cache results</strong> (refreshes hourly) for dashboards that do not need live data.</li>
</ul>"""),
    A("retention-policy", "Data retention settings", "data", ["retention", "data", "compliance"],
      """<p>By default AcmeFlow keeps your data for as long as your subscription is active. Enterprise
accounts can set retention periods under <strong>Settings &gt; Data &gt; Retention</strong>, separately for
workflow run history, invoices, attachments and audit logs. Records older than the period are
deleted permanently every night.</p>
<p>Deleted items go to the trash for 30 days before they are purged, unless a retention rule removes
them. After the subscription ends, data is deleted after 30 days.</p>"""),
    A("restore-deleted", "Restore deleted workflows and invoices from the trash", "data",
      ["trash", "restore", "deleted"],
      """<p>Deleted workflows, invoices and customers stay in the trash for 30 days.</p>
<ol>
<li>Go to <strong>Data &gt; Trash</strong>. Filter by type and by who deleted the item.</li>
<li>Select the items and click <strong>Restore</strong>. Restored invoices keep their number.</li>
</ol>
<p>You need the same permission that deleting requires. After 30 days items are purged and cannot be
recovered, not even by support, because backups are only used for disaster recovery.</p>"""),
    A("gdpr", "GDPR, DPA and data deletion requests", "data", ["gdpr", "privacy", "compliance"],
      """<p>AcmeFlow acts as a data processor for the personal data in your account. Our Data Processing
Agreement is part of the terms of service; a signed copy is available from the account owner's
billing page. To delete a person's data, delete the contact: related comments are anonymised.
Retention settings can delete old data automatically.</p>"""),
    A("workflow-basics", "Create your first workflow", "workflows", ["workflows", "getting started"],
      """<p>A workflow is a trigger followed by steps. Go to <strong>Workflows &gt; New</strong>, choose
a trigger
(for example <em>Invoice created</em>), then add steps: approvals, emails, updates, webhooks or waits.
Publish the workflow to activate it. Each time the trigger fires, a <em>run</em> starts.</p>"""),
    A("workflow-runs-stuck", "Workflow runs stuck in Queued or Pending", "workflows",
      ["workflows", "runs", "troubleshooting"],
      """<p>Runs wait in <em>Queued</em> when the account's concurrency limit (50 runs on Business, 200 on
Enterprise) is reached, for example after a large import triggered thousands of runs. They continue
automatically as earlier runs finish.</p>
<ul>
<li>Check <strong>Workflows &gt; Runs</strong> for a spike of runs from one workflow.</li>
<li>Cancel runs you do not need with <strong>Select all &gt; Cancel</strong>.</li>
<li>A run in <em>Pending</em> is waiting for an approval or a <em>Wait</em> step, which is normal.</li>
<li>If runs stay queued with no backlog, check the status page for an incident.</li>
</ul>"""),
    A("workflow-schedules", "Scheduled workflows and time zones", "workflows",
      ["workflows", "schedule", "time zone"],
      """<p>Scheduled triggers run in the time zone set on the workflow, which defaults to the account
time zone
at the moment the workflow was created. A workflow set to UTC runs an hour later in local time after
clocks change for summer time in Europe or the US. Set the workflow's time zone to a region such as
<code>Europe/London</code>, not a fixed offset, so schedules follow daylight saving time.</p>"""),
    A("workflow-conditions", "Conditions and branches in workflows", "workflows", ["workflows", "conditions"],
      """<p>Add a <strong>Condition</strong> step to split a workflow into branches, for example
<em>amount greater than
10,000</em> goes to the CFO and everything else to the team manager. Conditions can combine several
rules with AND and OR and use any field of the trigger record.</p>"""),
    A("invoice-templates", "Customize invoice templates and branding", "invoicing",
      ["invoices", "templates", "branding", "logo"],
      """<p>Edit templates under <strong>Invoicing &gt; Templates</strong>. Upload your logo as PNG or
JPG, at least
600 pixels wide and under 1 MB. SVG files are not supported in PDFs and appear as an empty box.
Invoices that were already generated keep their PDF; click <strong>Regenerate PDF</strong> on an invoice
to apply the new template.</p>"""),
    A("invoice-numbering", "Invoice numbering sequences", "invoicing", ["invoices", "numbering"],
      """<p>Numbers are assigned when an invoice is <strong>created</strong>, including drafts. Deleting
a draft leaves
a gap. To keep numbers consecutive, turn on <strong>Assign numbers when sent</strong> under <strong>Invoicing
&gt; Numbering</strong>. There you can also set the format (for example <code>RE-{YYYY}-{####}</code>)
and start
a new sequence each year.</p>"""),
    A("recurring-invoices", "Recurring invoices", "invoicing", ["invoices", "recurring"],
      """<p>A recurring invoice creates a new invoice on a schedule. If a day does not exist in a month (for
example the 31st), the invoice is created on the last day of the month. A recurring invoice is
skipped when its customer is archived or its end date has passed; the recurring invoice's history
shows skipped runs and the reason.</p>"""),
    A("audit-log", "Export the audit log", "data", ["audit log", "security", "enterprise"],
      """<p>Enterprise admins can export the audit log from <strong>Settings &gt; Security &gt; Audit
log</strong>.
It records sign-ins, failed sign-ins, changes to users, roles and settings, approvals and
deletions, with user, IP address and time, for 13 months. Export a date range to CSV or stream it
to your SIEM with the <code>/v2/audit-events</code> API.</p>"""),
    A("ip-allowlist", "Restrict sign-in to an IP allowlist", "account", ["security", "ip allowlist"],
      """<p>On Enterprise, admins can allow sign-in only from listed IP ranges under <strong>Settings &gt;
Security &gt; IP allowlist</strong>. Enter ranges in CIDR notation. The allowlist also applies to API
tokens unless you exempt them. Add your own current IP first so you do not lock yourself out.</p>"""),
    A("sandbox", "Use a sandbox workspace for testing", "workflows", ["sandbox", "testing", "enterprise"],
      """<p>Enterprise accounts include a sandbox: a copy of your workflows and settings without customer
data, where changes do not affect production. Create it under <strong>Settings &gt; Sandbox</strong>, test
your changes, then promote workflows to production with <strong>Deploy</strong>.</p>"""),
    A("status-page", "Service status and incident notifications", "announcements", ["status", "incidents"],
      """<p>Current service status and past incidents are at <code>status.acmeflow.com</code>. Click
<strong>Subscribe</strong> there to get incident updates by email, SMS or webhook.</p>"""),
    A("account-owner", "Transfer account ownership", "account", ["account", "owner", "admin"],
      """<p>Only the current account owner can transfer ownership: <strong>Settings &gt; General &gt; Account
owner &gt; Transfer</strong>, choose an Admin, and confirm with your password. If the owner has already
left, another admin can ask support to transfer ownership; we need written confirmation from an
authorised signatory of your company.</p>"""),
    A("keyboard-shortcuts", "Keyboard shortcuts", "workflows", ["shortcuts", "productivity"],
      """<p>Press <kbd>?</kbd> anywhere to see all shortcuts. The most used: <kbd>A</kbd> approve,
<kbd>R</kbd> reject, <kbd>J</kbd>/<kbd>K</kbd> next and previous item, <kbd>/</kbd> search,
<kbd>G</kbd> then <kbd>I</kbd> go to invoices.</p>"""),
    A("release-notes-2024-02", "Release notes: February 2024", "announcements", ["release notes"],
      """<ul>
<li>New workflow editor with zoom and minimap.</li>
<li>Cursor pagination for all list endpoints.</li>
<li>Secondary SAML certificate for painless certificate rotation.</li>
<li>Android app 5.12.1 fixes a crash on start on some Samsung devices.</li>
</ul>"""),
    A("holiday-hours-2023", "Support hours over the 2023 holidays", "announcements", ["support hours"],
      """<p>Between 24 December and 1 January, support answers urgent requests only, from 9:00 to 17:00 CET.
Regular hours resume on 2 January 2024.</p>"""),
]

# Second sync: an article added, one edited, one deleted.
SYNC2_NEW = [
    A("release-notes-2024-03", "Release notes: March 2024", "announcements", ["release notes"],
      """<ul>
<li>Business plan API limit raised to 1,000 requests per minute.</li>
<li>Daily digest for comment notifications.</li>
<li>Dashboards: cached results refresh every 15 minutes instead of hourly.</li>
</ul>"""),
]

SYNC2_EDITED = {
    # key -> (old text, new text) replaced in the body
    "api-rate-limits": ("<tr><td>Business</td><td>700</td><td>25</td></tr>",
                        "<tr><td>Business</td><td>1,000</td><td>25</td></tr>"),
}

SYNC2_DELETED = ["holiday-hours-2023"]
