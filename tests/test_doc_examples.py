"""Every `>>>` example in the docs pages and in the docstrings runs, and prints what it says.

Examples run in a temporary folder (so files they write land there) against
the bundled corpus. Output may be shortened with `...`; white space is
normalised, so a long repr may wrap over lines as it does in the pages.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import pandas as pd
import pytest

import framing

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)


def _page_examples(page: Path) -> list[tuple[int, str]]:
    """(line number, text) of each fenced block of a page that holds `>>>` lines."""
    text = page.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start(1)), match.group(1))
        for match in FENCE.finditer(text)
        if ">>>" in match.group(1)
    ]


PAGES = sorted(page for page in DOCS.rglob("*.md") if _page_examples(page))
MODULES = sorted(
    name
    for name in ["framing", *(info.name for info in pkgutil.walk_packages(framing.__path__, "framing."))]
    if name != "framing.__main__"  # importing it runs the command line
    and ">>>" in Path(importlib.util.find_spec(name).origin).read_text(encoding="utf-8")
)


def _run(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    # pandas fits a table to the terminal; the pages show it whole
    with pd.option_context("display.width", 250, "display.max_columns", 50):
        runner.run(test, out=_Collect(), clear_globs=False)
    if runner.failures:
        pytest.fail(
            f"{runner.failures} of {runner.tries} examples in {test.name} failed:\n{_Collect.text}", pytrace=False
        )


class _Collect:
    text = ""

    def __init__(self):
        _Collect.text = ""

    def __call__(self, message: str) -> None:
        _Collect.text += message


def test_the_docs_have_examples():
    assert len(PAGES) >= 3, "the guides lost their >>> examples"
    assert "framing" in MODULES, "the facade's docstring lost its example"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_docs_page_examples_run(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session: dict = {}  # the blocks of one page share their names, as in one notebook
    for line, block in _page_examples(page):
        _run(doctest.DocTestParser().get_doctest(block, session, str(page.relative_to(ROOT)), str(page), line))


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(module_name)
    tests = [test for test in doctest.DocTestFinder(exclude_empty=True).find(module, module_name) if test.examples]
    assert tests, f"{module_name} has `>>>` in its source but no example doctest can find"
    for test in tests:
        _run(test)


PLAIN = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
SKETCHES = sorted(
    (page, block)
    for page in DOCS.rglob("*.md")
    for block in PLAIN.findall(page.read_text(encoding="utf-8"))
    if ">>>" not in block
)


@pytest.mark.parametrize("page, block", SKETCHES, ids=lambda v: str(v.relative_to(DOCS)) if isinstance(v, Path) else "")
def test_docs_sketches_parse_and_import_what_exists(page, block):
    """A ```python block without prompts is a sketch (it needs your files): it must still be
    Python, and every name it imports from framing must exist where it says."""
    tree = ast.parse(block, filename=str(page))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                importlib.import_module(alias.name)
        elif isinstance(node, ast.ImportFrom):
            module = importlib.import_module(node.module)
            for alias in node.names:
                assert hasattr(module, alias.name) or importlib.util.find_spec(f"{node.module}.{alias.name}"), (
                    f"{page.relative_to(ROOT)}: {node.module} has no {alias.name}"
                )
