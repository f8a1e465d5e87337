"""Inputs whose every user-controlled field carries every vector: a CSV corpus, a folder corpus, a lexicon, targets.

Why every vector in every field at once: one report then exercises all
(vector, field) pairs, so the browser suite stays a few page loads instead
of thousands. Each field also keeps a plain marker word (`FIELDtitle`, ...)
so a test can tell the field's text reached the page as text.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import yaml

from tests.security.vectors import ALL_VECTORS

HOSTILE = " ".join(ALL_VECTORS)
OUTLETS = ("Outlet Alpha", "Outlet Beta", "Outlet Gamma")
ARTICLES_PER_OUTLET = 2

# The sentences around each vector carry words of the bundled lexicons, so
# vectors sit next to highlights, quotes, attributions and stance mentions.
SENTENCE = (
    "NATO said it will deploy more troops to deter aggression, while critics called the military buildup "
    "a provocation {vector} and warned of escalation."
)
QUOTE = '"We reject this dangerous escalation {vector}," said Jens Stoltenberg, adding that Russia must stop.'


def field(name: str) -> str:
    """A field's value: its marker word, then every vector."""
    return f"FIELD{name} {HOSTILE}"


def article_text(index: int) -> str:
    """A body of real sentences, each carrying one vector; every vector appears once."""
    paragraphs = []
    for number, vector in enumerate(ALL_VECTORS):
        template = QUOTE if number % 3 == 0 else SENTENCE
        paragraphs.append(template.format(vector=vector))
    paragraphs.append(f"Russia condemned NATO and the United States called for diplomacy. Article {index}.")
    return "\n\n".join(paragraphs)


def rows() -> list[dict[str, str]]:
    """The articles as table rows: every column, id included, is hostile."""
    table = []
    for outlet_index, outlet in enumerate(OUTLETS):
        for copy in range(ARTICLES_PER_OUTLET):
            index = outlet_index * ARTICLES_PER_OUTLET + copy
            table.append(
                {
                    "id": f"id{index} {HOSTILE}",
                    "outlet": f"{outlet} {field('outlet')}",
                    "title": f"Title {index} {field('title')}",
                    "author": field("author"),
                    "url": "javascript:alert(1) " + field("url"),
                    # half the dates are real (so the date-based parts of the pages render), half are attacks
                    "date": f"2022-03-{10 + index:02d}" if index % 2 == 0 else field("date"),
                    "section": field("extra"),
                    "text": article_text(index),
                }
            )
    return table


def write_hostile_csv(path: Path) -> Path:
    """The corpus as a CSV with an extra metadata column; returns the path."""
    table = rows()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    return path


def safe_file_vectors() -> list[str]:
    """The vectors that can be part of a file name (no path separator, no NUL)."""
    return [vector for vector in ALL_VECTORS if "/" not in vector and "\x00" not in vector and len(vector) < 60]


def write_hostile_folder(folder: Path) -> Path:
    """The corpus as a folder of Markdown files with hostile file names and a hostile corpus.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corpus.yaml").write_text(
        yaml.safe_dump(
            {key: field(key) for key in ("name", "description", "source", "licence")},
            allow_unicode=True,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    names = safe_file_vectors()
    for index, row in enumerate(rows()):
        front = "\n".join(
            ["---"]
            + [f"{key}: {json.dumps(row[key])}" for key in ("outlet", "title", "author", "url", "section")]
            # a folder's front matter refuses a date that is not one (exit 2), so it stays real
            + [f"date: 2022-03-{10 + index:02d}", "---"]
        )
        stem = f"{index:03d} {names[index % len(names)]}"
        (folder / f"{stem}.md").write_text(front + "\n" + row["text"] + "\n", encoding="utf-8")
    return folder


def write_hostile_lexicon(path: Path) -> Path:
    """A lexicon whose name, description, categories, descriptions and terms are hostile (colours must be hex)."""
    categories = {}
    for index, word in enumerate(("provocation", "escalation")):
        categories[f"cat{index} {HOSTILE}"] = {
            "description": field("category-description"),
            "colour": "#0072B2" if index == 0 else "#D55E00",
            "entries": [word, *ALL_VECTORS[index::2][:20]],
        }
    lexicon = {
        "name": f"hostile {HOSTILE}",
        "description": field("lexicon-description"),
        "version": "1 " + HOSTILE,
        "source": field("lexicon-source"),
        "citation": field("lexicon-citation"),
        "licence": field("lexicon-licence"),
        "categories": categories,
    }
    path.write_text(yaml.safe_dump(lexicon, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_hostile_targets(path: Path) -> Path:
    """Targets whose names, descriptions and aliases are hostile, with real aliases so mentions are found."""
    targets = {
        "name": field("targets-name"),
        "description": field("targets-description"),
        "targets": [
            {
                "name": f"NATO {HOSTILE}",
                "description": field("target-description"),
                "aliases": ["NATO", *ALL_VECTORS[:10]],
            },
            {
                "name": f"Russia {HOSTILE}",
                "description": field("target-description"),
                "aliases": ["Russia", *ALL_VECTORS[10:20]],
            },
        ],
    }
    path.write_text(yaml.safe_dump(targets, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
