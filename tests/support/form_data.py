"""A small synthetic support desk (five tickets, five articles) for the form and browser tests."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.airbyte import Record, State
from helpers.settings import load_settings
from helpers.sync import sync_messages

BW, KH = 360033549136, 360041187220  # the tutorial's organisation, and another
MODEL = "all-MiniLM-L6-v2"
THRESHOLDS = {"ticket": 0.6, "article": 0.9}  # for this synthetic data and the offline model

TICKETS = [
    (101, BW, "new", "Password reset email never arrives",
     "I requested a password reset three times but the reset email never arrives in my inbox."),
    (102, BW, "new", "Invoice PDF download fails",
     "When I click download on an invoice the PDF is empty or the download fails with an error."),
    (103, KH, "new", "Cannot export reports to Excel",
     "Exporting the monthly report to Excel gives a file that will not open."),
    (104, BW, "solved", "Mobile app crashes on startup",
     "The Android app crashes right after the splash screen."),
    (105, KH, "new", "<script>alert(1)</script> Login page broken",
     "The login page shows a blank screen after I enter my password."),
]
ARTICLES = [
    (201, "How to reset your password",
     "If the reset email does not arrive, check spam, then request a new link. Links expire after one hour."),
    (202, "Downloading invoices as PDF",
     "Open Billing, pick an invoice and click Download PDF. Large invoices may take a minute."),
    (203, "Exporting reports", "Reports can be exported as CSV or Excel from the Reports page."),
    (204, "Setting up two-factor authentication",
     "Enable two-factor authentication for your team under Security settings; each user scans a QR "
     "code with an authenticator app."),
    (205, "Getting started", "Welcome to AcmeFlow. Create a workspace and invite your team."),
]
DUPLICATE_TEXT = "The password reset email never arrives in my inbox"
NEW_TEXT = "How do I set up two-factor authentication for my team?"
XSS_TEXT = "The login page shows a blank screen after entering my password"


def synthetic_messages() -> list:
    """Airbyte messages for the synthetic tickets and articles (shared with the browser test)."""
    msgs: list = []
    for tid, org, status, subject, description in TICKETS:
        data = {"id": tid, "subject": subject, "description": description, "status": status,
                "organization_id": org, "tags": [], "via": {"channel": "email"}}
        msgs.append(Record("tickets", data, 1_700_000_000_000, None, f"tickets:{tid}"))
    for aid, title, body in ARTICLES:
        data = {"id": aid, "title": title, "body": body,
                "html_url": f"https://help.example.com/hc/en-us/articles/{aid}"}
        msgs.append(Record("articles", data, 1_700_000_000_000, None, f"articles:{aid}"))
    msgs.append(State({"type": "STREAM"}, "end"))
    return msgs


def prepare(db_dir: Path) -> dict[str, str]:
    """Write thresholds, sync the synthetic data into ``db_dir/x.db``; return the environment."""
    thresholds = db_dir / "t.json"
    thresholds.write_text(json.dumps({MODEL: {"metric": "L2", **THRESHOLDS}}))
    env = {
        "MILVUS_URL": str(db_dir / "x.db"),
        "EMBEDDING_CACHE": str(db_dir / "c.sqlite"),
        "THRESHOLDS_FILE": str(thresholds),
    }
    sync_messages(synthetic_messages(), load_settings(env))
    return env
