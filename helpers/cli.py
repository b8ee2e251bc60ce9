"""``python -m helpers``: argument parsing and exit codes only; the work lives in the modules.

Commands: ``sync``, ``check``, ``stats``, ``calibrate``, ``draft-labels``, ``settings``,
``lite stop|status``.
Every command reads the settings from the environment. A problem the user can fix exits with
status 2 and one line on stderr; nothing prints a traceback (set HELPERS_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import HelpersError, InputError
from .settings import Settings, load_settings, scrub


def _primary_keys(values: Sequence[str]) -> dict[str, tuple[str, ...]] | None:
    if not values:
        return None
    from .sync import DEFAULT_PRIMARY_KEYS

    keys = dict(DEFAULT_PRIMARY_KEYS)
    for item in values:
        stream, sep, fields = item.partition("=")
        if not sep or not stream or not fields:
            raise InputError(f"--primary-key {item!r}: use STREAM=FIELD[,FIELD].")
        keys[stream] = tuple(f for f in fields.split(",") if f)
    return keys


def _streams(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    streams = tuple(s.strip() for s in value.split(",") if s.strip())
    if not streams:
        raise InputError("--streams: give stream names separated by commas, e.g. tickets,articles.")
    return streams


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    from .sync import run_sync

    summary = run_sync(
        args.source,
        settings,
        mode=args.mode,
        batch_size=args.batch_size,
        primary_keys=_primary_keys(args.primary_key),
        show_progress=not args.no_progress,
        streams=_streams(args.streams),
    )
    print(json.dumps(summary.as_dict(), indent=2) if args.json else summary)
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from .search import check

    decision = check(args.text, args.org, settings)
    if args.json:
        print(json.dumps(decision.as_dict(), indent=2, ensure_ascii=False))
        return 0
    if decision.duplicate:
        d = decision.duplicate
        print(
            f"This case seems very similar to {d.subject} (id #{d.id}). Make sure it has not "
            f"been submitted before. (distance {d.distance:.3f} < {decision.thresholds.ticket})"
        )
    else:
        if decision.thresholds.ticket is None:
            print("(No duplicate warning level for this model: every request is submitted.)")
        print("No duplicate warning: the request would be submitted.")
        if decision.related:
            r = decision.related
            link = f" {r.link}" if r.link else ""
            print(
                f"Possibly related: {r.subject} (#{r.id}){link} "
                f"(distance {r.distance:.3f} < {decision.thresholds.related})"
            )
        for a in decision.articles:
            print(f"* [{a.title}]({a.html_url})  distance {a.distance:.3f}")
    if decision.query_truncated:
        print("(The text was long: only its beginning was used for the search.)")
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from .stats import entity_counts, layout

    counts = entity_counts(settings)
    found = layout(settings)
    if args.json:
        print(json.dumps({**counts, "layout": found.as_dict()}, indent=2))
    else:
        for stream, n in counts.items():
            print(f"{stream:10s} {n}")
        print()
        print(found.describe())
    return 0


def cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from .calibration import calibrate
    from .calibration_report import result_json, save_result, summary
    from .settings import display_path

    result = calibrate(
        args.labels,
        settings,
        target_precision=args.target_precision,  # None: the model's default (calibration.default_target)
        rule=args.rule,
        related_precision=None if args.related_precision == 0 else args.related_precision,
    )
    saved = f"Saved to {display_path(settings.thresholds_path)} for {result.model}."
    if args.save:
        save_result(result, settings.thresholds_path)
    if args.json:
        print(json.dumps(result_json(result), indent=2, ensure_ascii=False))
        if args.save:
            print(saved, file=sys.stderr)
        return 0
    print(summary(result))
    print(saved if args.save else "(not saved: add --save to write them to the thresholds file)")
    return 0


def cmd_draft_labels(args: argparse.Namespace, settings: Settings) -> int:
    from .label_drafts import draft_labels_file
    from .settings import display_path

    drafts = draft_labels_file(args.source, args.out)
    print(drafts.summary())
    print(f"Wrote {display_path(args.out)}: review it, then `calibrate --labels {args.out}`.")
    return 0


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for key, value in settings.describe().items():
        print(f"{key:16s} {value}")
    return 0


def cmd_lite(args: argparse.Namespace, settings: Settings) -> int:
    from .connection import forget_clients
    from .lite_server import running_lite_server, server_url, stop_lite_server

    if not settings.is_lite:
        raise InputError("MILVUS_URL is a server URL; `lite` manages only the local Lite server.")
    if args.action == "status":
        running = running_lite_server(settings.milvus_url)
        # the URL is what a plain pymilvus client uses while the server holds the .db folder
        search = f"; {running['search']}" if running and running.get("search") else ""
        print(f"running: {server_url(running)} (pid {running['pid']}){search}" if running else "not running")
        return 0
    forget_clients()
    print("stopped" if stop_lite_server(settings.milvus_url) else "was not running")
    return 0


def cmd_model(args: argparse.Namespace, settings: Settings) -> int:
    from .onnx_model import build, export, model_digests

    if args.action == "export":  # no checks of the result: tests compare it with the pinned sha256
        if args.out is None:
            raise InputError("`model export` needs the file to write: python -m helpers model export OUT")
        export(args.out)
        print(" ".join(model_digests(args.out)))  # the graph's, then its weights file's
        return 0
    print(f"ONNX model ready: {build(settings.data_dir, force=args.force)}")
    return 0


def cmd_tune(args: argparse.Namespace, settings: Settings) -> int:
    from .settings import display_path
    from .tuned_models import list_tuned

    if args.list:
        found = list_tuned(settings.data_dir)
        for m in found:
            made = f"{m.get('created', '')}  {m.get('tickets', '?')} tickets from {m.get('source', '?')}"
            print(f"{m['name']}  {made}")
        if not found:
            where = display_path(settings.data_dir)
            print(f"No tuned model in {where}: python -m helpers tune --source FOLDER")
        return 0
    if args.source is None:
        raise InputError("`tune` needs the tickets to adapt to: python -m helpers tune --source FOLDER")
    from .tuning import TuneConfig, tune

    log = (lambda line: None) if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    config = TuneConfig() if args.epochs is None else TuneConfig(epochs=args.epochs)
    result = tune(args.source, settings.data_dir, config, log)
    print(
        f"Tuned model {result.name}: {result.pairs} tickets, {result.seconds:.0f} s, in "
        f"{display_path(result.folder)}.\nIt makes other vectors than the stock model: sync again "
        f"with it, then calibrate again:\n  EMBEDDING_MODEL={result.name} python -m helpers sync "
        f"--source {args.source} --mode overwrite\n  EMBEDDING_MODEL={result.name} python -m helpers "
        "calibrate --labels <labels file> --save\n(calibrate picks a tuned model's warning at "
        "precision >= 0.95 on the calibration split unless --target-precision says otherwise)"
    )
    return 0


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line on stderr too (exit status 2), like every other user error."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m helpers", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("sync", help="sync Airbyte messages (a folder of *.jsonl) into Milvus")
    p.add_argument("--source", required=True, help="folder (or file) of Airbyte JSONL messages")
    p.add_argument(
        "--mode",
        choices=["append_dedup", "append", "overwrite"],
        default="append_dedup",
        help="Airbyte's sync modes: append_dedup (default; replaces a record's chunks by "
        "_ab_record_id, applies CDC deletes), append (adds, no record id), overwrite (clears the "
        "catalog's streams at the start)",
    )
    p.add_argument(
        "--streams",
        metavar="NAME[,NAME]",
        help="the catalog's streams (overwrite clears each of them at the start, even one that "
        "sends no record); default: the streams with a primary key (tickets, articles and any "
        "--primary-key)",
    )
    p.add_argument("--batch-size", type=int, default=128, help="chunks per write (default 128)")
    p.add_argument(
        "--primary-key",
        action="append",
        default=[],
        metavar="STREAM=FIELD",
        help="primary key of an extra stream (tickets and articles use id)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("check", help="the support form's decision for one request")
    p.add_argument("text", help="the problem description")
    p.add_argument("--org", required=True, help="the customer's organisation id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("stats", help="entities per stream and the collection's layout")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("calibrate", help="pick thresholds from a labels file")
    p.add_argument("--labels", required=True, help="labelled queries (JSONL)")
    p.add_argument(
        "--rule",
        choices=["precision", "f1"],
        default="precision",
        help="duplicate warning: highest recall at the target precision (default), or best F1",
    )
    p.add_argument(
        "--target-precision",
        type=float,
        default=None,
        help="precision the duplicate warning must reach on the calibration split (default 0.9; "
        "0.95 for a model made by `tune`, measured in docs/calibration.md); none reaching it means "
        "no warning",
    )
    p.add_argument(
        "--related-precision",
        type=float,
        default=0.5,
        help="precision of the 'possibly related' level (default 0.5; 0 = best F1)",
    )
    p.add_argument("--save", action="store_true", help="write the writable thresholds file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser("draft-labels", help="draft a labels file from an Airbyte Zendesk export")
    p.add_argument("--source", required=True, help="folder of Airbyte JSONL (tickets, ticket_comments)")
    p.add_argument("--out", required=True, help="the labels file to write (JSONL)")
    p.set_defaults(func=cmd_draft_labels)

    p = sub.add_parser("settings", help="show the settings in use (secrets hidden)")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("model", help="the offline model's ONNX file (made at set-up by `make venv`)")
    p.add_argument(
        "action",
        choices=["build", "export"],
        help="build: export the packaged model to <data dir>/models and check it (skipped when the "
        "files are good); export: write the export to OUT (and OUT's folder/all-MiniLM-L6-v2.onnx.data), "
        "unchecked",
    )
    p.add_argument("out", nargs="?", type=Path, help="export: the file to write")
    p.add_argument("--force", action="store_true", help="build: export again even if the file is good")
    p.set_defaults(func=cmd_model)

    p = sub.add_parser("tune", help="adapt the offline model to a source's tickets (no labels needed)")
    p.add_argument("--source", help="folder (or file) of Airbyte JSONL messages with a tickets stream")
    p.add_argument("--epochs", type=int, help="passes over the tickets (default 3, as measured)")
    p.add_argument("--list", action="store_true", help="list the tuned models of the data directory")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=cmd_tune)

    p = sub.add_parser("lite", help="the shared Milvus Lite server for MILVUS_URL")
    p.add_argument("action", choices=["stop", "status"])
    p.set_defaults(func=cmd_lite)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    secrets = [s for s in (os.environ.get("MILVUS_TOKEN"), os.environ.get("OPENAI_API_KEY")) if s]
    try:
        settings = load_settings()
        return args.func(args, settings)
    except HelpersError as exc:
        print(f"error: {scrub(str(exc), secrets)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; run the same command again to finish.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("HELPERS_DEBUG"):
            raise
        text = scrub(str(exc), secrets).splitlines()[0][:300] if str(exc) else ""
        print(
            f"error: unexpected {type(exc).__name__}: {text} (HELPERS_DEBUG=1 shows more)",
            file=sys.stderr,
        )
        return 1
