"""Count how many functions in a package are fully annotated.

A function counts as fully annotated when every parameter (except a leading
``self``/``cls``) has an annotation and it has a return annotation
(``__init__`` may omit the return annotation, as mypy allows).

    python tools/count_annotations.py [PATH ...]      # default: framing
    python tools/count_annotations.py --list framing  # also name the rest
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path


def fully_annotated(node: ast.FunctionDef | ast.AsyncFunctionDef, in_class: bool) -> bool:
    args = node.args
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if in_class and params and params[0].arg in ("self", "cls"):
        params = params[1:]
    params += [a for a in (args.vararg, args.kwarg) if a is not None]
    if any(p.annotation is None for p in params):
        return False
    return node.returns is not None or (node.name == "__init__" and bool(params))


def functions(tree: ast.AST) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, bool]]:
    found: list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, bool]] = []

    def visit(node: ast.AST, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.append((child, in_class))
                visit(child, False)
            elif isinstance(child, ast.ClassDef):
                visit(child, True)
            else:
                visit(child, in_class)

    visit(tree, False)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["framing"])
    parser.add_argument("--list", action="store_true", help="name the functions that are not fully annotated")
    options = parser.parse_args()
    total = annotated = 0
    for root in options.paths:
        files = [Path(root)] if root.endswith(".py") else sorted(Path(root).rglob("*.py"))
        for path in files:
            for node, in_class in functions(ast.parse(path.read_text(encoding="utf-8"))):
                total += 1
                if fully_annotated(node, in_class):
                    annotated += 1
                elif options.list:
                    print(f"{path}:{node.lineno}: {node.name}")
    print(f"{annotated} of {total} functions fully annotated")


if __name__ == "__main__":
    main()
