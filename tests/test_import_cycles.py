"""No import cycles inside framing: every module's framing imports, including those inside functions.

A late import inside a function hides a cycle from Python but not from a
reader: two modules that need each other are one responsibility split in two.
This test parses every module with `ast` (nothing is imported), builds the
graph of framing -> framing imports and fails on any cycle, naming it.
Imports under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "framing"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, name: str, is_package: bool, modules: set[str]) -> set[str]:
    """The framing modules that module `name` imports anywhere in `source`, functions included
    (a `from X import Y` of a submodule Y counts X.Y; relative imports are resolved)."""
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in runtime_nodes(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if candidate in modules:
                    out.add(candidate)
                elif base in modules:
                    out.add(base)
    out.discard(name)
    return out


def runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of `tree` but those under `if TYPE_CHECKING:` (imports for the type checker never run)."""
    out: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {
        module_name(p): imported_modules(
            p.read_text(encoding="utf-8"), module_name(p), p.name == "__init__.py", modules
        )
        for p in paths
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a list of modules (first == last), or None; depth-first, in sorted order."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_framing_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_a_package_importing_its_own_submodule_is_no_cycle_but_a_loop_is() -> None:
    graph = {"a": {"a.b"}, "a.b": set()}
    assert find_cycle(graph) is None
    assert find_cycle({"x": {"y"}, "y": {"z"}, "z": {"x"}}) == ["x", "y", "z", "x"]


def test_imports_inside_functions_and_relative_ones_are_seen() -> None:
    modules = {"framing.a", "framing.a.model", "framing.a.article", "framing.errors"}
    source = (
        "from framing.errors import FramingError\n"
        "def f():\n    from framing.a.model import load_model\n    return load_model\n"
        "def g():\n    from . import article\n    from .model import x\n"
        "if TYPE_CHECKING:\n    from framing.a.article import Y\n"
    )
    assert imported_modules(source, "framing.a.voice", False, modules) == {
        "framing.errors",
        "framing.a.model",
        "framing.a.article",
    }
    typing_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from framing.a.article import Y\n"
    assert imported_modules(typing_only, "framing.a.voice", False, modules) == set()
