"""A corpus folder whose every text field is an attack, for the escaping tests (report and browser)."""

from __future__ import annotations

from pathlib import Path

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
)
ALL = " ".join(PAYLOADS)

BODY = """NATO said it will deploy more troops to its eastern flank {all} after Russia's invasion.

Critics called the massive military buildup a provocation <script>alert(1)</script> and warned of escalation.

READ MORE FROM <img src=x onerror=alert(1)>

Officials insisted the deployment is defensive and meant to deter "aggression", said Jens Stoltenberg.
Russia condemned NATO {{{{ 7*7 }}}} and the United States called for diplomacy and talks.
"""


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_hostile_corpus(folder: Path) -> Path:
    """Three articles from three 'outlets' in `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.yaml").write_text(
        f"name: hostile\ndescription: {_quoted('Hostile ' + ALL)}\nsource: {_quoted(ALL)}\nlicence: {_quoted(ALL)}\n",
        encoding="utf-8",
    )
    outlets = ("<script>alert(1)</script> News", '"><svg onload=alert(1)> Times', "{{ 7*7 }} javascript:alert(1)")
    for index, outlet in enumerate(outlets):
        front = "\n".join(
            [
                "---",
                f"outlet: {_quoted(outlet)}",
                f"title: {_quoted('Title ' + PAYLOADS[index] + ' <b>bold</b>')}",
                "date: 2022-03-1" + str(index + 1),
                f"author: {_quoted('<img src=x onerror=alert(1)> Author')}",
                f"url: {_quoted('javascript:alert(1)')}",
                f"note: {_quoted(ALL)}",
                "---",
            ]
        )
        (folder / f"{index:03d}-hostile.md").write_text(
            front + "\n" + BODY.format(all=ALL) + f"\nArticle {index}.\n", encoding="utf-8"
        )
    return folder
