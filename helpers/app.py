"""Serve the support form as a standalone page with Voila on localhost: ``make app``.

``python -m helpers.app [--port N] [--no-browser] [--no-filing]`` writes a one-cell notebook
(``support_form(load_settings())``) to ``DATA_DIR/app/`` (``settings.data_dir``) and serves it with
Voila on 127.0.0.1, code cells hidden, with this package's small Voila template
(``helpers/voila_template``: the ``lab`` template without its two CDN stylesheets, so the page
makes no request outside this machine). The form reads the same environment variables as
everything else (MILVUS_URL, MILVUS_COLLECTION, EMBEDDING_MODEL, THRESHOLDS_FILE, ...).
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from .errors import HelpersError
from .extras import require
from .settings import REPO_ROOT, load_settings

HOST = "127.0.0.1"
DEFAULT_PORT = 8866
TEMPLATE_NAME = "support_form"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "voila_template"  # a JUPYTER_PATH entry
PAGE_TITLE = "Contact support"


def write_app_notebook(directory: Path, file_tickets: bool = True) -> Path:
    """Write the served notebook (one code cell) and return its path; atomic, idempotent."""
    import nbformat

    options = "" if file_tickets else ", file_tickets=False"
    code = (
        "from helpers import load_settings\nfrom helpers.form import support_form\n\n"
        f"support_form(load_settings(){options})"
    )
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = PAGE_TITLE
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(code)]
    nb.cells[0].id = "support-form"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ("support_form.ipynb" if file_tickets else "support_form_no_filing.ipynb")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)
    return path


def voila_command(notebook: Path, port: int, open_browser: bool = False) -> list[str]:
    """The Voila command line that serves ``notebook`` on 127.0.0.1:``port``."""
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        f"--Voila.ip={HOST}",
        f"--template={TEMPLATE_NAME}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--theme=light",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def voila_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for Voila: our template on JUPYTER_PATH, offline model flags."""
    env = dict(os.environ if base is None else base)
    paths = [str(TEMPLATE_ROOT), *(p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p)]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    python_path = [str(REPO_ROOT), *(p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p)]
    env["PYTHONPATH"] = os.pathsep.join(python_path)
    return env


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    """Serve the form until Ctrl-C (this process becomes Voila); returns an exit code on errors."""
    parser = argparse.ArgumentParser(prog="python -m helpers.app", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument(
        "--no-filing", action="store_true", help="do not file tickets on submit (search only)"
    )
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        print(f"error: --port must be 1..65535, got {args.port}", file=sys.stderr)
        return 2
    try:
        require("app", "voila", "ipywidgets", user="python -m helpers.app")
        settings = load_settings()  # fail here, in one line, rather than inside the page
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not port_is_free(args.port):
        print(f"error: port {args.port} on {HOST} is in use; choose another with --port N", file=sys.stderr)
        return 2
    notebook = write_app_notebook(settings.data_dir / "app", file_tickets=not args.no_filing)
    url = f"http://{HOST}:{args.port}/"
    print(f"Support form: {url}  (Ctrl-C to stop)", flush=True)
    cmd = voila_command(notebook, args.port, open_browser=not args.no_browser)
    os.chdir(notebook.parent)
    # Voila replaces this process: Ctrl-C and SIGTERM reach it directly, and it stops its kernel.
    os.execve(cmd[0], cmd, voila_env())
    return 0  # not reached

if __name__ == "__main__":
    sys.exit(main())
