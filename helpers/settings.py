"""Settings from the environment, validated once, with secrets redacted in every repr.

Every flow (sync, search, calibration, the form, the CLI) calls :func:`load_settings` once and
passes the result down; nothing deeper reads environment variables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import SettingsError

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
# Writable local state (Lite database, embedding cache, saved thresholds, exported models) lives in
# the data directory: HELPERS_DATA_DIR, else `.local/` of the checkout the package runs from, else
# a per-user folder (an installed package never writes inside itself).
IN_CHECKOUT = (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "notebooks").is_dir()
LOCAL_DIR = REPO_ROOT / ".local" if IN_CHECKOUT else Path.home() / ".local" / "share" / "support-search"
DATA_DIR = REPO_ROOT / "data"
DEFAULT_MILVUS_URL = str(LOCAL_DIR / "zendesk.db")
DEFAULT_COLLECTION = "zendesk"
# what the offline model's long calls run on (helpers.embeddings): the first is the default
BULK_RUNTIMES = ("openvino", "onnxruntime")
DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_TEXT_FIELDS = ("body", "title", "description", "subject")
DEFAULT_THRESHOLDS_FILE = LOCAL_DIR / "thresholds.json"  # writable; shipped defaults: thresholds.SHIPPED_FILE
DEFAULT_CACHE = LOCAL_DIR / "embeddings.sqlite"
DEFAULT_LABELS_FILE = DATA_DIR / "labels" / "queries.jsonl"
DEFAULT_LITE_IDLE_SECONDS = 600  # a shared Lite server with no client for this long exits

_SERVER_SCHEMES = ("http://", "https://", "tcp://", "grpc://", "unix:")
_COLLECTION_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")
_FIELD_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def is_openai_model(name: str) -> bool:
    """OpenAI embedding models are named ``text-embedding-...``."""
    return name.startswith("text-embedding-")


@dataclass(frozen=True)
class Settings:
    """Everything the flows need; build it with :func:`load_settings`."""

    milvus_url: str = DEFAULT_MILVUS_URL
    milvus_token: str | None = field(default=None, repr=False)
    collection: str = DEFAULT_COLLECTION
    embedding_model: str = DEFAULT_MODEL
    openai_api_key: str | None = field(default=None, repr=False)
    openai_base_url: str | None = None
    openai_max_retries: int = 5
    openai_timeout: int = 30  # seconds per request
    cache_path: Path | None = DEFAULT_CACHE
    chunk_size: int | None = None
    chunk_overlap: int = 0
    text_fields: tuple[str, ...] = DEFAULT_TEXT_FIELDS
    thresholds_path: Path = DEFAULT_THRESHOLDS_FILE
    labels_path: Path = DEFAULT_LABELS_FILE
    data_dir: Path = LOCAL_DIR
    lite_idle_seconds: int = DEFAULT_LITE_IDLE_SECONDS
    lite_fast_search: bool = True  # helpers.lite_fast_search in a Lite server started by this process
    bulk_runtime: str = "openvino"  # what the offline model's bulk calls run on (helpers.embeddings)

    @property
    def is_lite(self) -> bool:
        """True when MILVUS_URL names a local Milvus Lite database (a ``.db`` path)."""
        return not self.milvus_url.startswith(_SERVER_SCHEMES)

    @property
    def uses_openai(self) -> bool:
        return is_openai_model(self.embedding_model)

    def secrets(self) -> list[str]:
        """The secret values in use (for scrubbing text before it is shown)."""
        return [s for s in (self.milvus_token, self.openai_api_key) if s]

    def describe(self) -> dict[str, str]:
        """A display-safe view: secrets shown only as set/unset."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("milvus_token", "openai_api_key"):
                out[f.name] = "(set, hidden)" if value else "(not set)"
            elif f.name in ("milvus_url", "cache_path", "thresholds_path", "labels_path", "data_dir"):
                out[f.name] = display_path(value)
            elif isinstance(value, tuple):
                out[f.name] = ", ".join(value)
            else:
                default = "(model default)" if f.name == "chunk_size" else "(not set)"
                out[f.name] = default if value is None else str(value)
        return out


def display_path(value: object) -> str:
    """Show paths inside the repository relative to it, so outputs hold no machine paths."""
    if value is None:
        return "(off)"
    text = str(value)
    try:
        return str(Path(text).resolve().relative_to(REPO_ROOT))
    except (ValueError, OSError):
        return text


