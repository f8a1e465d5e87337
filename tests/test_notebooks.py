"""The notebooks run top to bottom, and are stored without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.shared import SHARED_DATA

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALLSIDES = SHARED_DATA / "allsides-10k.jsonl.gz"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_two_notebooks():
    assert [p.name for p in ALL] == ["01-explore-nato-eastern-flank.ipynb", "02-your-own-table.ipynb"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    import nbformat

    nbformat.validate(nbformat.read(path, as_version=4))
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["id"]
    ids = [cell["id"] for cell in notebook["cells"]]
    assert len(set(ids)) == len(ids)


def execute(path: Path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return notebook


def outputs_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.notebook
def test_explore_notebook_runs_top_to_bottom():
    notebook = execute(NOTEBOOKS / "01-explore-nato-eastern-flank.ipynb")
    text = outputs_text(notebook)
    assert "stance toward NATO" in text
    assert "nato-eastern-flank-2022.html" in text and " MB" in text
    assert "<Worksheet 'nato-eastern-flank-2022'" in text
    figures = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(figures) >= 3


@pytest.mark.notebook
@pytest.mark.data
def test_own_table_notebook_runs_on_a_sample():
    if not ALLSIDES.exists():
        pytest.skip(f"{ALLSIDES} is not present")
    notebook = execute(NOTEBOOKS / "02-your-own-table.ipynb")
    text = outputs_text(notebook)
    assert "2000 articles from" in text
    assert "topic '" in text and "stories; the largest" in text
