"""Problem catalogue, part B: webhooks, integrations, mobile, notifications, roles, reporting,
data retention, workflows, invoicing. Same format as problems_a.py."""

PROBLEMS = [
    dict(
        key="webhook_not_firing",
        feature="webhooks",
        title="Webhooks stopped firing (endpoint auto-disabled after failures)",
        type="incident", priority="high",
        articles=["webhook-disabled", "webhooks-guide"],
        plan="OF:nnn BW:nn KH:s LR:c TC:o PS:n",
        subjects=[
            "Webhooks not firing",
            "No webhook deliveries since Friday",
            "Webhook stopped working",
            "Our endpoint doesn't receive events anymore",
        ],
        openers=[
            "Our webhook endpoint hasn't received a single event since Friday.",
            "Webhooks for 'invoice.paid' stopped arriving. Nothing in our server logs.",
            "The webhook we use to push approved workflows to our TMS is no longer called.",
            "We noticed our downstream system is out of date - it looks like your webhooks stopped.",
        ],
        details=[
            "We had a short outage on our side on Thursday night, it was back within an hour.",
            "In the webhook settings the status now shows 'Disabled'.",
            "Test deliveries from the settings page work fine.",
            "Nothing changed on our endpoint, same URL and certificate.",
        ],
        asks=[
            "Can you check your delivery logs?",
            "How do we get the missed events?",
            "Why would it stop without telling us?",
        ],
        oneliners=[
            "webhooks stopped firing since friday",
            "no webhook events arriving, status says disabled",
        ],
        queries=[
            ("OF", "duplicate", "Our server stopped getting webhook calls from AcmeFlow a few days ago "
             "and the webhook now shows as disabled. How do we re-enable it and replay what we missed?"),
            ("BW", "duplicate", "no events from the invoice.paid webhook since the weekend, our TMS "
             "is out of sync"),
            ("MV", "other_org_only", "Nos webhooks ne sont plus envoyés depuis lundi. Our endpoint "
             "gets nothing, did you disable it?"),
            ("KH", "solved_only", "Webhook deliveries have stopped again and the status says disabled."),
        ],
    ),
    dict(
        key="webhook_signature",
        feature="webhooks",
        title="Webhook signature verification fails",
        type="problem", priority="normal",
        articles=["webhook-signatures", "webhooks-guide"],
        plan="LR:nn TC:n KH:nn OF:s BW:o",
        subjects=[
            "Webhook signature mismatch",
            "X-AcmeFlow-Signature doesn't validate",
            "HMAC check failing on webhooks",
            "How to verify webhook signature?",
        ],
        openers=[
            "We can't get the webhook signature check to pass. Our computed HMAC never matches "
            "the X-AcmeFlow-Signature header.",
            "Signature verification fails for every webhook we receive.",
            "Our security team requires us to verify webhook signatures, but the values don't match.",
            "We followed the docs for HMAC-SHA256 verification and it always fails.",
        ],
        details=[
            "We're using Node/Express with body-parser.",
            "We're using the signing secret from the webhook settings page.",
            "The header looks like 't=1709290000,v1=5f2b...'.",
            "It's Python on our side, hmac.new with sha256.",
        ],
        asks=[
            "What exactly is signed?",
            "Do you have a working example?",
            "Is the secret base64-encoded?",
        ],
        oneliners=[
            "webhook hmac never matches",
            "Signature header validation fails, what's signed exactly?",
        ],
        queries=[
            ("LR", "duplicate", "We compute HMAC-SHA256 of the webhook payload with our secret but it "
             "never equals the signature header you send. What are we doing wrong?"),
            ("KH", "duplicate", "Our webhook receiver rejects every call because the signature check "
             "fails. Which bytes do you sign?"),
            ("PS", "other_org_only", "Do you have sample code to validate the X-AcmeFlow-Signature "
             "header? Ours never matches."),
            ("OF", "solved_only", "webhook signature verification failing again after we moved our "
             "receiver to a new framework"),
        ],
    ),
    dict(
        key="slack_stopped",
        feature="slack",
        title="Slack notifications stopped after Slack workspace changes",
        type="problem", priority="normal",
        articles=["slack-troubleshoot", "slack-setup"],
        plan="PS:nnn BW:nn LR:n KH:s OF:c NS:p",
        subjects=[
            "Slack notifications stopped",
            "Nothing posted to Slack anymore",
            "Slack integration broken",
            "No approvals in Slack channel",
        ],
        openers=[
            "Our Slack channel hasn't received any AcmeFlow notifications since Monday.",
            "The Slack integration stopped posting approval requests.",
            "We don't get workflow alerts in Slack anymore.",
            "Slack notifications just stopped, the integration still shows as connected.",
        ],
        details=[
            "We renamed the channel from #approvals to #ops-approvals last week.",
            "The person who connected Slack left the company and her Slack account was removed.",
            "Email notifications are still coming through.",
            "We merged two Slack workspaces recently.",
        ],
        asks=[
            "Do we need to reconnect?",
            "Can you see errors on your side?",
            "How do we get it working again?",
        ],
        oneliners=[
            "slack notifications stopped",
            "Nothing goes to Slack anymore, integration says connected",
        ],
        queries=[
            ("PS", "duplicate", "AcmeFlow stopped posting to our Slack channel a few days ago, even "
             "though the integration page says connected. What do we do?"),
            ("BW", "duplicate", "Approval requests aren't showing up in Slack anymore since we renamed "
             "the channel."),
            ("TC", "other_org_only", "Our Slack alerts from AcmeFlow have gone quiet. The user who "
             "installed the app has left, does that matter?"),
            ("KH", "solved_only", "Slack notifications stopped again, nothing posted since yesterday."),
        ],
    ),
    dict(
        key="slack_duplicates",
        feature="slack",
        title="Every Slack notification is posted twice",
        type="problem", priority="low",
        articles=["slack-troubleshoot"],
        plan="LR:nn OF:nn KH:s BW:c",
        subjects=[
            "Duplicate Slack messages",
            "Slack posts everything twice",
            "Double notifications in Slack",
        ],
        openers=[
            "Every AcmeFlow notification appears twice in our Slack channel.",
            "We get each approval request posted two times in Slack.",
            "Since last week all Slack messages from AcmeFlow are duplicated.",
        ],
        details=[
            "I think two different admins might have connected Slack.",
            "It's a bit annoying, people approve twice and get confused.",
            "Email notifications are not duplicated.",
        ],
        asks=[
            "How do we stop the duplicates?",
            "Can you check how many Slack connections we have?",
        ],
        oneliners=[
            "slack posts every message twice",
            "double messages in slack",
        ],
        queries=[
            ("LR", "duplicate", "Each notification from AcmeFlow is posted two times in our Slack "
             "channel. How do we stop the duplicates?"),
            ("OF", "duplicate", "we get double slack messages for every approval request"),
            ("PS", "hard_negative", "All AcmeFlow messages in Slack show up twice since last week."),
            ("HM", "other_org_only", "Slack-Benachrichtigungen kommen doppelt. Every message appears "
             "twice in our channel."),
        ],
    ),
    dict(
        key="sf_duplicates",
        feature="salesforce",
        title="Salesforce sync creates duplicate contacts",
        type="problem", priority="normal",
        articles=["salesforce-duplicates", "salesforce-setup"],
        plan="LR:nnn TC:nn BW:s OF:n KH:c",
        subjects=[
            "Salesforce duplicates",
            "Duplicate contacts created by sync",
            "SF sync creating new contacts every run",
        ],
        openers=[
            "The Salesforce sync creates a new contact every time instead of updating the existing one.",
            "We now have hundreds of duplicate contacts in Salesforce from the AcmeFlow integration.",
            "Each sync run adds duplicate accounts and contacts in our Salesforce org.",
        ],
        details=[
            "Our sales team is very unhappy, the CRM is a mess.",
            "Matching should be on email, the emails are identical.",
            "It started after we added a custom field mapping.",
            "We paused the sync for now.",
        ],
        asks=[
            "How do we configure matching?",
            "Can you help us clean up?",
            "Is this a bug?",
        ],
        oneliners=[
            "salesforce sync makes duplicate contacts",
            "SF integration duplicating records",
        ],
        queries=[
            ("LR", "duplicate", "Every time the Salesforce integration runs we get another copy of "
             "the same contacts. How do we make it update existing records?"),
            ("TC", "duplicate", "Our Salesforce is full of duplicate contacts created by AcmeFlow, "
             "emails are identical."),
            ("BW", "solved_only", "The Salesforce sync is creating duplicate contacts again."),
            ("OF", "duplicate", "Salesforce sync keeps adding accounts that already exist."),
        ],
    ),
    dict(
        key="sf_session_expired",
        feature="salesforce",
        title="Salesforce connection fails: INVALID_SESSION_ID / expired refresh token",
        type="incident", priority="high",
        articles=["salesforce-reconnect", "salesforce-setup"],
        plan="TC:nn OF:s BW:nn KH:n HM:h",
        subjects=[
            "Salesforce sync failing - INVALID_SESSION_ID",
            "Salesforce disconnected",
            "SF integration error: expired access/refresh token",
        ],
        openers=[
            "The Salesforce sync fails with INVALID_SESSION_ID: Session expired or invalid.",
            "Our Salesforce integration shows 'Disconnected' and the log says the refresh token "
            "has expired.",
            "No data has gone to Salesforce for three days, error is 'expired access/refresh token'.",
        ],
        details=[
            "Our Salesforce admin changed the session policies last week.",
            "The integration user's password was reset.",
            "We didn't touch the AcmeFlow side.",
        ],
        asks=[
            "Do we just reconnect, and will we lose the mapping?",
            "How do we prevent this from happening again?",
            "Can you resync the missing days?",
        ],
        oneliners=[
            "salesforce: INVALID_SESSION_ID on every sync",
            "SF connection expired, pls help",
        ],
        queries=[
            ("TC", "duplicate", "Our Salesforce connection shows disconnected and the sync log says "
             "INVALID_SESSION_ID. If we reconnect, do we keep our field mappings?"),
            ("BW", "duplicate", "salesforce integration stopped syncing, error about an expired "
             "refresh token since our SF admin reset the integration user's password"),
            ("LR", "hard_negative", "The Salesforce sync fails with 'Session expired or invalid' "
             "since yesterday."),
        ],
    ),
    dict(
        key="android_crash",
        feature="mobile",
        title="Android app crashes on launch after update",
        type="incident", priority="high",
        articles=["mobile-crash", "mobile-install"],
        plan="BW:nnnn OF:nn NS:s KH:c LR:o",
        subjects=[
            "Android app crashes",
            "App closes immediately after update",
            "Mobile app won't open (Android)",
            "app crash on startup",
        ],
        openers=[
            "Since the latest update the Android app closes right after the splash screen.",
            "Our field staff can't open the AcmeFlow app on their Android phones anymore.",
            "The mobile app crashes as soon as I open it. Samsung Galaxy, Android 14.",
            "App just shows the logo and then closes. Reinstalled, same thing.",
        ],
        details=[
            "iPhones seem fine.",
            "The app version is 5.12.0.",
            "It's about 30 devices in our fleet.",
            "Clearing the app cache didn't help.",
        ],
        asks=[
            "Is there a fix coming?",
            "Can we downgrade?",
            "Please advise urgently, drivers need it for approvals.",
        ],
        oneliners=[
            "android app crashes on open since update",
            "App won't start on Android",
        ],
        queries=[
            ("BW", "duplicate", "Our drivers' Android phones can't open the AcmeFlow app since the "
             "last update - it closes right after the logo. Is a fix on the way?"),
            ("BW", "duplicate", "app keeps crashing on startup on android, reinstall doesnt help"),
            ("OF", "duplicate", "The Android app shuts down immediately on launch after updating "
             "to 5.12."),
            ("TC", "other_org_only", "Mobile app crashes when opening on our Android devices, iPhones "
             "are ok."),
            ("NS", "solved_only", "The AcmeFlow app won't start on Android tablets after the update."),
        ],
    ),
    dict(
        key="ios_push",
        feature="mobile",
        title="No push notifications on iOS",
        type="problem", priority="normal",
        articles=["mobile-push"],
        plan="KH:nn TC:nn PS:n BW:s MV:c",
        subjects=[
            "No push notifications on iPhone",
            "iOS push not working",
            "Not getting mobile notifications",
        ],
        openers=[
            "I don't get any push notifications on my iPhone for approval requests.",
            "Push notifications stopped on iOS. Notifications are allowed in iPhone settings.",
            "None of our iPhone users get push alerts from the AcmeFlow app.",
        ],
        details=[
            "The app itself works fine and shows the requests when I open it.",
            "I'm on iOS 17.3.",
            "Focus mode is off.",
        ],
        asks=[
            "Is there a setting in AcmeFlow I'm missing?",
            "Is this a known issue?",
        ],
        oneliners=[
            "no push notifications on iphone",
            "iOS app doesn't notify me",
        ],
        queries=[
            ("KH", "duplicate", "My iPhone never shows AcmeFlow notifications for new approvals, "
             "although notifications are enabled in iOS settings."),
            ("TC", "duplicate", "Push alerts from the mobile app don't arrive on any of our iPhones."),
            ("OF", "hard_negative", "I'm not getting push notifications from the AcmeFlow app on my "
             "iPhone."),
            ("BW", "solved_only", "iPhone push notifications for approvals aren't arriving for me."),
        ],
    ),
    dict(
        key="email_spam",
        feature="email",
        title="Notification emails not delivered or landing in spam",
        type="problem", priority="normal",
        articles=["email-deliverability"],
        plan="NS:nnn KH:nn TC:n BW:s LR:c HM:p",
        subjects=[
            "Notification emails going to spam",
            "Not receiving AcmeFlow emails",
            "Emails quarantined",
            "approval emails not arriving",
        ],
        openers=[
            "AcmeFlow notification emails end up in our spam folder.",
            "Our staff aren't receiving approval emails from AcmeFlow at all.",
            "Our mail gateway quarantines your emails as suspicious.",
            "Emails from notifications@acmeflow.com are being blocked by our email filter.",
        ],
        details=[
            "We use Microsoft 365 with Defender.",
            "Other vendors' emails come through.",
            "Our IT asked for your sending IPs and SPF/DKIM details.",
            "It started this month.",
        ],
        asks=[
            "What should we allowlist?",
            "Can you check the bounce logs?",
            "How do we fix deliverability?",
        ],
        oneliners=[
            "your emails go to spam",
            "not receiving any notification emails",
        ],
        queries=[
            ("NS", "duplicate", "Our staff never get the AcmeFlow approval emails, IT found them in "
             "quarantine. What domains or IPs should we allowlist?"),
            ("KH", "duplicate", "AcmeFlow notification emails are landing in junk for everyone "
             "here."),
            ("TC", "duplicate", "email notifications from acmeflow are blocked by our mail filter"),
            ("PS", "other_org_only", "We don't receive any emails from AcmeFlow, not even in spam. "
             "Can you check if they bounce?"),
            ("MV", "hard_negative", "Les e-mails de notification arrivent dans les spams. Our "
             "notification emails go to spam, what should we whitelist?"),
        ],
    ),
    dict(
        key="email_too_many",
        feature="email",
        title="Too many notification emails: how to reduce them",
        type="question", priority="low",
        articles=["notification-settings"],
        plan="MV:nn BW:nn OF:n PS:s LR:c",
        subjects=[
            "Too many emails",
            "How to turn off notifications",
            "Stop the email flood please",
            "Daily digest instead of every email?",
        ],
        openers=[
            "I get an email for every single workflow step, it's dozens a day.",
            "How can I turn off the emails for comments? My inbox is flooded.",
            "Our managers complain about the number of AcmeFlow emails.",
            "Is there a daily digest option? The individual emails are too much.",
        ],
        details=[
            "I still want the approval emails, just not the rest.",
            "I couldn't find the setting in my profile.",
            "Ideally an admin could set this for everyone.",
        ],
        asks=[
            "Where do I change this?",
            "Can admins set defaults?",
        ],
        oneliners=[
            "how do i stop all these emails",
            "too many notification emails, turn off comments?",
        ],
        queries=[
            ("MV", "duplicate", "I receive far too many emails from AcmeFlow, one per workflow step. "
             "Can I get a daily summary instead?"),
            ("BW", "duplicate", "How do I switch off comment notification emails? I only want the "
             "approval ones."),
            ("KH", "hard_negative", "Can an admin reduce the number of notification emails our "
             "users get? They're overwhelmed."),
            ("TC", "other_org_only", "Our users get way too many AcmeFlow notification emails. "
             "Is there a digest setting?"),
        ],
    ),
    dict(
        key="approver_permission",
        feature="roles",
        title="Approvers get 'You don't have permission' when approving invoices",
        type="problem", priority="high",
        articles=["approvals", "roles-reference"],
        plan="BW:nnn KH:nn CR:n TC:s OF:c LR:h",
        subjects=[
            "Approver can't approve invoice",
            "Permission error when approving",
            "'You don't have permission to perform this action'",
            "approval button greyed out",
        ],
        openers=[
            "Our approvers get \"You don't have permission to perform this action\" when they click "
            "Approve on an invoice.",
            "Users with the Approver role can see the invoices but can't approve them.",
            "The Approve button is greyed out for our finance approvers.",
            "Since we reorganised our teams, approvals fail with a permission error.",
        ],
        details=[
            "They are assigned the Approver role and are in the Finance team.",
            "Admins can approve fine.",
            "It affects invoices over 5,000 only, I think.",
            "We have invoices piling up waiting for approval.",
        ],
        asks=[
            "What permission is missing?",
            "Can you check our approval setup?",
            "Is this a bug?",
        ],
        oneliners=[
            "approvers get permission error",
            "Approve button greyed out for approvers",
        ],
        queries=[
            ("BW", "duplicate", "Our finance approvers can open the invoices but clicking Approve "
             "gives 'You don't have permission to perform this action'. What are they missing?"),
            ("KH", "duplicate", "The approve button is disabled for people who have the Approver "
             "role."),
            ("CR", "duplicate", "Los aprobadores no pueden aprobar facturas - permission error when "
             "approving."),
            ("PS", "other_org_only", "My approver gets a permission error when approving an invoice. "
             "I'm the admin and it works for me."),
            ("TC", "solved_only", "Approvers are getting a permissions error on approval again."),
        ],
    ),
    dict(
        key="custom_role_too_broad",
        feature="roles",
        title="Custom role can see workflows it should not",
        type="problem", priority="normal",
        articles=["custom-roles", "roles-reference"],
        plan="TC:nnn LR:nn NS:n KH:s MV:o",
        subjects=[
            "Custom role sees too much",
            "Restricted users can see all workflows",
            "Permissions not restricting access",
        ],
        openers=[
            "We created a custom role 'Branch Staff' that should only see their own branch's "
            "workflows, but they can see everything.",
            "Users with our restricted custom role can still open all invoices, including payroll.",
            "Our custom role doesn't seem to restrict anything.",
        ],
        details=[
            "This is a compliance issue for us.",
            "We set 'View: own team only' on the role.",
            "The users were previously Members, maybe something is cached.",
        ],
        asks=[
            "How do we limit visibility properly?",
            "Is the role set up wrong?",
        ],
        oneliners=[
            "custom role can see all workflows",
            "restricted role not restricting",
        ],
        queries=[
            ("TC", "duplicate", "We built a custom role limited to its own team, yet those users "
             "can browse every workflow in the account. How do we restrict them?"),
            ("LR", "duplicate", "Store staff with our limited custom role can still open all "
             "invoices. That's a data protection problem."),
            ("BW", "hard_negative", "Users in a restricted custom role can see other departments' "
             "invoices. How do we limit what they see?"),
            ("HM", "other_org_only", "Unsere eingeschränkte Rolle sieht trotzdem alle Workflows. "
             "Custom role restrictions do not work."),
        ],
    ),
    dict(
        key="dashboard_mismatch",
        feature="dashboards",
        title="Dashboard totals differ from exported data (time zone)",
        type="question", priority="normal",
        articles=["dashboard-timezones", "dashboards-intro"],
        plan="LR:nnn BW:nn TC:s OF:c KH:n",
        subjects=[
            "Dashboard numbers don't match export",
            "Report totals wrong",
            "Revenue widget differs from CSV",
        ],
        openers=[
            "The total on our monthly revenue dashboard is different from the sum in the CSV export.",
            "Our dashboard says 1,284 invoices for March but the export has 1,291.",
            "The numbers in the reporting dashboard don't match what finance calculates from the data.",
        ],
        details=[
            "The difference is always around the first or last day of the month.",
            "We're in London, our account is set to US Eastern I think.",
            "Our board pack uses the dashboard numbers so this matters.",
        ],
        asks=[
            "Which one is correct?",
            "How is the dashboard calculated?",
        ],
        oneliners=[
            "dashboard totals != export totals",
            "report numbers don't add up",
        ],
        queries=[
            ("LR", "duplicate", "Why does the revenue dashboard show a different monthly total than "
             "the same data exported to CSV? The gap is around month boundaries."),
            ("BW", "duplicate", "Dashboard invoice count for last month doesn't match our export. "
             "Which is right?"),
            ("NS", "other_org_only", "Our reporting dashboard total for January differs from the "
             "CSV export by a few invoices."),
            ("TC", "solved_only", "The dashboard totals are off from our exported data again."),
        ],
    ),
    dict(
        key="dashboard_slow",
        feature="dashboards",
        title="Dashboards very slow or never load",
        type="problem", priority="normal",
        articles=["dashboard-performance"],
        plan="BW:s OF:nnn TC:nn NS:n PS:o",
        subjects=[
            "Dashboard extremely slow",
            "Reports not loading",
            "Dashboard keeps spinning",
        ],
        openers=[
            "Our main dashboard takes over two minutes to load, sometimes it never does.",
            "The reporting page just shows the spinner forever.",
            "Dashboards have become unusably slow this week.",
        ],
        details=[
            "It has about 15 widgets with 'All time' date ranges.",
            "Other pages are quick.",
            "Sometimes we get 'Query timed out' on a widget.",
        ],
        asks=[
            "Is there a performance problem on your side?",
            "How can we make it faster?",
        ],
        oneliners=[
            "dashboard won't load",
            "reports page super slow",
        ],
        queries=[
            ("OF", "duplicate", "Our dashboard takes minutes to open and some widgets say 'Query timed "
             "out'. How can we speed it up?"),
            ("TC", "duplicate", "Reporting dashboards hang on the loading spinner and never show "
             "anything."),
            ("LR", "hard_negative", "The sales dashboard has become very slow to load this week."),
            ("KH", "other_org_only", "Dashboard page is painfully slow, several widgets time out."),
        ],
    ),
    dict(
        key="restore_deleted",
        feature="retention",
        title="Restore accidentally deleted workflows or invoices",
        type="task", priority="urgent",
        articles=["restore-deleted", "retention-policy"],
        plan="PS:nn CR:n BW:nn KH:s NS:c",
        subjects=[
            "Accidentally deleted workflow - restore?",
            "Deleted invoices by mistake",
            "Can you recover deleted data?",
            "URGENT restore deleted items",
        ],
        openers=[
            "I accidentally deleted our main onboarding workflow this morning.",
            "A colleague deleted about 40 invoices by mistake while cleaning up drafts.",
            "Is it possible to restore a workflow that was deleted yesterday?",
            "We deleted a project by accident and all its invoices disappeared.",
        ],
        details=[
            "I looked for a trash or recycle bin but can't find one.",
            "It had months of configuration in it.",
            "It was deleted around 9:30 CET.",
        ],
        asks=[
            "Can you restore it from a backup?",
            "Please help, this is critical.",
            "How long do you keep deleted items?",
        ],
        oneliners=[
            "deleted a workflow by mistake, can you restore",
            "please recover deleted invoices",
        ],
        queries=[
            ("PS", "duplicate", "I deleted one of our workflows by accident - is there a trash or "
             "backup you can restore it from?"),
            ("BW", "duplicate", "Someone on our team removed a batch of invoices by mistake today. "
             "Can they be recovered?"),
            ("CR", "duplicate", "Borré un flujo de trabajo sin querer. Can you restore a deleted "
             "workflow?"),
            ("LR", "other_org_only", "Can deleted invoices be restored? One of our users deleted a "
             "whole folder of them."),
            ("NS", "solved_only", "I've deleted a workflow by mistake again - can you bring it back?"),
        ],
    ),
    dict(
        key="retention_period",
        feature="retention",
        title="Configure data retention / purge old records",
        type="question", priority="low",
        articles=["retention-policy", "gdpr"],
        plan="KH:nn TC:nn HM:n LR:s MV:c",
        subjects=[
            "Data retention settings",
            "How long do you keep our data?",
            "Automatically delete old records",
            "Retention policy question",
        ],
        openers=[
            "Our compliance team wants workflow run history deleted automatically after 7 years, "
            "not kept forever.",
            "How can we configure how long AcmeFlow keeps old invoices and attachments?",
            "We need to set a retention period so personal data is purged after 2 years.",
        ],
        details=[
            "This is for a regulatory audit.",
            "We need something in writing for our DPO.",
            "Ideally per record type.",
        ],
        asks=[
            "Is there a setting for this?",
            "What is your default retention?",
        ],
        oneliners=[
            "how do we set data retention period",
            "can old data be auto deleted?",
        ],
        queries=[
            ("KH", "duplicate", "Can we set AcmeFlow to automatically purge records older than a "
             "certain age? Our compliance officer needs a retention period configured."),
            ("TC", "duplicate", "How long is our data kept, and can we change the retention "
             "period per record type?"),
            ("BW", "hard_negative", "We need old workflow history purged automatically after seven "
             "years. Where is the retention setting?"),
            ("OF", "other_org_only", "Is there a way to configure automatic deletion of invoices "
             "after a retention period?"),
        ],
    ),
    dict(
        key="workflow_stuck",
        feature="workflows",
        title="Workflow runs stuck in Queued/Pending",
        type="incident", priority="high",
        articles=["workflow-runs-stuck"],
        plan="BW:nnnn OF:nn HM:n KH:s TC:c PS:o",
        subjects=[
            "Workflows stuck in queued",
            "Runs not progressing",
            "Workflow runs pending for hours",
            "automation not running",
        ],
        openers=[
            "Our workflow runs have been stuck in 'Queued' since this morning.",
            "New invoices enter the approval workflow but nothing happens, status stays Pending.",
            "About 200 workflow runs are stuck and not moving to the next step.",
            "Automations are not running at all today.",
        ],
        details=[
            "The status page says everything is operational.",
            "Manually triggering a run also gets stuck.",
            "It started around 8am our time.",
            "We have SLAs with our customers that depend on this.",
        ],
        asks=[
            "Is there an incident?",
            "Can you unstick them?",
            "What is going on?",
        ],
        oneliners=[
            "workflow runs stuck in queued",
            "Automations not running since 8am!",
        ],
        queries=[
            ("BW", "duplicate", "All our workflow runs are sitting in 'Queued' and not moving. Is "
             "there an incident on your side?"),
            ("BW", "duplicate", "automations stopped - runs stay pending for hours, please check "
             "asap"),
            ("OF", "duplicate", "Workflow executions are not progressing past the first step today."),
            ("LR", "other_org_only", "Our approval workflows are stuck in queued state since this "
             "morning."),
            ("KH", "solved_only", "Workflow runs are stuck in pending again."),
        ],
    ),
    dict(
        key="workflow_schedule_dst",
        feature="workflows",
        title="Scheduled workflows run an hour off (time zone / DST)",
        type="problem", priority="normal",
        articles=["workflow-schedules"],
        plan="LR:nn NS:nn MV:n KH:s OF:c",
        subjects=[
            "Scheduled workflow runs at wrong time",
            "Schedule off by one hour",
            "Time zone problem with scheduled runs",
        ],
        openers=[
            "Our scheduled workflow that should run at 7:00 now runs at 8:00.",
            "Since the clocks changed, all our scheduled workflows are an hour late.",
            "The weekly report workflow runs at the wrong time of day.",
        ],
        details=[
            "The workflow time zone setting says UTC, but our account is Europe/London.",
            "Nobody changed the schedule.",
            "It's important because it sends statements to customers.",
        ],
        asks=[
            "How do schedules handle daylight saving?",
            "How do we fix the time?",
        ],
        oneliners=[
            "scheduled runs 1 hour late since clock change",
            "schedule runs at wrong hour",
        ],
        queries=[
            ("LR", "duplicate", "Since the clocks went back our scheduled workflows fire an hour "
             "later than configured. How do schedules deal with daylight saving?"),
            ("NS", "duplicate", "The morning scheduled workflow now runs at 8 instead of 7."),
            ("BW", "hard_negative", "Our nightly scheduled workflow runs one hour off since the "
             "time change."),
            ("TC", "other_org_only", "Scheduled workflow executes at the wrong hour, looks like a "
             "time zone problem."),
        ],
    ),
    dict(
        key="invoice_logo",
        feature="invoices",
        title="Logo missing or blurry on invoice PDFs",
        type="problem", priority="low",
        articles=["invoice-templates"],
        plan="PS:nnn MV:nn CR:s BW:n LR:c",
        subjects=[
            "Logo not showing on invoices",
            "Invoice PDF logo broken",
            "Our branding missing on PDF",
            "Logo blurry on invoice",
        ],
        openers=[
            "Our logo doesn't appear on the invoice PDFs, just an empty box.",
            "The logo on our invoices looks blurry and stretched.",
            "I uploaded our new logo to the invoice template but the PDFs still show the old one.",
        ],
        details=[
            "It's a PNG, about 2MB.",
            "It looks fine in the template preview.",
            "It's an SVG file.",
        ],
        asks=[
            "What format and size should the logo be?",
            "How do we fix it?",
        ],
        oneliners=[
            "logo missing on invoice pdf",
            "invoice logo looks terrible",
        ],
        queries=[
            ("PS", "duplicate", "The invoice PDFs we send out don't show our logo, there's an empty "
             "space where it should be. What file format works?"),
            ("MV", "duplicate", "Notre logo n'apparaît pas sur les factures PDF. Logo missing on "
             "invoices."),
            ("BW", "duplicate", "our logo on the invoice pdf is blurry and stretched"),
            ("OF", "other_org_only", "We uploaded a new logo for invoices but PDFs still show the "
             "old one."),
        ],
    ),
    dict(
        key="invoice_numbering",
        feature="invoices",
        title="Invoice numbers skip or need a new sequence",
        type="question", priority="normal",
        articles=["invoice-numbering"],
        plan="HM:nn CR:nn OF:s MV:c TC:n",
        subjects=[
            "Invoice numbering gap",
            "Reset invoice number sequence",
            "Invoice numbers jumped",
        ],
        openers=[
            "Our invoice numbers jumped from INV-2024-0113 to INV-2024-0120, there's a gap.",
            "We need to start a new invoice number sequence for the new fiscal year.",
            "Invoice numbering skipped several numbers, our tax advisor says that's not allowed.",
        ],
        details=[
            "We deleted some draft invoices, maybe that's why?",
            "In our country numbers must be consecutive.",
            "We'd like the format RE-2024-0001.",
        ],
        asks=[
            "How do we fix the sequence?",
            "Can we change the number format?",
        ],
        oneliners=[
            "invoice numbers have gaps",
            "how to reset invoice numbering for new year",
        ],
        queries=[
            ("HM", "duplicate", "Unsere Rechnungsnummern haben Lücken. Invoice numbers skipped "
             "several values after we deleted drafts - they must be consecutive for tax reasons."),
            ("CR", "duplicate", "We need consecutive invoice numbers and a new series for 2024, "
             "how do we configure the numbering?"),
            ("PS", "hard_negative", "Can I change our invoice number format and restart the "
             "sequence?"),
            ("LR", "other_org_only", "There is a gap in our invoice numbering. How can that happen "
             "and can it be fixed?"),
        ],
    ),
]