def scrub(text: str, secrets: list[str]) -> str:
    """Replace every secret value in ``text`` with ``***``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def _int(env: Mapping[str, str], name: str, default: int | None, low: int, high: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not an integer; use a number from {low} to {high}.") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is out of range; use a number from {low} to {high}.")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}={raw!r} is not a switch; use 1 or 0.")


def _bulk_runtime(env: Mapping[str, str]) -> str:
    raw = env.get("EMBED_BULK_RUNTIME", "").strip().lower() or BULK_RUNTIMES[0]
    if raw not in BULK_RUNTIMES:
        raise SettingsError(f"EMBED_BULK_RUNTIME={raw!r} is unknown; use one of {', '.join(BULK_RUNTIMES)}.")
    return raw


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate settings from ``env`` (default: ``os.environ``)."""
    env = os.environ if env is None else env
    data_raw = env.get("HELPERS_DATA_DIR", "").strip()
    data_dir = Path(data_raw).expanduser().resolve() if data_raw else LOCAL_DIR
    url = env.get("MILVUS_URL", "").strip() or str(data_dir / "zendesk.db")
    if not url.startswith(_SERVER_SCHEMES):
        if not url.endswith(".db"):
            raise SettingsError(
                f"MILVUS_URL={url!r} is neither a server URL (http://host:19530, https://...) "
                "nor a Milvus Lite database path ending in .db."
            )
        url = str(Path(url).expanduser().resolve())
    collection = env.get("MILVUS_COLLECTION", "").strip() or DEFAULT_COLLECTION
    if not _COLLECTION_RE.match(collection):
        raise SettingsError(
            f"MILVUS_COLLECTION={collection!r} is not a valid name: use letters, digits and "
            "underscores, not starting with a digit."
        )
    model = env.get("EMBEDDING_MODEL", "").strip() or DEFAULT_MODEL
    api_key = env.get("OPENAI_API_KEY", "").strip() or None
    if is_openai_model(model) and not api_key:
        raise SettingsError(
            f"EMBEDDING_MODEL={model} is an OpenAI model and needs OPENAI_API_KEY; set it, or "
            f"unset EMBEDDING_MODEL to use the offline default ({DEFAULT_MODEL})."
        )
    cache_raw = env.get("EMBEDDING_CACHE", "").strip()
    if cache_raw.lower() in ("off", "none", "0", "false"):
        cache_path: Path | None = None
    else:
        cache_path = Path(cache_raw).expanduser().resolve() if cache_raw else data_dir / "embeddings.sqlite"
    text_fields = (
        tuple(f.strip() for f in env.get("TEXT_FIELDS", "").split(",") if f.strip()) or DEFAULT_TEXT_FIELDS
    )
    bad = [f for f in text_fields if not _FIELD_RE.match(f)]
    if bad:
        raise SettingsError(f"TEXT_FIELDS has invalid field names {bad}; use comma-separated names.")
    thresholds_raw = env.get("THRESHOLDS_FILE", "").strip()
    labels_raw = env.get("LABELS_FILE", "").strip()
    chunk_size = _int(env, "CHUNK_SIZE", None, 1, 8191)
    overlap = _int(env, "CHUNK_OVERLAP", 0, 0, 8190) or 0
    if chunk_size is not None and overlap >= chunk_size:
        raise SettingsError(f"CHUNK_OVERLAP={overlap} must be smaller than CHUNK_SIZE={chunk_size}.")
    openai_max_retries = _int(env, "OPENAI_MAX_RETRIES", 5, 0, 20) or 0
    openai_timeout = _int(env, "OPENAI_TIMEOUT", 30, 1, 600) or 30
    lite_idle = _int(env, "LITE_IDLE_SECONDS", DEFAULT_LITE_IDLE_SECONDS, 0, 7 * 24 * 3600)
    return Settings(
        milvus_url=url,
        milvus_token=env.get("MILVUS_TOKEN", "").strip() or None,
        collection=collection,
        embedding_model=model,
        openai_api_key=api_key,
        openai_base_url=env.get("OPENAI_BASE_URL", "").strip() or None,
        openai_max_retries=openai_max_retries,
        openai_timeout=openai_timeout,
        cache_path=cache_path,
        chunk_size=chunk_size,
        chunk_overlap=overlap,
        text_fields=text_fields,
        thresholds_path=(
            Path(thresholds_raw).expanduser().resolve() if thresholds_raw else data_dir / "thresholds.json"
        ),
        labels_path=Path(labels_raw).expanduser().resolve() if labels_raw else DEFAULT_LABELS_FILE,
        data_dir=data_dir,
        lite_idle_seconds=DEFAULT_LITE_IDLE_SECONDS if lite_idle is None else lite_idle,
        lite_fast_search=_flag(env, "LITE_FAST_SEARCH", True),
        bulk_runtime=_bulk_runtime(env),
    )
