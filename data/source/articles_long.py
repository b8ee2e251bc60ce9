"""Long Help Center articles (each well over 1000 gpt2 tokens), written for this project.

Each article: key, title, section key, label names, promoted, body (HTML).
"""

ARTICLES = [
    dict(
        key="sso-saml-setup",
        title="Set up SAML single sign-on (SSO)",
        section="account",
        labels=["sso", "saml", "security", "admin"],
        promoted=True,
        body="""<p>AcmeFlow supports SAML 2.0 single sign-on on the Business and Enterprise plans. With SSO
enabled, your users sign in through your identity provider (IdP) such as Okta, Microsoft Entra ID
(Azure AD), Google Workspace, OneLogin or ADFS, and AcmeFlow trusts the signed assertion it
receives. This guide walks through the whole setup, from collecting the values you need to
testing and enforcing SSO for everyone.</p>
<h2>Before you start</h2>
<ul>
<li>You need the <strong>Account owner</strong> or an <strong>Admin</strong> role in AcmeFlow.</li>
<li>You need administrator access to your identity provider.</li>
<li>Keep one admin user able to sign in with a password until you have tested SSO. We call this
the <em>break-glass account</em>. Without it, a mistake in the configuration can lock everyone out.</li>
<li>Make sure the email addresses in your IdP match the email addresses of your AcmeFlow users.
AcmeFlow matches users by email address, case-insensitively.</li>
</ul>
<h2>Step 1: Copy the AcmeFlow service provider details</h2>
<ol>
<li>In AcmeFlow, go to <strong>Settings &gt; Security &gt; Single sign-on</strong>.</li>
<li>Click <strong>Configure SAML</strong>.</li>
<li>Copy the following values. You will paste them into your IdP in the next step.
<ul>
<li><strong>Entity ID (Audience URI)</strong>:
<code>https://app.acmeflow.com/saml/metadata/&lt;account-id&gt;</code></li>
<li><strong>Assertion Consumer Service (ACS) URL</strong>:
<code>https://app.acmeflow.com/saml/acs/&lt;account-id&gt;</code></li>
<li><strong>Name ID format</strong>: <code>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</code></li>
</ul>
</li>
</ol>
<p>You can also download the AcmeFlow service provider metadata XML from the same page if your IdP
accepts a metadata file.</p>
<h2>Step 2: Create the application in your identity provider</h2>
<p>Create a new SAML application in your IdP and enter the Entity ID and ACS URL from step 1. The
exact screens differ between providers; the important settings are the same everywhere.</p>
<h3>Okta</h3>
<ol>
<li>In the Okta admin console, go to <strong>Applications &gt; Create App Integration</strong> and choose
<strong>SAML 2.0</strong>.</li>
<li>Set <strong>Single sign-on URL</strong> to the ACS URL and <strong>Audience URI</strong> to the
Entity ID.</li>
<li>Set <strong>Name ID format</strong> to <em>EmailAddress</em> and <strong>Application username</strong> to
<em>Email</em>.</li>
<li>Add attribute statements <code>email</code>, <code>firstName</code> and <code>lastName</code>.</li>
<li>Assign the application to the people or groups who should use AcmeFlow.</li>
</ol>
<h3>Microsoft Entra ID (Azure AD)</h3>
<ol>
<li>Go to <strong>Enterprise applications &gt; New application &gt; Create your own application</strong>.</li>
<li>Under <strong>Single sign-on</strong>, choose <strong>SAML</strong>.</li>
<li>Enter the Entity ID as <strong>Identifier</strong> and the ACS URL as <strong>Reply URL</strong>.</li>
<li>In <strong>Attributes &amp; Claims</strong>, make sure the unique user identifier is
<code>user.mail</code> or <code>user.userprincipalname</code>, whichever matches the AcmeFlow email.</li>
<li>Download the <strong>Certificate (Base64)</strong>. Note its expiry date: Entra ID certificates are
valid for three years by default.</li>
</ol>
<h3>ADFS</h3>
<p>Add a relying party trust using the AcmeFlow metadata XML, then add a claim rule that sends
the email address as Name ID. ADFS servers must keep accurate time; see the section on clock
skew in <a href="/hc/en-us/articles/troubleshooting-saml">Troubleshooting SAML login errors</a>.</p>
<h2>Step 3: Enter your IdP details in AcmeFlow</h2>
<ol>
<li>Back in <strong>Settings &gt; Security &gt; Single sign-on</strong>, paste your IdP's
<strong>SSO URL</strong> (sometimes called Login URL or SAML 2.0 Endpoint).</li>
<li>Paste the <strong>IdP Entity ID</strong> (Issuer).</li>
<li>Upload the IdP's <strong>X.509 signing certificate</strong> (PEM or Base64 .cer).</li>
<li>Optionally paste a <strong>logout URL</strong> so users are signed out of the IdP when they sign
out of AcmeFlow.</li>
<li>Click <strong>Save</strong>. SSO is now <em>available</em> but not yet enforced.</li>
</ol>
<h2>Step 4: Test</h2>
<p>Open a private browser window and go to <code>https://app.acmeflow.com/login</code>. Click
<strong>Sign in with SSO</strong>, enter your work email, and complete the sign-in at your IdP. You
should land on your AcmeFlow home page. If you see an error, note the exact message and check
the troubleshooting article. Common first-time errors are an audience mismatch (the Entity ID
in the IdP does not match AcmeFlow's), a Name ID that is not the email address, and an
uploaded certificate that belongs to a different application.</p>
<h2>Step 5: Enforce SSO (optional)</h2>
<p>When SSO works, you can require it for everyone. Turn on <strong>Require SSO for all users</strong>.
From then on, password sign-in is disabled except for users you exempt. We strongly recommend
exempting at least one admin (the break-glass account) and storing its password and
two-factor backup codes safely. If SSO breaks and nobody is exempt, only AcmeFlow support can
disable enforcement, after verifying the request with the account owner.</p>
<h2>Creating users automatically</h2>
<p>By default, a person must already exist in AcmeFlow to sign in with SSO. You can let AcmeFlow
create users on their first sign-in; see
<a href="/hc/en-us/articles/jit-provisioning">Just-in-time user provisioning with SSO</a>.</p>
<h2>Certificate rotation</h2>
<p>IdP signing certificates expire. Plan the rotation before the expiry date:</p>
<ol>
<li>In your IdP, create the new certificate but do not activate it yet.</li>
<li>In AcmeFlow, open the SSO settings and upload the new certificate as the
<strong>secondary certificate</strong>. AcmeFlow accepts assertions signed with either certificate.</li>
<li>Activate the new certificate in your IdP and test a sign-in.</li>
<li>Remove the old certificate from AcmeFlow.</li>
</ol>
<p>If the old certificate has already expired and users are locked out, follow the recovery
steps in the troubleshooting article.</p>
<h2>Frequently asked questions</h2>
<h3>Can some users keep signing in with a password?</h3>
<p>Yes. Exempt them under <strong>Require SSO &gt; Exceptions</strong>. External accountants or
contractors without an account in your IdP are a common case.</p>
<h3>Does SSO replace two-factor authentication?</h3>
<p>When a user signs in with SSO, AcmeFlow does not ask for its own second factor; your IdP's
multi-factor policy applies instead. Users who sign in with a password still use AcmeFlow
two-factor authentication.</p>
<h3>Do you support SCIM?</h3>
<p>Not yet. Use just-in-time provisioning to create users, and deactivate leavers in AcmeFlow
when you remove them from your IdP.</p>
<h3>Can we use more than one identity provider?</h3>
<p>Enterprise accounts can configure one IdP per email domain. Contact support to enable it.</p>""",
    ),
    dict(
        key="billing-faq",
        title="Billing and invoices FAQ",
        section="billing",
        labels=["billing", "invoices", "payments", "faq"],
        promoted=True,
        body="""<p>This article answers the questions our billing team hears most often. If your question is
not here, contact us from <strong>Settings &gt; Billing &gt; Contact billing</strong> and include your
account ID.</p>
<h2>Plans and billing periods</h2>
<h3>How often are we billed?</h3>
<p>Subscriptions are billed monthly or annually in advance, on the same day of the month as your
first payment (the <em>billing date</em>). Annual plans get two months free compared to monthly
billing.</p>
<h3>Can we change our billing date?</h3>
<p>Yes, once per year. Ask billing support; the first invoice after the change is prorated.</p>
<h3>What happens when we upgrade or downgrade?</h3>
<p>Upgrades take effect immediately. You are charged a prorated amount for the rest of the
current period. Downgrades take effect at the end of the current period; there are no refunds
for the unused part of a higher plan.</p>
<h2>Seats</h2>
<h3>What counts as a seat?</h3>
<p>Every <strong>active</strong> user counts as one seat, whatever their role. Deactivated users do not
count from the next billing period. Pending invitations count once they are accepted. See
<a href="/hc/en-us/articles/seats">How seats are counted and billed</a> for details and examples.</p>
<h3>We removed users. Why didn't our invoice go down?</h3>
<p>Seat changes are applied at the next renewal on annual plans and at the next monthly invoice on
monthly plans. Removing a user mid-period does not create a credit automatically. On annual
plans, your seat count is a commitment for the year; you can reduce it at renewal.</p>
<h2>Invoices</h2>
<h3>Where can I find our invoices?</h3>
<p>Account owners and users with the <strong>Billing admin</strong> permission can download every invoice as
PDF from <strong>Settings &gt; Billing &gt; Invoices</strong>. Invoices are also emailed to the billing
contact.</p>
<h3>How do we change the billing contact?</h3>
<p>Go to <strong>Settings &gt; Billing &gt; Billing details</strong> and change the billing email. You can
add up to three addresses separated by commas; all of them receive invoices and payment
receipts.</p>
<h3>Our company name, address or VAT ID is wrong on the invoice</h3>
<p>Update them under <strong>Billing details</strong>. Changes apply to future invoices. To correct invoices
that were already issued, ask billing support; we issue a credit note and a corrected invoice.
For EU customers, a valid VAT ID means the invoice shows the reverse-charge notice and no VAT.
See <a href="/hc/en-us/articles/vat">Add your VAT ID and company address to invoices</a>.</p>
<h3>Can you add our purchase order number?</h3>
<p>Yes. Enter it in <strong>Billing details &gt; PO number</strong>. It is printed on every invoice until
you change or remove it.</p>
<h2>Payments</h2>
<h3>Which payment methods do you accept?</h3>
<ul>
<li>Credit and debit cards (Visa, Mastercard, American Express).</li>
<li>SEPA Direct Debit for customers in the euro zone.</li>
<li>Bank transfer (ACH, wire or SEPA credit transfer) on annual plans over 5,000 USD and on all
Enterprise plans.</li>
</ul>
<h3>Our card was declined</h3>
<p>Most declines come from the card issuer's fraud checks or from 3D Secure authentication that
was not completed. See <a href="/hc/en-us/articles/payment-declined">Why was my card declined?</a>.
We retry a failed payment three times over ten days and email the billing contact each time.
The account is only restricted after the last retry fails.</p>
<h3>We were charged twice</h3>
<p>A second charge is usually a pending authorisation that the bank releases within a few days,
not a second payment. If both charges have settled, contact billing support with the dates and
amounts and we will refund the duplicate. See
<a href="/hc/en-us/articles/duplicate-charge">I was charged twice - what to do</a>.</p>
<h3>How long does a refund take?</h3>
<p>We issue refunds within two business days. Your bank usually shows them within five to ten
business days, depending on the card issuer.</p>
<h2>Taxes</h2>
<h3>Do you charge sales tax or VAT?</h3>
<p>We charge sales tax in US states where we are required to, and VAT to customers in the EU and
the UK who have not provided a valid VAT ID. Tax-exempt organisations can upload their
exemption certificate under <strong>Billing details &gt; Tax exemption</strong>.</p>
<h3>Can we get a W-9 or other tax form?</h3>
<p>US customers can download our current W-9 from the billing page. For other forms, contact
billing support.</p>
<h2>Cancelling</h2>
<h3>How do we cancel?</h3>
<p>The account owner can turn off auto-renewal in <strong>Settings &gt; Billing &gt; Subscription</strong>.
Your account stays active until the end of the paid period. After that, data is kept for 30
days in case you change your mind, and then deleted according to our retention policy. Export
anything you need before the end of the period.</p>
<h3>Do you offer discounts?</h3>
<p>We offer discounts for registered nonprofits and educational institutions, and for multi-year
commitments. Ask your account manager or billing support.</p>
<h2>Troubleshooting checklist</h2>
<ol>
<li>Check that you are looking at the right account: some companies have more than one.</li>
<li>Compare the invoice date with the billing date, not with the calendar month.</li>
<li>Download the PDF invoice; the line items show seats, add-ons and prorations separately.</li>
<li>If something still looks wrong, send us the invoice number and a short description.</li>
</ol>""",
    ),
    dict(
        key="csv-import-guide",
        title="Import records from a CSV file",
        section="import_export",
        labels=["csv", "import", "data"],
        promoted=True,
        body="""<p>You can import contacts, vendors, customers and invoices into AcmeFlow from a CSV
file. This
article explains how to prepare the file, how the importer maps columns, how it validates
values and what to do when rows fail.</p>
<h2>What you can import</h2>
<table>
<thead><tr><th>Record type</th><th>Required columns</th><th>Max rows per file</th></tr></thead>
<tbody>
<tr><td>Contacts</td><td>email</td><td>50,000</td></tr>
<tr><td>Customers and vendors</td><td>name</td><td>50,000</td></tr>
<tr><td>Invoices</td><td>number, customer, amount, currency, issue_date</td><td>20,000</td></tr>
<tr><td>Invoice lines</td><td>invoice_number, description, quantity, unit_price</td><td>100,000</td></tr>
</tbody>
</table>
<h2>Preparing the file</h2>
<ul>
<li>Save the file as <strong>CSV UTF-8</strong>. In Excel, choose <em>File &gt; Save As &gt; CSV UTF-8
(Comma delimited)</em>. The plain "CSV (Comma delimited)" option in Excel for Windows uses the
Windows-1252 code page, and accented characters will be imported incorrectly.</li>
<li>The first row must contain column names. Names are not case-sensitive, and spaces are
treated like underscores, so <code>Due Date</code> and <code>due_date</code> are the same.</li>
<li>Use a comma, semicolon or tab as separator. The importer detects the separator from the
first line.</li>
<li>Put values that contain the separator or line breaks in double quotes. Inside a quoted
value, write a double quote twice.</li>
<li>Remove empty rows and summary rows (totals) at the end of the file.</li>
</ul>
<h2>Dates</h2>
<p>The importer accepts ISO dates (<code>2024-03-25</code>) everywhere. For other formats, choose the
date order in the import wizard: <strong>Month/Day/Year</strong> (default for US accounts) or
<strong>Day/Month/Year</strong> (default for all other accounts). If the order is wrong, dates where the
day is 12 or less import with day and month swapped, and later days fail with
<code>invalid date</code>. See <a href="/hc/en-us/articles/csv-dates">Date and number formats in CSV
imports</a>.</p>
<h2>Numbers and currencies</h2>
<p>Use a dot or a comma as decimal separator, but be consistent within a file. Thousands
separators are allowed only if they differ from the decimal separator. Currency codes must be
ISO 4217 codes such as <code>USD</code>, <code>EUR</code> or <code>GBP</code>. Do not include currency
symbols in amount columns.</p>
<h2>Running the import</h2>
<ol>
<li>Go to <strong>Data &gt; Import</strong> and choose the record type.</li>
<li>Upload the file. Files up to 50 MB are supported; zip larger files.</li>
<li>Map columns. AcmeFlow suggests a mapping from the column names; check every suggestion and
map custom fields by hand.</li>
<li>Choose what happens with existing records: <strong>Skip</strong>, <strong>Update</strong> or
<strong>Create
duplicates</strong>. Records are matched by email (contacts), name (customers and vendors) or
number (invoices).</li>
<li>Click <strong>Validate</strong>. The importer checks every row and shows the number of valid and
invalid rows. Nothing is written yet.</li>
<li>Click <strong>Import</strong>. Large files are processed in the background and you get an email when
the import finishes.</li>
</ol>
<h2>Error report</h2>
<p>If rows fail, download the error report. It is a copy of your file with two extra columns,
<code>error_row</code> and <code>error_message</code>. Fix the rows in the report and import it again; the
extra columns are ignored. Common messages:</p>
<table>
<thead><tr><th>Message</th><th>Meaning</th></tr></thead>
<tbody>
<tr><td><code>invalid date in column X</code></td><td>The value is not a date in the chosen order.</td></tr>
<tr><td><code>unknown currency</code></td><td>Not an ISO 4217 code.</td></tr>
<tr><td><code>customer not found</code></td><td>Import customers before their invoices.</td></tr>
<tr><td><code>duplicate number in file</code></td><td>Two rows have the same invoice number.</td></tr>
<tr><td><code>invalid byte sequence</code></td><td>The file is not UTF-8. Save it as CSV UTF-8.</td></tr>
</tbody>
</table>
<h2>Undoing an import</h2>
<p>Every import can be undone for seven days from <strong>Data &gt; Import history</strong>. Undo deletes
the records the import created and restores the previous values of records it updated. Changes
made to those records after the import are lost.</p>
<h2>Tips for large imports</h2>
<ul>
<li>Test with the first 50 rows before importing the whole file.</li>
<li>Import during quiet hours: workflows triggered by new records run for every imported row.
You can pause workflow triggers for the import in the last step of the wizard.</li>
<li>Use the API for recurring imports instead of uploading files by hand.</li>
</ul>
<h2>Example</h2>
<pre><code>number,customer,amount,currency,issue_date,due_date
INV-1001,Textiles Navarro,1250.00,EUR,2024-03-01,2024-03-31
INV-1002,Bäckerei Müller,89.90,EUR,2024-03-02,2024-04-01
</code></pre>""",
    ),
    dict(
        key="api-rate-limits",
        title="API rate limits",
        section="api",
        labels=["api", "rate limit", "429", "developers"],
        promoted=False,
        body="""<p>To keep AcmeFlow fast for everyone, the REST API limits how many requests a client can
make.
This article explains the limits, the response headers that tell you where you stand, and how
to build an integration that stays within them.</p>
<h2>The limits</h2>
<p>Limits apply per account, across all API tokens of the account. They are counted in a sliding
window of 60 seconds.</p>
<table>
<thead><tr><th>Plan</th><th>Requests per minute</th><th>Burst (per second)</th></tr></thead>
<tbody>
<tr><td>Starter</td><td>200</td><td>10</td></tr>
<tr><td>Business</td><td>700</td><td>25</td></tr>
<tr><td>Enterprise</td><td>2,500</td><td>50</td></tr>
</tbody>
</table>
<p>Some endpoints have their own, lower limits because they are expensive:</p>
<ul>
<li><code>POST /v2/exports</code>: 10 per hour.</li>
<li><code>GET /v2/search</code>: 60 per minute.</li>
<li><code>POST /v2/imports</code>: 20 per hour.</li>
</ul>
<h2>Headers</h2>
<p>Every API response includes these headers:</p>
<ul>
<li><code>X-RateLimit-Limit</code>: your limit per minute.</li>
<li><code>X-RateLimit-Remaining</code>: requests left in the current window.</li>
<li><code>X-RateLimit-Reset</code>: Unix time at which the window has fully recovered.</li>
</ul>
<h2>When you exceed the limit</h2>
<p>The API responds with HTTP status <code>429 Too Many Requests</code> and a <code>Retry-After</code>
header giving the number of seconds to wait. Requests that receive a 429 are not processed, so
it is always safe to retry them after waiting. Repeatedly ignoring <code>Retry-After</code> can get a
token blocked for 15 minutes.</p>
<pre><code>HTTP/1.1 429 Too Many Requests
Retry-After: 23
X-RateLimit-Limit: 700
X-RateLimit-Remaining: 0
Content-Type: application/json

{"error": "rate_limited", "message": "Too many requests. Retry after 23 seconds."}
</code></pre>
<h2>Handling 429 in your code</h2>
<p>Wait for the number of seconds in <code>Retry-After</code>, then retry. If the header is missing,
use exponential backoff with jitter. A minimal Python example:</p>
<pre><code>import random
import time

import requests


def get_with_retry(session, url, max_attempts=6):
    for attempt in range(max_attempts):
        response = session.get(url, timeout=30)
        if response.status_code != 429:
            response.raise_for_status()
            return response.json()
        wait = response.headers.get("Retry-After")
        if wait is not None:
            delay = float(wait)
        else:
            delay = min(60, 2 ** attempt) + random.random()
        time.sleep(delay)
    raise RuntimeError(f"still rate limited after {max_attempts} attempts: {url}")
</code></pre>
<h2>Staying under the limit</h2>
<ul>
<li><strong>Use webhooks instead of polling.</strong> Polling every record for changes is the most
common reason integrations hit the limit. Subscribe to events and fetch only what changed.</li>
<li><strong>Use incremental endpoints.</strong> List endpoints accept <code>updated_since</code>; request only
records changed since your last run.</li>
<li><strong>Use bulk endpoints.</strong> <code>POST /v2/invoices/batch</code> creates up to 100 invoices in
one request and counts as one request.</li>
<li><strong>Request bigger pages.</strong> Use <code>per_page=100</code>, the maximum, to reduce the number of
calls.</li>
<li><strong>Spread scheduled jobs.</strong> If several jobs run at midnight, stagger them by a few
minutes.</li>
<li><strong>Share one client.</strong> All tokens of the account share the limit. Several services
polling independently add up.</li>
</ul>
<h2>Concurrency</h2>
<p>Besides the per-minute limit, each account can have at most 10 requests in flight at the same
time. Additional concurrent requests receive a 429 with <code>"error": "too_many_concurrent"</code>.
Use a worker pool of ten or fewer.</p>
<h2>Higher limits</h2>
<p>Enterprise customers can ask for a temporary increase for a migration or a one-off backfill.
Contact support at least five business days in advance, with the expected request volume and
time window. Permanent increases are part of the Enterprise agreement.</p>
<h2>Monitoring your usage</h2>
<p>Admins can see API usage per token for the last 30 days under <strong>Settings &gt; API &gt;
Usage</strong>. The chart shows requests per minute, 429 responses and the top endpoints. Use it to
find the integration that consumes most of the budget.</p>
<h2>FAQ</h2>
<h3>Do failed requests count?</h3>
<p>Yes, every request counts, including those that return 4xx or 5xx errors, except 429
responses themselves.</p>
<h3>Do webhook deliveries count?</h3>
<p>No. Webhooks are requests from AcmeFlow to you and do not count against your API limit.</p>
<h3>Is the limit per token?</h3>
<p>No, per account. Creating more tokens does not raise the limit.</p>""",
    ),
    dict(
        key="webhooks-guide",
        title="Webhooks: set up, retries and delivery logs",
        section="api",
        labels=["webhooks", "api", "developers", "events"],
        promoted=True,
        body="""<p>Webhooks let AcmeFlow notify your systems when something happens, for example when an
invoice
is paid or a workflow step is approved. Instead of polling the API, you give us a URL and we
send an HTTP <code>POST</code> with a JSON payload for every event you subscribed to.</p>
<h2>Creating a webhook</h2>
<ol>
<li>Go to <strong>Settings &gt; API &gt; Webhooks</strong> and click <strong>Add webhook</strong>.</li>
<li>Enter the <strong>endpoint URL</strong>. It must use HTTPS with a certificate from a public
certificate authority.</li>
<li>Choose the <strong>events</strong>, such as <code>invoice.created</code>, <code>invoice.paid</code>,
<code>workflow.run.completed</code> or <code>approval.requested</code>.</li>
<li>Copy the <strong>signing secret</strong>. You need it to verify that requests come from AcmeFlow.</li>
<li>Click <strong>Send test event</strong> to check that your endpoint responds.</li>
</ol>
<h2>The payload</h2>
<pre><code>POST /acmeflow/events HTTP/1.1
Content-Type: application/json
X-AcmeFlow-Event: invoice.paid
X-AcmeFlow-Delivery: 7f1d2c3e-9b0a-4f5e-8d6c-2a1b3c4d5e6f
X-AcmeFlow-Signature: t=1709290000,v1=5f2b8e...

{
  "id": "evt_01HQ8Z5M3K",
  "type": "invoice.paid",
  "created_at": "2024-03-01T10:46:40Z",
  "data": {"invoice_id": 88213, "amount": "4860.00", "currency": "USD"}
}
</code></pre>
<p>The payload contains the most important fields of the object. Fetch the full object from the
API if you need more.</p>
<h2>Responding to deliveries</h2>
<ul>
<li>Respond with any <code>2xx</code> status within <strong>10 seconds</strong>. Do the actual work
asynchronously, after you have responded.</li>
<li>Redirects are not followed; a <code>3xx</code> counts as a failure.</li>
<li>Any other status, a timeout or a connection error counts as a failed delivery.</li>
</ul>
<h2>Retries</h2>
<p>Failed deliveries are retried with exponential backoff: after 1 minute, 5 minutes, 30 minutes,
2 hours, 6 hours and 12 hours, for up to 24 hours in total. Each retry carries the same
<code>X-AcmeFlow-Delivery</code> ID, so you can discard duplicates. Events can arrive out of order,
especially after retries; use the <code>created_at</code> timestamp or fetch the current state from the
API.</p>
<h2>Automatic disabling</h2>
<p>If every delivery to an endpoint fails for 24 hours, or more than 95% fail over three days, we
disable the webhook and email the account admins and the user who created it. While a webhook
is disabled, events are <strong>not queued</strong>. When your endpoint is healthy again:</p>
<ol>
<li>Open the webhook and click <strong>Enable</strong>.</li>
<li>Use <strong>Replay events</strong> to resend events from a time range (up to the last 7 days).</li>
</ol>
<p>See <a href="/hc/en-us/articles/webhook-disabled">Why was my webhook disabled?</a> for common
causes.</p>
<h2>Delivery logs</h2>
<p>Each webhook has a log of the deliveries of the last 7 days: event type, time, response status,
response time and the first 1 KB of your response body. Filter by status to find failures.
From the log you can resend a single delivery.</p>
<h2>Security</h2>
<ul>
<li>Always verify the <code>X-AcmeFlow-Signature</code> header. See
<a href="/hc/en-us/articles/webhook-signatures">Verify webhook signatures</a>.</li>
<li>Reject deliveries whose timestamp is more than five minutes old to prevent replay attacks.</li>
<li>Our deliveries come from a fixed set of IP addresses, listed on the status page. You can
allowlist them in your firewall.</li>
<li>Rotate the signing secret from the webhook settings. During rotation, both secrets are
valid for 24 hours, and deliveries carry two signatures.</li>
</ul>
<h2>Limits</h2>
<ul>
<li>Up to 20 webhooks per account.</li>
<li>Payloads are at most 256 KB.</li>
<li>Webhook deliveries do not count against API rate limits.</li>
</ul>
<h2>Testing locally</h2>
<p>Your endpoint must be reachable from the internet. During development, use a tunnelling tool
to expose a local port, and point a separate test webhook at it. Do not point production
webhooks at a developer's machine: when the tunnel closes, deliveries fail and the webhook is
eventually disabled.</p>
<h2>Troubleshooting</h2>
<table>
<thead><tr><th>Symptom</th><th>Likely cause</th></tr></thead>
<tbody>
<tr><td>No deliveries, status Disabled</td><td>The endpoint failed for 24 hours. Enable and replay.</td></tr>
<tr><td>Deliveries show timeouts</td><td>Your endpoint does the work before responding.</td></tr>
<tr><td>Signature mismatch</td><td>The body was parsed and re-serialised before verification.</td></tr>
<tr><td>Some events missing</td><td>The event type is not selected in the subscription.</td></tr>
<tr><td>Duplicate events</td><td>Retries; de-duplicate by delivery ID.</td></tr>
</tbody>
</table>""",
    ),
    dict(
        key="salesforce-setup",
        title="Salesforce integration guide",
        section="integrations",
        labels=["salesforce", "crm", "integrations"],
        promoted=False,
        body="""<p>The Salesforce integration keeps customers, contacts and invoices in sync between
AcmeFlow and
Salesforce Sales Cloud. It is available on the Business and Enterprise plans and works with
Salesforce Professional (with API access), Enterprise, Unlimited and Developer editions.</p>
<h2>What is synced</h2>
<table>
<thead><tr><th>AcmeFlow</th><th>Salesforce</th><th>Direction</th></tr></thead>
<tbody>
<tr><td>Customer</td><td>Account</td><td>Both ways</td></tr>
<tr><td>Contact</td><td>Contact</td><td>Both ways</td></tr>
<tr><td>Invoice</td><td>Custom object <code>AcmeFlow_Invoice__c</code></td><td>AcmeFlow to
Salesforce</td></tr>
<tr><td>Approval status</td><td>Field on Opportunity (optional)</td><td>AcmeFlow to Salesforce</td></tr>
</tbody>
</table>
<h2>Before you connect</h2>
<ul>
<li>Create a dedicated <strong>integration user</strong> in Salesforce with the API Enabled permission and
read/write access to Accounts, Contacts and Opportunities. Do not connect with a person's own
account: when that person leaves or changes their password, the connection breaks.</li>
<li>Install the AcmeFlow managed package from the AppExchange if you want invoices in
Salesforce. It adds the custom object and page layouts.</li>
<li>Decide which system is the source of truth for customer names and addresses.</li>
</ul>
<h2>Connecting</h2>
<ol>
<li>In AcmeFlow, go to <strong>Settings &gt; Integrations &gt; Salesforce</strong> and click
<strong>Connect</strong>.</li>
<li>Sign in to Salesforce as the integration user and allow access. AcmeFlow stores an OAuth
refresh token; we never see the password.</li>
<li>Choose production or sandbox. We recommend testing the mapping against a sandbox first.</li>
</ol>
<h2>Matching rules</h2>
<p>Matching decides whether a record from one side updates an existing record on the other side or
creates a new one. Getting it right is the most important part of the setup.</p>
<ul>
<li><strong>Contacts</strong> match by email address by default. You can add a second rule, such as
email plus account.</li>
<li><strong>Accounts</strong> match by the AcmeFlow ID stored in the Salesforce field
<code>AcmeFlow_ID__c</code>, then by exact account name, then by website domain.</li>
<li>If a record matches more than one record on the other side, it is skipped and listed under
<strong>Sync issues</strong> instead of creating a duplicate.</li>
</ul>
<p>Salesforce duplicate rules and matching rules also apply to records created by the
integration user. If a Salesforce duplicate rule is set to <em>block</em>, the sync reports an error
for that record; if it is set to <em>allow with alert</em>, the record is created.</p>
<h2>Field mapping</h2>
<p>Open <strong>Field mapping</strong> to choose which fields are synced and in which direction. Standard
fields are mapped for you. Custom fields can be mapped if their types are compatible (text to
text, number to number, picklist to text). When you change the mapping, the next sync compares
all records again, which can take a while on large accounts.</p>
<h2>Sync schedule</h2>
<p>Changes are sent from AcmeFlow to Salesforce within a minute. Changes in Salesforce are read
every 15 minutes (Enterprise: every 5 minutes). A full comparison runs every night at 02:00 in
your account's time zone. Each sync uses Salesforce API calls; the integration uses at most 20%
of your org's daily API limit and pauses when it reaches that share.</p>
<h2>Sync log and issues</h2>
<p>The <strong>Sync log</strong> shows every run with the number of records created, updated, skipped and
failed. <strong>Sync issues</strong> lists records that need your attention, with the Salesforce error
message. Fix the record in either system and click <strong>Retry</strong>.</p>
<h2>Common problems</h2>
<h3>Duplicate contacts</h3>
<p>Usually caused by matching on a field that differs between the systems, or by a mapping change
that made the integration treat existing records as new. See
<a href="/hc/en-us/articles/salesforce-duplicates">Prevent duplicate contacts in Salesforce sync</a>.</p>
<h3>INVALID_SESSION_ID or expired refresh token</h3>
<p>The OAuth connection was revoked: the integration user's password was reset, the user was
frozen, or a session policy revoked refresh tokens. Reconnect; the mapping is kept. See
<a href="/hc/en-us/articles/salesforce-reconnect">Reconnect Salesforce after an expired session</a>.</p>
<h3>Field is not writeable</h3>
<p>The integration user's profile lacks edit access to that field. Check field-level security.</p>
<h2>Disconnecting</h2>
<p>Click <strong>Disconnect</strong> to stop syncing. Records already synced stay in both systems. If
you reconnect later to the same Salesforce org, the stored <code>AcmeFlow_ID__c</code> values let the
integration continue without creating duplicates.</p>""",
    ),
    dict(
        key="roles-reference",
        title="Roles and permissions reference",
        section="users",
        labels=["roles", "permissions", "admin", "users"],
        promoted=False,
        body="""<p>Every AcmeFlow user has exactly one role. The role decides what the user can see and
do. This
reference lists the built-in roles, every permission and how permissions combine with teams and
approval rules.</p>
<h2>Built-in roles</h2>
<table>
<thead><tr><th>Role</th><th>Summary</th></tr></thead>
<tbody>
<tr><td>Account owner</td><td>Everything, including billing, deleting the account and transferring
ownership. One per account.</td></tr>
<tr><td>Admin</td><td>Everything except transferring ownership and closing the account.</td></tr>
<tr><td>Billing admin</td><td>Billing, invoices from AcmeFlow, payment methods. No access to
workflows.</td></tr>
<tr><td>Manager</td><td>Create and edit workflows and invoices for their teams; see team reports.</td></tr>
<tr><td>Approver</td><td>View items assigned to them and approve or reject approval steps.</td></tr>
<tr><td>Member</td><td>Create and edit their own items; view their teams' items.</td></tr>
<tr><td>Viewer</td><td>Read-only access to their teams' items.</td></tr>
</tbody>
</table>
<h2>Teams</h2>
<p>Users belong to one or more teams. Most permissions apply to <em>the user's teams</em>: a Manager of
the Finance team can edit Finance workflows but not Sales workflows. Admins and the Account
owner see all teams. Items that belong to no team are visible to Admins only.</p>
<h2>Permissions</h2>
<h3>Workflows</h3>
<ul>
<li><strong>View workflows</strong>: own teams, all teams, or none.</li>
<li><strong>Edit workflows</strong>: create, change and publish workflow definitions.</li>
<li><strong>Run workflows manually</strong>: start a run outside its trigger.</li>
<li><strong>Delete workflows</strong>: move workflows to the trash. Restoring from the trash needs the
same permission.</li>
</ul>
<h3>Invoices</h3>
<ul>
<li><strong>View invoices</strong>: own, own teams, or all.</li>
<li><strong>Create and edit invoices</strong>.</li>
<li><strong>Send invoices</strong> to customers.</li>
<li><strong>Approve invoices</strong>: act on approval steps. This permission is limited by the
<em>approval limit</em> (see below).</li>
<li><strong>Void invoices</strong>.</li>
</ul>
<h3>Users and settings</h3>
<ul>
<li><strong>Manage users</strong>: invite, deactivate, change roles (never to a higher role than their
own).</li>
<li><strong>Manage integrations</strong>: connect Slack, Salesforce and others.</li>
<li><strong>Manage API tokens and webhooks</strong>.</li>
<li><strong>Manage security</strong>: SSO, two-factor policy, IP allowlist.</li>
</ul>
<h3>Reports</h3>
<ul>
<li><strong>View dashboards</strong>: own teams or all.</li>
<li><strong>Edit dashboards</strong>.</li>
<li><strong>Export data</strong>: CSV exports from lists and dashboards.</li>
</ul>
<h2>Approval limits</h2>
<p>Users with the Approve invoices permission have an approval limit, set per user or per role, for
example 5,000 EUR. An approval step for an invoice above the limit shows the Approve button
disabled with the tooltip <em>Amount exceeds your approval limit</em>. If the approval rule assigns
the step to someone whose limit is too low, the step can only be approved by an Admin or
reassigned. The default limit for the Approver role is 10,000 in the account currency.</p>
<p>Approvers also need <strong>View invoices</strong> for the team that owns the invoice. An approver who
is not in the invoice's team sees the approval request in their inbox but gets <em>You don't have
permission to perform this action</em> when they approve. Add them to the team, or give the role
<em>View invoices: all</em>.</p>
<h2>Custom roles</h2>
<p>On the Enterprise plan you can create custom roles from any combination of permissions. See
<a href="/hc/en-us/articles/custom-roles">Create custom roles</a>. Custom roles follow two rules that
often surprise people:</p>
<ol>
<li>Permissions only add up. A user in a custom role never has <em>fewer</em> permissions than the
role defines, and users who also belong to a team with a <strong>team-wide grant</strong> get that grant
as well.</li>
<li>Changes to a role apply at the user's next sign-in. Users who are signed in keep their old
permissions for up to 12 hours unless you click <strong>Sign out affected users</strong>.</li>
</ol>
<h2>Which role should I use?</h2>
<ul>
<li>External accountants: Viewer on the Finance team, plus Export data.</li>
<li>Department heads who sign off spend: Approver with a suitable approval limit.</li>
<li>Workflow builders in IT: Manager, or Admin if they also manage integrations.</li>
<li>Finance staff who also pay AcmeFlow: Member plus Billing admin via a custom role.</li>
</ul>
<h2>Auditing</h2>
<p>Every change of role, permission or team membership is recorded in the audit log with the user
who made it. See <a href="/hc/en-us/articles/audit-log">Export the audit log</a>.</p>""",
    ),
]
