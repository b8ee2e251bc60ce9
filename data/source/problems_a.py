"""Problem catalogue, part A: SSO, two-factor, login, billing, CSV, API.

Each problem is one distinct customer issue. `plan` says which organisations (codes from
common.ORGS) reported it and with which statuses: n=new o=open p=pending h=hold s=solved c=closed.
Tickets are composed from the problem's fragments (subject, opener, details, ask) by generate.py.
`queries` are labelled new support requests: (org code, kind, text), written separately from the
ticket fragments.
"""

PROBLEMS = [
    dict(
        key="sso_clock_skew",
        feature="sso",
        title="SAML login rejected: response not yet valid (clock skew)",
        type="problem", priority="high",
        articles=["sso-troubleshooting", "sso-saml-setup"],
        plan="BW:nnn KH:s LR:n OF:nc PS:o TC:h",
        subjects=[
            "SSO login error: Response is not yet valid",
            "Can't log in with SAML",
            "SAML error after switching IdP server",
            "single sign on broken - 'not yet valid'",
            "SSO failing intermittently",
        ],
        openers=[
            "Since this morning most of our users get an error when they sign in through SSO: "
            "\"SAML Response is not yet valid. Check the clock of your identity provider.\"",
            "Our SAML login keeps failing with a message about the response not being valid yet.",
            "People are bounced back to the login page after authenticating with our identity "
            "provider, with the error 'Assertion NotBefore is in the future'.",
            "SSO stopped working for about half our staff. They log in at ADFS fine and then "
            "AcmeFlow says the SAML response is not yet valid.",
            "We moved our ADFS to a new server over the weekend and now SSO logins fail "
            "with a validity/time error.",
        ],
        details=[
            "If they wait a minute and try again it sometimes works, which is weird.",
            "The error page shows a timestamp that is about 3 minutes ahead of ours.",
            "Nothing changed in the AcmeFlow SSO settings, the certificate is the same.",
            "It happens in all browsers. Password login for the admin account still works.",
            "Our network team thinks the new server might not be syncing time properly but "
            "they want confirmation from you first.",
        ],
        asks=[
            "Is there a tolerance setting on your side?",
            "Can you look at the logs and tell us what is wrong?",
            "How do we fix this? Nobody can work.",
        ],
        oneliners=[
            "SSO says 'response not yet valid' for everyone, help",
            "saml login fails with clock/time error since weekend",
        ],
        queries=[
            ("BW", "duplicate", "Our staff can't sign in with single sign-on today. After the ADFS "
             "page they land on an AcmeFlow error saying the SAML response isn't valid yet."),
            ("BW", "duplicate", "sso broken again?? error mentions NotBefore time in the future"),
            ("LR", "duplicate", "Hello, after our identity provider migration users get "
             "'not yet valid' when logging in via SAML. Could the server time be the cause?"),
            ("HM", "other_org_only", "Our SSO logins fail with an error that the SAML assertion is "
             "not valid yet. We recently replaced the domain controller."),
            ("KH", "solved_only", "SAML sign in gives a 'response not yet valid' error again for "
             "some of our nurses. What causes this?"),
        ],
    ),
    dict(
        key="sso_jit",
        feature="sso",
        title="SSO users not created automatically on first login",
        type="question", priority="normal",
        articles=["sso-jit"],
        plan="BW:nn KH:nn NS:sc MV:c OF:n TC:o",
        subjects=[
            "New employees can't log in via SSO",
            "SSO: 'No AcmeFlow account for this email'",
            "Auto provisioning not working",
            "do we have to create users manually with SSO?",
        ],
        openers=[
            "When a new hire signs in with SSO for the first time they get \"We couldn't find an "
            "AcmeFlow account for this email\".",
            "I thought users would be created automatically when they first log in with SAML, "
            "but new staff just get an error until I invite them by hand.",
            "Just-in-time provisioning doesn't seem to work for us.",
            "We enabled SSO last month and it works for existing users, but anyone new is "
            "rejected.",
        ],
        details=[
            "The users are assigned to the AcmeFlow app in Okta.",
            "We onboard 10-15 people a month so inviting each one manually is a pain.",
            "We send email, firstName and lastName as attributes.",
            "Existing users log in without any problem.",
        ],
        asks=[
            "Is there a setting we missed?",
            "Which attributes do you need in the assertion?",
            "Can you check our configuration?",
        ],
        oneliners=[
            "new users cant sso in, says no account",
            "How do I turn on automatic user creation for SSO?",
        ],
        queries=[
            ("BW", "duplicate", "Every new starter gets 'no AcmeFlow account for this email' when they "
             "try single sign-on. Do we really need to invite each person before they can use SSO?"),
            ("KH", "duplicate", "SSO works for current staff but newly hired people are refused on "
             "their first login. Shouldn't accounts be created automatically?"),
            ("LR", "hard_negative", "Can AcmeFlow create accounts on first sign-in through our IdP? "
             "Right now new joiners are rejected and I have to add them manually."),
            ("NS", "solved_only", "A teacher who just joined can't log in through SSO, it says there "
             "is no account for her email."),
        ],
    ),
    dict(
        key="sso_cert_expired",
        feature="sso",
        title="SAML signing certificate expired or rotated: signature validation fails",
        type="incident", priority="urgent",
        articles=["sso-troubleshooting", "sso-saml-setup"],
        plan="LR:nnn TC:nn KH:sc HM:o NS:n",
        subjects=[
            "URGENT - nobody can log in (SSO signature invalid)",
            "SAML signature validation failed",
            "SSO down after certificate renewal",
            "Locked out - invalid signature on SAML response",
        ],
        openers=[
            "Nobody in the company can sign in. The error says \"SAML signature validation failed\".",
            "We rotated the signing certificate in Azure AD yesterday and since then SSO fails "
            "for everyone.",
            "Our IdP certificate expired overnight, we generated a new one and now AcmeFlow "
            "rejects the login with an invalid signature error.",
            "All SSO logins fail with 'The signature of the SAML response could not be verified'.",
        ],
        details=[
            "I think we need to upload the new certificate somewhere but the admin who set up SSO "
            "has left, and SSO is enforced so none of us can get in to change it.",
            "The new certificate fingerprint starts with 4F:A2.",
            "We tried both the SHA-1 and SHA-256 versions of the certificate.",
            "The old certificate expired on the 1st.",
        ],
        asks=[
            "Please help us regain access as quickly as possible.",
            "Can you temporarily disable SSO enforcement for our account?",
            "Where do we upload the new cert?",
        ],
        oneliners=[
            "SSO: signature validation failed after cert rotation. Whole company locked out!!",
            "new idp certificate, now invalid signature on every login",
        ],
        queries=[
            ("LR", "duplicate", "We swapped the SAML signing cert in Azure this morning and now every "
             "login fails with a signature error. Where can we update the certificate?"),
            ("TC", "duplicate", "Locked out of AcmeFlow company-wide - SSO reports the response "
             "signature can't be verified since our certificate expired."),
            ("BW", "hard_negative", "Our identity provider cert is about to expire next week. When we "
             "replace it, what do we need to change in AcmeFlow so SSO doesn't break?"),
            ("OF", "other_org_only", "urgent: every SSO login fails with 'signature of the SAML "
             "response could not be verified' after we renewed the IdP certificate"),
        ],
    ),
    dict(
        key="tfa_lost_device",
        feature="2fa",
        title="Lost phone: reset two-factor authentication",
        type="task", priority="high",
        articles=["2fa-reset", "2fa-enable"],
        plan="BW:nnnn KH:s HM:nc PS:nn TC:o OF:s NS:n",
        subjects=[
            "Lost my phone - can't log in (2FA)",
            "Please reset 2FA",
            "2FA reset request",
            "New phone, authenticator app empty",
            "locked out - two factor",
        ],
        openers=[
            "I lost my phone on the weekend and now I can't get past the two-factor screen.",
            "I got a new phone and didn't move the authenticator app over, so I have no codes.",
            "My phone was stolen and with it the authenticator app for AcmeFlow.",
            "One of our users dropped her phone in the harbour (really) and can't log in "
            "because of 2FA.",
            "I reset my phone to factory settings and my 2FA codes for AcmeFlow are gone.",
        ],
        details=[
            "I never saved the backup codes, stupidly.",
            "I'm the only admin on our account so I can't reset it myself.",
            "The account email is the one I'm writing from.",
            "I can verify my identity however you need.",
            "I have a new number now, the old SIM is gone too.",
        ],
        asks=[
            "Can you please reset two-factor on my account?",
            "How do I get back in?",
            "Could you remove the 2FA so I can set it up again?",
        ],
        oneliners=[
            "lost phone, need 2fa reset pls",
            "Please disable two-factor on my account, phone is gone.",
        ],
        queries=[
            ("BW", "duplicate", "I changed phones and my authenticator app didn't transfer, so I'm stuck "
             "at the 2-step verification prompt. Can someone turn 2FA off for my login?"),
            ("BW", "duplicate", "my phone got stolen yesterday and i cant log in anymore because of "
             "the verification codes. please help"),
            ("PS", "duplicate", "Hi! I wiped my phone and lost the code generator app. I can't get "
             "into AcmeFlow now. Could you reset my second factor?"),
            ("LR", "other_org_only", "Our finance manager lost her mobile with the authenticator on it "
             "and is locked out. How can she regain access?"),
            ("KH", "solved_only", "New phone, no authenticator codes, can't sign in. Can you reset "
             "my two-factor?"),
        ],
    ),
    dict(
        key="tfa_codes_rejected",
        feature="2fa",
        title="Authenticator codes always rejected (phone clock drift)",
        type="problem", priority="normal",
        articles=["2fa-codes-rejected"],
        plan="LR:nn OF:nn MV:o CR:n NS:sc",
        subjects=[
            "2FA code invalid every time",
            "Authenticator codes not accepted",
            "Invalid verification code",
            "two factor code keeps failing",
        ],
        openers=[
            "The six-digit code from Google Authenticator is rejected every time: "
            "\"Invalid verification code\".",
            "I still have my phone and the app, but AcmeFlow says every code is wrong.",
            "My 2FA codes stopped being accepted. I type them in well before they expire.",
            "Authy gives me a code, I enter it, and it says invalid. Tried like 10 times.",
        ],
        details=[
            "I have not changed phones or reinstalled anything.",
            "My phone is set to manual time because I was travelling recently.",
            "A colleague with the same app can log in fine.",
            "After a few attempts it also warned me I'm close to being locked out.",
        ],
        asks=[
            "What am I doing wrong?",
            "Can you check if something is wrong with my account?",
            "Is there a problem on your side?",
        ],
        oneliners=[
            "authenticator code always invalid, still have the phone",
            "2FA says invalid code even though app shows it",
        ],
        queries=[
            ("LR", "duplicate", "The codes in my authenticator are never accepted even though I enter "
             "them straight away. I haven't changed phone. Any idea?"),
            ("OF", "duplicate", "Every verification code from Authy is refused as invalid when I log "
             "in. I still have the phone so it isn't lost."),
            ("BW", "hard_negative", "My two-step code is always marked as wrong although the app on my "
             "phone generates it fine. Is my account broken?"),
            ("CR", "duplicate", "Invalid verification code every single time I try to log in, "
             "same phone as always."),
        ],
    ),
    dict(
        key="tfa_sms",
        feature="2fa",
        title="SMS verification codes not arriving",
        type="problem", priority="normal",
        articles=["2fa-sms"],
        plan="KH:nnn TC:nn BW:c NS:s HM:p",
        subjects=[
            "Not receiving SMS code",
            "Text message verification never arrives",
            "SMS 2FA not working",
            "no sms code",
        ],
        openers=[
            "I'm not getting the text message with the login code anymore.",
            "When I click 'send code' nothing arrives on my phone, I've waited 20 minutes.",
            "SMS verification codes don't come through for several of our staff.",
            "The verification SMS never arrives. Resend doesn't help either.",
        ],
        details=[
            "We're on a corporate mobile plan, maybe it blocks short codes?",
            "My number in the profile is correct, with the country code.",
            "It worked last week.",
            "Voice call option would be fine too if you have one.",
        ],
        asks=[
            "Can you check if the messages are being sent?",
            "Is there another way to get the code?",
            "How do we fix this?",
        ],
        oneliners=[
            "sms code never arrives",
            "Not receiving text messages for 2FA since Tuesday.",
        ],
        queries=[
            ("KH", "duplicate", "The text with my sign-in code never shows up on my phone, even after "
             "resending. Are SMS messages being delivered?"),
            ("TC", "duplicate", "Several employees say the SMS with the AcmeFlow login code doesn't "
             "arrive. Could our carrier be blocking it?"),
            ("PS", "hard_negative", "I don't receive the SMS verification code when I log in. "
             "My number hasn't changed."),
            ("NS", "solved_only", "Text message codes for login are not arriving again for staff "
             "on the school's phone contract."),
        ],
    ),
    dict(
        key="password_reset_email",
        feature="login",
        title="Password reset email not arriving or link expired",
        type="problem", priority="normal",
        articles=["password-reset", "email-deliverability"],
        plan="PS:nn CR:nc BW:s LR:o OF:nn NS:h",
        subjects=[
            "Password reset link not working",
            "Forgot password email never arrives",
            "reset link expired",
            "Can't reset my password",
        ],
        openers=[
            "I clicked 'forgot password' three times and no email has arrived.",
            "The password reset link says it has expired as soon as I click it.",
            "I requested a password reset but the email never came, not even in spam.",
            "When I open the reset link it says \"This link is invalid or has expired\".",
        ],
        details=[
            "I'm clicking it within a minute of receiving it.",
            "Our email filter may be opening links to scan them, not sure.",
            "Other AcmeFlow emails arrive fine.",
            "I'm using the address my account was created with.",
        ],
        asks=[
            "Can you reset it manually?",
            "What can I do?",
            "Could you send me a new link that works?",
        ],
        oneliners=[
            "reset password email doesnt arrive",
            "Password reset link always says expired.",
        ],
        queries=[
            ("PS", "duplicate", "Forgot my password and the reset email just never arrives, checked "
             "spam. Can you help me get back in?"),
            ("OF", "duplicate", "Every password reset link I get says it's invalid or expired the "
             "moment I open it."),
            ("TC", "other_org_only", "The 'forgot password' link in the email is already expired when "
             "I click it a few seconds later. Is our mail scanner using it up?"),
            ("HM", "hard_negative", "I reset my password yesterday but the emailed link tells me it "
             "has expired. How do I set a new password?"),
        ],
    ),
    dict(
        key="invite_expired",
        feature="login",
        title="User invitation expired or not received",
        type="question", priority="low",
        articles=["invitations"],
        plan="BW:nnn MV:n HM:n LR:s KH:c TC:p",
        subjects=[
            "Invitation link expired",
            "Invited user never got the email",
            "Invite not received",
            "How to resend invitation?",
        ],
        openers=[
            "I invited two new colleagues last week but they say they never got the invitation.",
            "A user I invited clicked the link today and it says the invitation has expired.",
            "Our new team member can't accept her invite, the link is dead.",
            "Invites to our external accountant don't arrive.",
        ],
        details=[
            "They show as 'pending' in the user list.",
            "I don't see a resend button anywhere.",
            "He's on a different email domain than us.",
            "I've deleted and re-added the user once already.",
        ],
        asks=[
            "How do I resend it?",
            "How long are invites valid?",
            "Can you send it again from your side?",
        ],
        oneliners=[
            "invite expired, how to resend?",
            "New user says invitation email never arrived",
        ],
        queries=[
            ("BW", "duplicate", "People I invited to our workspace say the invite link is expired or "
             "they never got it. Where do I send a fresh invitation?"),
            ("MV", "duplicate", "Our new assistant never received her invitation to AcmeFlow, she is "
             "still pending in the user list."),
            ("OF", "other_org_only", "How can I resend a user invitation? The first one expired "
             "before he opened it."),
        ],
    ),
    dict(
        key="account_locked",
        feature="login",
        title="Account locked after too many failed sign-in attempts",
        type="problem", priority="high",
        articles=["account-locked"],
        plan="TC:nnn OF:n BW:ss KH:o NS:n",
        subjects=[
            "Account locked",
            "Too many failed login attempts",
            "Locked out of my account",
            "user locked - please unlock",
        ],
        openers=[
            "My account is locked after I typed the wrong password a few times.",
            "It says \"Your account has been locked due to too many failed sign-in attempts\".",
            "One of our staff locked herself out by mistyping her password.",
            "I got locked out, the message says to try again later but it's been 2 hours.",
        ],
        details=[
            "I know the correct password now.",
            "I'm not an admin so I can't unlock it myself.",
            "I think someone may have been trying to guess the password, which worries me.",
            "Our admin doesn't see an unlock option.",
        ],
        asks=[
            "Please unlock it.",
            "How long does the lock last?",
            "Can an admin unlock accounts?",
        ],
        oneliners=[
            "locked out after wrong passwords, pls unlock",
            "Account locked, too many attempts.",
        ],
        queries=[
            ("TC", "duplicate", "I mistyped my password a few times and now AcmeFlow says my account "
             "is locked. It hasn't unlocked itself after an hour. Can you unlock me?"),
            ("NS", "duplicate", "Locked out after several wrong password attempts, the message says "
             "to wait but it's still locked."),
            ("BW", "solved_only", "A user's login is locked because of failed attempts. How do we "
             "unlock her?"),
            ("LR", "other_org_only", "too many failed sign ins and now my account is locked. "
             "please unlock asap"),
        ],
    ),
    dict(
        key="billing_double_charge",
        feature="billing",
        title="Charged twice for the same subscription period",
        type="incident", priority="high",
        articles=["duplicate-charge", "billing-faq"],
        plan="BW:nn LR:nn PS:n CR:s OF:c KH:p",
        subjects=[
            "Charged twice this month",
            "Double charge on our card",
            "Duplicate payment",
            "Two invoices paid for March??",
        ],
        openers=[
            "Our credit card was charged twice for this month's subscription.",
            "I see two identical charges from ACMEFLOW on our company card statement.",
            "We were billed twice: two invoices for the same period, both paid.",
            "Finance flagged a duplicate payment to AcmeFlow on the 1st.",
        ],
        details=[
            "Same amount, one minute apart.",
            "Only one invoice shows in the billing page though.",
            "We updated the card the day before, maybe that triggered it?",
            "The amount is not small, we need it back before our books close.",
        ],
        asks=[
            "Please refund the duplicate.",
            "Can you confirm and reverse one of them?",
            "How long will a refund take?",
        ],
        oneliners=[
            "we were charged twice, please refund one",
            "Double charge on card ending 4417",
        ],
        queries=[
            ("BW", "duplicate", "Our corporate card shows the AcmeFlow subscription charged two "
             "times for the same month. Please refund the extra payment."),
            ("LR", "duplicate", "We've paid twice for this billing period, two identical card "
             "transactions. How do we get one back?"),
            ("TC", "other_org_only", "Hi, there are 2 charges from AcmeFlow on our statement for "
             "the same month. Could you check and refund one of them?"),
            ("CR", "solved_only", "Nos han cobrado dos veces la suscripción de este mes. We were "
             "charged twice, please refund."),
        ],
    ),
    dict(
        key="billing_vat",
        feature="billing",
        title="Invoice missing VAT ID or showing wrong company address",
        type="task", priority="normal",
        articles=["vat-details", "billing-faq"],
        plan="HM:nn MV:nn LR:s CR:n NS:c BW:o",
        subjects=[
            "VAT number missing on invoice",
            "Wrong address on invoice",
            "Invoice needs our VAT ID",
            "Please correct invoice details",
        ],
        openers=[
            "Our invoices don't show our VAT number, which our accountant needs for the reverse "
            "charge.",
            "The invoice has our old company address on it.",
            "We need our EU VAT ID on the invoices, currently the field is empty.",
            "The company name on the invoice is wrong, it still shows our old trading name.",
        ],
        details=[
            "Our accounting can't book the invoice without it.",
            "We changed address in January.",
            "I entered the VAT ID in the settings but it doesn't appear on the PDF.",
            "We need the last three invoices reissued as well.",
        ],
        asks=[
            "Can you correct and reissue the invoices?",
            "Where can I change this?",
            "Please send corrected invoices.",
        ],
        oneliners=[
            "please add VAT ID to our invoices",
            "Invoice address is wrong, need corrected copy",
        ],
        queries=[
            ("HM", "duplicate", "Our VAT identification number is not printed on the AcmeFlow invoices "
             "and our bookkeeping needs it. Can you add it and reissue them?"),
            ("MV", "duplicate", "The invoices show an outdated company address and no VAT number. "
             "We need corrected copies for our accountant."),
            ("PS", "other_org_only", "Where do I add our VAT number so it appears on invoices?"),
            ("LR", "solved_only", "Our latest invoice is missing our VAT ID again, please reissue it."),
        ],
    ),
    dict(
        key="billing_seats",
        feature="billing",
        title="Billed for deactivated users (seat count wrong)",
        type="question", priority="normal",
        articles=["seats", "billing-faq"],
        plan="BW:nnn KH:n TC:nn OF:s NS:c PS:h",
        subjects=[
            "Seat count wrong on invoice",
            "Billed for users we removed",
            "Why are we paying for 58 seats?",
            "Deactivated users still billed",
        ],
        openers=[
            "We're being billed for 58 seats but we only have 41 active users.",
            "We deactivated 12 users last month but the invoice still counts them.",
            "The number of seats on our invoice doesn't match the users in the admin page.",
            "Why are suspended users counted as paid seats?",
        ],
        details=[
            "The people left the company, we deactivated them on the 15th.",
            "Maybe deactivated isn't the same as deleted?",
            "This has been going on for two billing cycles.",
            "I'd like a credit for the difference.",
        ],
        asks=[
            "Can you explain how seats are counted?",
            "Please adjust the invoice.",
            "What do we need to do so they aren't billed?",
        ],
        oneliners=[
            "why are we billed for deactivated users?",
            "seat count on invoice too high",
        ],
        queries=[
            ("BW", "duplicate", "We removed a bunch of leavers from AcmeFlow but the invoice still "
             "charges for them. How are seats counted and can we get a credit?"),
            ("TC", "duplicate", "Our bill lists more seats than we have active users - do deactivated "
             "accounts still count?"),
            ("KH", "duplicate", "The invoice counts users we deactivated weeks ago. Please fix the "
             "seat number."),
            ("LR", "hard_negative", "How are seats billed when someone leaves mid-month? We're paying "
             "for more users than we have active."),
        ],
    ),
    dict(
        key="billing_card_declined",
        feature="billing",
        title="Card payment declined although the card works",
        type="problem", priority="high",
        articles=["payment-declined", "payment-methods"],
        plan="PS:nn CR:nn KH:s MV:c OF:p",
        subjects=[
            "Payment declined",
            "Can't update credit card",
            "Card declined but it's fine",
            "Payment failed - account will be suspended?",
        ],
        openers=[
            "Our payment failed and we got an email that the account will be suspended.",
            "I'm trying to update our credit card but it keeps saying 'Your card was declined'.",
            "The card is valid and has plenty of limit, but your payment page declines it.",
            "Tried three different cards, all declined on the billing page.",
        ],
        details=[
            "Our bank says they don't see any attempt.",
            "It asks for 3D Secure and then just fails.",
            "The card is a business Amex.",
            "I don't want to lose access, we use it every day.",
        ],
        asks=[
            "Can we pay by bank transfer instead?",
            "What's going on?",
            "Please don't suspend our account while we sort this out.",
        ],
        oneliners=[
            "card declined on billing page, card is fine",
            "payment failed, please advise",
        ],
        queries=[
            ("PS", "duplicate", "The billing page keeps declining our card even though the bank says "
             "it's fine. Will our account be suspended?"),
            ("CR", "duplicate", "Our card payment failed and we got a suspension warning. The card "
             "works everywhere else."),
            ("BW", "hard_negative", "Your billing page declines our new corporate Visa. Can we pay "
             "the invoice by bank transfer this month?"),
            ("NS", "other_org_only", "Card declined when updating payment details, bank says no "
             "transaction was attempted."),
        ],
    ),
    dict(
        key="csv_encoding",
        feature="csv",
        title="CSV import garbles accented characters (encoding)",
        type="problem", priority="normal",
        articles=["csv-encoding", "csv-import-guide"],
        plan="HM:nnn MV:nn CR:s BW:n OF:c LR:o",
        subjects=[
            "CSV import - umlauts broken",
            "Special characters wrong after import",
            "Accents corrupted in imported contacts",
            "Weird characters after CSV upload",
        ],
        openers=[
            "After importing our customer list from CSV, all the umlauts are broken: "
            "\"MÃ¼ller\" instead of \"Müller\".",
            "Accented characters become garbage when I import a CSV exported from Excel.",
            "Names like 'Hélène' show up as 'H?l?ne' after the import.",
            "Every special character in our imported vendor list is replaced with strange symbols.",
        ],
        details=[
            "The file looks fine when I open it in Excel.",
            "We saved it as 'CSV (comma delimited)' from Excel on Windows.",
            "It's about 3,000 rows, I don't want to fix them by hand.",
            "English names are fine, only the accented ones break.",
        ],
        asks=[
            "Which encoding do you expect?",
            "How can we import without breaking the characters?",
            "Can you fix the imported records?",
        ],
        oneliners=[
            "csv import breaks ä ö ü",
            "accents garbled after CSV import",
        ],
        queries=[
            ("HM", "duplicate", "Beim CSV-Import werden Umlaute zerstört. When we import our contacts "
             "file, ü and ö become strange symbols. What encoding should the file be in?"),
            ("MV", "duplicate", "Accented letters in our supplier names are corrupted after importing "
             "the CSV from Excel."),
            ("BW", "duplicate", "Imported a CSV of our carriers and the Spanish names with accents "
             "are all mangled. The file is from Excel."),
            ("NS", "other_org_only", "Welsh place names with accents turn into gibberish when I "
             "import them from a spreadsheet. How do I stop that?"),
        ],
    ),
    dict(
        key="csv_dates",
        feature="csv",
        title="CSV import rejects dates (day/month order)",
        type="problem", priority="normal",
        articles=["csv-dates", "csv-import-guide"],
        plan="LR:nn NS:nn BW:ss KH:n OF:o",
        subjects=[
            "CSV import: invalid date",
            "Import fails on date column",
            "Dates swapped after import",
            "row 2: invalid date format",
        ],
        openers=[
            "The CSV import fails with \"Row 2: invalid date in column due_date\" for most rows.",
            "Our import only accepts some dates: 05/03/2024 works, 25/03/2024 fails.",
            "Dates come in with day and month swapped after importing the invoice CSV.",
            "I can't import our invoices because the due date column is rejected.",
        ],
        details=[
            "We're in the UK so our dates are DD/MM/YYYY.",
            "The file comes from our old accounting system, we can't easily change it.",
            "About 400 rows fail out of 1,200.",
            "The error report just says invalid date, nothing more.",
        ],
        asks=[
            "What date format does the import need?",
            "Can we set the date format somewhere?",
            "Is this a bug?",
        ],
        oneliners=[
            "import says invalid date on every row",
            "CSV dates imported with day/month swapped",
        ],
        queries=[
            ("LR", "duplicate", "Our CSV upload rejects any date after the 12th - we use day/month/year. "
             "How do I tell the importer the format?"),
            ("NS", "duplicate", "Import error 'invalid date' on the due date column for most of our "
             "rows. Dates are British format."),
            ("BW", "solved_only", "The invoice import swaps day and month for our dates again. "
             "What format should the file use?"),
            ("HM", "hard_negative", "Beim Import werden die Datumsangaben abgelehnt - dates like "
             "31.03.2024 give 'invalid date'. Which format is expected?"),
        ],
    ),
    dict(
        key="csv_export_large",
        feature="csv",
        title="Large CSV export never finishes or is empty",
        type="problem", priority="normal",
        articles=["large-exports", "csv-export"],
        plan="BW:nn TC:nnn OF:n KH:s LR:c NS:o",
        subjects=[
            "Export stuck at 'preparing'",
            "CSV export is empty",
            "Can't export all invoices",
            "Export times out",
        ],
        openers=[
            "Exporting all invoices for last year to CSV never finishes, it stays on "
            "'Preparing your export' forever.",
            "The CSV export email arrives but the file is empty, just headers.",
            "When I export more than a few months of data the download fails.",
            "Our auditors need a full export of workflow runs and the export keeps timing out.",
        ],
        details=[
            "It's roughly 80,000 rows.",
            "Smaller date ranges work.",
            "I tried three times over two days.",
            "The export link in the email gives an error page.",
        ],
        asks=[
            "Is there a size limit?",
            "Can you run the export for us?",
            "How do we get the full data?",
        ],
        oneliners=[
            "big export never completes",
            "csv export only has the header row",
        ],
        queries=[
            ("BW", "duplicate", "I'm trying to download a year of invoices as CSV but the export just "
             "sits at 'preparing' and never completes."),
            ("TC", "duplicate", "Our export for the auditors keeps failing or comes back with only "
             "the header row. Is there a limit on export size?"),
            ("MV", "other_org_only", "The CSV export of all our data never finishes. Can you send us "
             "the file another way?"),
            ("KH", "solved_only", "Large export again stuck on 'Preparing your export' for hours."),
        ],
    ),
    dict(
        key="api_rate_limit",
        feature="api",
        title="API returns 429 Too Many Requests",
        type="question", priority="normal",
        articles=["api-rate-limits"],
        plan="OF:nnn LR:nn KH:n BW:sc PS:o TC:h",
        subjects=[
            "API 429 errors",
            "Rate limit too low?",
            "Too Many Requests from API",
            "What are the API limits?",
        ],
        openers=[
            "Our integration started getting HTTP 429 Too Many Requests from your API.",
            "We're hitting the rate limit when syncing invoices overnight.",
            "Our nightly job gets throttled by the API after a few hundred calls.",
            "What exactly is the rate limit on the REST API? We get 429s.",
        ],
        details=[
            "We make about 10 requests per second at peak.",
            "The Retry-After header says 60.",
            "It started after we added a second warehouse to the sync.",
            "We're on the Business plan, does Enterprise have higher limits?",
        ],
        asks=[
            "Can you raise our limit?",
            "What's the recommended way to handle this?",
            "Where are the limits documented?",
        ],
        oneliners=[
            "getting 429 from the api",
            "API rate limit - can it be increased?",
        ],
        queries=[
            ("OF", "duplicate", "Our sync script is being throttled: the API answers 429 Too Many "
             "Requests after a burst of calls. Can the limit be increased?"),
            ("LR", "duplicate", "We keep hitting your API rate limit during the nightly invoice sync. "
             "What are the limits and how should we back off?"),
            ("KH", "duplicate", "429 responses from the AcmeFlow API since yesterday, how many "
             "requests per minute are we allowed?"),
            ("MV", "other_org_only", "Notre intégration reçoit des erreurs 429. What is the API "
             "request limit per minute?"),
            ("BW", "solved_only", "Our integration is getting Too Many Requests from the API again."),
        ],
    ),
    dict(
        key="api_token_401",
        feature="api",
        title="API token returns 401 after its user was deactivated",
        type="problem", priority="high",
        articles=["api-tokens"],
        plan="BW:nn OF:n KH:s LR:n TC:c PS:p",
        subjects=[
            "API returns 401 Unauthorized",
            "API token stopped working",
            "Integration broken - invalid token",
            "401 on every API call",
        ],
        openers=[
            "All our API calls suddenly return 401 Unauthorized.",
            "Our integration's API token stopped working overnight.",
            "The token we use for our ERP sync is rejected with 'invalid or expired token'.",
            "API access broke this morning, every request gets a 401.",
        ],
        details=[
            "The developer who created the token left last week and IT deactivated his user.",
            "Nobody regenerated the token as far as I know.",
            "We didn't change any code.",
            "The token is a few months old.",
        ],
        asks=[
            "Do tokens expire?",
            "How do we fix this without downtime?",
            "Can you reactivate the token?",
        ],
        oneliners=[
            "api token gives 401 suddenly",
            "Our API key stopped working, 401",
        ],
        queries=[
            ("BW", "duplicate", "Our ERP integration gets 401 Unauthorized on every call since we "
             "offboarded the developer who set it up. Is the token tied to his user?"),
            ("OF", "duplicate", "API token suddenly invalid - 401 on all requests, nothing changed "
             "in our code."),
            ("MV", "other_org_only", "Our API key stopped working this morning with 401 errors. "
             "Do API tokens expire?"),
            ("TC", "solved_only", "All API calls from our reporting tool return unauthorized again."),
        ],
    ),
    dict(
        key="api_pagination",
        feature="api",
        title="API pagination skips or repeats records",
        type="problem", priority="normal",
        articles=["api-pagination"],
        plan="OF:nn LR:s KH:nn PS:o",
        subjects=[
            "API pagination missing records",
            "Duplicate records when paging",
            "page parameter returns the same results",
            "list endpoint skips items",
        ],
        openers=[
            "When we page through /v2/invoices with page=1,2,3 we get some invoices twice and "
            "miss others.",
            "Our export via the API has fewer records than the UI shows.",
            "Offset pagination on the workflows endpoint returns duplicates.",
            "We're missing about 2% of records when paginating the invoices API.",
        ],
        details=[
            "New invoices are created while our job runs.",
            "We use per_page=100.",
            "Sorting by created_at didn't help.",
            "The totals in the response don't match what we collect.",
        ],
        asks=[
            "Is there a cursor-based option?",
            "How should we paginate reliably?",
            "Is this a known bug?",
        ],
        oneliners=[
            "api paging returns dupes and misses records",
            "pagination skipping invoices",
        ],
        queries=[
            ("OF", "duplicate", "Paging through the invoices endpoint gives us some records twice and "
             "skips others. How do we paginate without gaps?"),
            ("KH", "duplicate", "Our API extract is missing records compared to the UI, and we see "
             "duplicates across pages."),
            ("BW", "hard_negative", "The list API seems to skip items when we fetch page after page "
             "while new records come in. Is there cursor pagination?"),
            ("TC", "other_org_only", "When I request page 2 of the workflows list via the API I get "
             "results already seen on page 1."),
        ],
    ),
]
