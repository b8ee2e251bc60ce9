"""docs/architecture.md's module table matches the code: every module, and what each imports."""

from __future__ import annotations

import ast
import re

from tests.support.cli import REPO

PACKAGE = REPO / "helpers"
DOC = REPO / "docs" / "architecture.md"


def imports_of(module: str) -> set[str]:
    """The package modules ``helpers/<module>.py`` imports (``from .x import``, ``from . import x``)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                used.add(node.module.split(".")[0])
            else:
                used.update(alias.name for alias in node.names)
    return used - {module}


def table() -> dict[str, set[str]]:
    """``module -> uses`` from the doc's table (rows ``| `module` | job | `a`, `b` |``)."""
    rows: dict[str, set[str]] = {}
    for line in DOC.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.fullmatch(r"`[\w]+`", cells[0]):
            continue
        uses = set(re.findall(r"`(\w+)`", cells[2]))
        assert uses or cells[2] == "-", f"uses of {cells[0]}: list modules in backticks, or -"
        rows[cells[0].strip("`")] = uses
    return rows


def expected_row(module: str) -> str:
    uses = ", ".join(f"`{m}`" for m in sorted(imports_of(module))) or "-"
    return f"| `{module}` | ... | {uses} |"


def test_every_module_is_in_the_table_once():
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    rows = table()
    assert set(rows) == modules, (
        f"missing from docs/architecture.md: {sorted(modules - set(rows))}; "
        f"no such module: {sorted(set(rows) - modules)}"
    )


def test_uses_column_matches_the_imports():
    wrong = [
        expected_row(module)
        for module, uses in table().items()
        if (PACKAGE / f"{module}.py").exists() and uses != imports_of(module)
    ]
    assert not wrong, "docs/architecture.md rows whose 'uses' differ from the code:\n" + "\n".join(wrong)


def test_the_parser_sees_a_lazy_import():
    # cli imports its commands' modules inside functions; the table must list them too
    assert {"sync", "search", "lite_server"} <= imports_of("cli")


def test_no_module_imports_fcntl():
    """POSIX-only locking would break the package on Windows: locks come from ``filelock``."""
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )
            assert "fcntl" not in names, f"{path.name} imports fcntl"
