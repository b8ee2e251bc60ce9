"""A small local OpenAI-compatible embeddings server for tests (no network, no key checks).

``FakeOpenAI`` serves ``POST /v1/embeddings`` on 127.0.0.1 with deterministic unit vectors of the
model's dimension (derived from a hash of each input text), so the real ``openai`` client can be
tested end to end. A test scripts failures with :meth:`FakeOpenAI.script`: each queued status is
answered once, in order, before normal answers resume:

- ``429``: rate limited, with ``Retry-After: 0`` and ``retry-after-ms: 5`` so the client retries fast
- ``401``: invalid key
- ``500``: server error (with ``retry-after-ms: 5``)
- ``"hang"``: sleep ``hang_seconds`` before answering (the client times out)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

DIMENSIONS = {
    "text-embedding-ada-002": 1536,
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
}


def fake_vector(text: str, dim: int) -> list[float]:
    """A deterministic unit vector for ``text``: texts sharing words are close, others far."""
    vec = np.zeros(dim, dtype=np.float64)
    words = text.lower().split() or [text]
    for word in words:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "little")
        vec += np.random.default_rng(seed).standard_normal(dim)
    vec /= np.linalg.norm(vec)
    return vec.astype(np.float32).tolist()


class FakeOpenAI:
    """Start with :meth:`start`, stop with :meth:`stop`; ``base_url`` is what OPENAI_BASE_URL takes."""

    def __init__(self, hang_seconds: float = 5.0) -> None:
        self.hang_seconds = hang_seconds
        self.requests: list[dict] = []  # every request body received (failed ones too)
        self.auth_headers: list[str] = []
        self.delay = 0.0  # seconds to wait before every successful answer (a slow service)
        self._script: list[int | str] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control
    def script(self, *answers: int | str) -> None:
        """Queue failure answers (429, 401, 500, "hang"), used before normal answers resume."""
        with self._lock:
            self._script.extend(answers)

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self.requests.clear()
            self.auth_headers.clear()
            self.delay = 0.0

    @property
    def embedding_requests(self) -> int:
        return len(self.requests)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/embeddings"):
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                    return
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._send(400, {"error": {"message": "bad json", "type": "invalid_request_error"}})
                    return
                with fake._lock:
                    fake.requests.append(body)
                    fake.auth_headers.append(self.headers.get("Authorization", ""))
                    action = fake._script.pop(0) if fake._script else None
                if action == "hang":
                    time.sleep(fake.hang_seconds)
                    action = 500
                if action == 429:
                    self._send(
                        429,
                        {"error": {"message": "Rate limit reached", "type": "requests", "code": None}},
                        {"Retry-After": "0", "retry-after-ms": "5"},
                    )
                    return
                if action == 401:
                    # real OpenAI echoes part of the key; the helpers must not pass it on
                    key = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    self._send(
                        401,
                        {
                            "error": {
                                "message": f"Incorrect API key provided: {key}.",
                                "type": "invalid_request_error",
                                "code": "invalid_api_key",
                            }
                        },
                    )
                    return
                if isinstance(action, int):
                    self._send(
                        action,
                        {"error": {"message": "The server had an error", "type": "server_error"}},
                        {"retry-after-ms": "5"},
                    )
                    return
                if fake.delay:
                    time.sleep(fake.delay)
                model = body.get("model", "")
                dim = DIMENSIONS.get(model)
                if dim is None:
                    self._send(
                        404, {"error": {"message": f"model {model} does not exist", "type": "invalid"}}
                    )
                    return
                inputs = body.get("input")
                inputs = [inputs] if isinstance(inputs, str) else list(inputs)
                data = [
                    {"object": "embedding", "index": i, "embedding": fake_vector(str(t), dim)}
                    for i, t in enumerate(inputs)
                ]
                self._send(
                    200,
                    {
                        "object": "list",
                        "data": data,
                        "model": model,
                        "usage": {"prompt_tokens": len(inputs), "total_tokens": len(inputs)},
                    },
                )

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def serve_forever(port_file: str, delay: float = 0.0) -> None:
    """Run a fake in this process (for subprocess tests); writes its base URL to ``port_file``."""
    fake = FakeOpenAI().start()
    fake.delay = delay
    with open(port_file + ".tmp", "w") as fh:
        fh.write(fake.base_url)
    import os

    os.replace(port_file + ".tmp", port_file)
    threading.Event().wait()


if __name__ == "__main__":
    import sys

    serve_forever(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.0)


# ---------------------------------------------------------------- Airbyte message builders

ORG_A = 360033549136
ORG_B = 360041187220

SUPPORT_PARAGRAPHS = [
    "Since this morning our dispatchers cannot log in to the AcmeFlow web app. After entering the "
    "password the page reloads and shows the sign-in form again, without any error message. We tried "
    "Chrome 121 and Firefox 122 on Windows 11, cleared cookies and the cache, and used a private "
    "window, but nothing changed. Mobile users on the iOS app (version 4.18.2) can still sign in.",
    "The nightly CSV export of shipments stopped arriving on our SFTP server on Tuesday. The job "
    "history in Settings > Integrations > Exports says 'Completed' with 0 bytes written. We did not "
    "change the export template, but our IT team rotated the SFTP host key last week. Could the "
    "export be failing the host-key check silently? We need the files for month-end reconciliation.",
    "When I open an invoice PDF from the Billing page the totals do not match the line items: the VAT "
    "line shows 19% on an order that ships to Austria, where it should be 20%. This happened on "
    "invoices INV-2024-0193 through INV-2024-0211. Our accountant needs corrected copies before the "
    "quarterly filing on the 15th, otherwise we have to file an amendment.",
    "We connected the Salesforce integration following the guide, but only contacts created after "
    "the connection are synced. The 4,200 existing contacts never appear in AcmeFlow. The sync log "
    "shows 'OAuth token refreshed' every hour and nothing else. Is there a way to trigger a full "
    "backfill, or do we have to export and import the old contacts by hand?",
    "Two-factor authentication codes sent by SMS arrive five to ten minutes late for our staff in "
    "Germany, so the codes have already expired when they type them in. Authenticator apps work. "
    "Can we make the app the default for everyone, and can codes be valid for longer in the meantime?",
    "Our warehouse tablets show 'Session expired, please sign in again' every few minutes while "
    "scanning parcels. The tablets run Android 13 in kiosk mode with the AcmeFlow app 4.17. The "
    "problem started after the update on Monday; before that the sessions lasted the whole shift.",
]


def support_text(n_paragraphs: int, start: int = 0) -> str:
    """Realistic support prose: ``n_paragraphs`` paragraphs separated by blank lines."""
    k = len(SUPPORT_PARAGRAPHS)
    return "\n\n".join(SUPPORT_PARAGRAPHS[(start + i) % k] for i in range(n_paragraphs))


def ticket(
    id: int,
    subject: str,
    description: str,
    status: str = "new",
    org: int | None = ORG_A,
    **extra,
) -> dict:
    """A Zendesk ticket RECORD message."""
    data = {
        "id": id,
        "subject": subject,
        "raw_subject": subject,
        "description": description,
        "status": status,
        "priority": "normal",
        "organization_id": org,
        "requester_id": 9000 + (id or 0),
        "tags": ["web", "login"],
        "generated_timestamp": 1700000000 + (id or 0),
        **extra,
    }
    return {"type": "RECORD", "record": {"stream": "tickets", "data": data, "emitted_at": 1700000000000}}


def article(id: int, title: str, body: str, **extra) -> dict:
    """A Help Center article RECORD message."""
    data = {
        "id": id,
        "title": title,
        "body": body,
        "html_url": f"https://acmeflow.zendesk.com/hc/en-us/articles/{id}",
        "locale": "en-us",
        "draft": False,
        **extra,
    }
    return {"type": "RECORD", "record": {"stream": "articles", "data": data, "emitted_at": 1700000000000}}


def state(n: int = 0) -> dict:
    return {"type": "STATE", "state": {"type": "STREAM", "data": {"cursor": n}}}


def write_jsonl(path, messages) -> None:
    """Write messages (dicts, or raw strings written as they are) one per line."""
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for m in messages:
            fh.write((m if isinstance(m, str) else json.dumps(m)) + "\n")


# Strings that must survive filter escaping unchanged (quotes, backslashes, newlines, injection)
TRICKY = [
    'He said "hi"',
    "C:\\path\\to\\file",
    "ends with a backslash \\",
    'backslash-quote \\" inside',
    "two\nlines\r\nand a\ttab",
    "it's 'single'",
    'x" or _ab_stream != "',
    "naïve — Ünïcode ✓",
    "bell\x07 and nul-free control",
]
