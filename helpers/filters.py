"""Milvus filter expressions built from user data: every value escaped or checked first."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import InputError


def escape_string(value: str) -> str:
    """A Milvus string literal (double-quoted) for ``value``; quotes and backslashes escaped.

    Only escapes that both Milvus Lite and a server understand are used (backslash, double
    quote, newline, carriage return, tab); other control characters stay as they are (both accept
    them raw, and Lite rejects unicode escapes).
    """
    if not isinstance(value, str):
        raise InputError(f"expected text, got {type(value).__name__}")
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def parse_org_id(value: object) -> int:
    """An organisation id as a positive integer, or :class:`InputError`.

    Accepts ints and strings of digits only, so nothing but a number can reach a filter.
    """
    if isinstance(value, bool):
        raise InputError("Organisation id must be a whole number, not true/false.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    else:
        shown = str(value)[:40]
        raise InputError(f"Organisation id must be a whole number (digits only), got {shown!r}.")
    if not 0 < number < 2**63:
        raise InputError(f"Organisation id must be a positive 64-bit integer, got {number}.")
    return number


def open_tickets_filter(org_id: object) -> str:
    """The tutorial's filter: ``status == "new" and organization_id == ORG``, built safely."""
    return f'status == "new" and organization_id == {parse_org_id(org_id)}'


def stream_filter(stream: str) -> str:
    """``_ab_stream == "STREAM"``: the entities of one Airbyte stream."""
    return f"_ab_stream == {escape_string(stream)}"


def in_filter(field: str, values: Iterable[str]) -> str:
    """``field in ["a", "b"]`` with every value escaped."""
    return f"{field} in [{', '.join(escape_string(v) for v in values)}]"
