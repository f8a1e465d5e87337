"""Small real input files for the corpus tests (written into tmp_path by each test)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROWS = [
    {
        "id": "a1",
        "outlet": "Harbour Gazette",
        "title": "Allies meet",
        "date": "2022-03-16",
        "author": "Maria Lind",
        "url": "https://example.org/a1",
        "section": "world",
        "text": "NATO defence ministers met in Brussels on Wednesday.\n\nThey discussed the eastern flank.",
    },
    {
        "id": "a2",
        "outlet": "Valley Post",
        "title": "Troops on alert",
        "date": "March 17, 2022",
        "author": "",
        "url": "",
        "section": "politics",
        "text": "Roughly 100,000 U.S. troops are in Europe, officials said.\n\nMore may follow.",
    },
    {
        "id": "a3",
        "outlet": "Valley Post",
        "title": "A later look",
        "date": "not a date",
        "author": "Jo Park",
        "url": "",
        "section": "world",
        "text": "The alliance is expanding its posture from Finland to Bulgaria.",
    },
]

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Baltic states ask for permanent NATO bases | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="Baltic states ask for permanent NATO bases">
<meta name="author" content="Maria Lind">
<meta property="article:published_time" content="2022-04-12T08:30:00+02:00">
<link rel="canonical" href="https://harbourgazette.example/world/2022/04/12/baltic-bases">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>Baltic states ask for permanent NATO bases</h1>
<p>Estonia, Latvia and Lithuania on Tuesday asked NATO allies to station combat brigades permanently on
their territory, arguing that rotating battalions are no longer enough to deter Russia.</p>
<p>“A tripwire is not a defence,” Estonian Prime Minister Kaja Kallas told reporters in Tallinn.
“We need forces that can hold the ground from the first day.”</p>
<p>Alliance officials said the request would be discussed by defence ministers in June, ahead of the
leaders’ summit in Madrid.</p>
<p>Germany, which leads the battlegroup in Lithuania, said it was ready to contribute more troops but
stopped short of endorsing permanent basing.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm closes harbour</a></li></ul></aside>
<footer><p>© 2022 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


def write_csv(path: Path, rows=ROWS) -> Path:
    import pandas as pd

    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def write_jsonl(path: Path, rows=ROWS) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def write_parquet(path: Path, rows=ROWS) -> Path:
    import pandas as pd

    pd.DataFrame(rows).to_parquet(path, index=False)
    return path


def article_file(outlet="Harbour Gazette", text="Ministers met on Wednesday.\n", **meta) -> str:
    lines = [f"outlet: {outlet}"] if outlet is not None else []
    lines += [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + text


def write_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "b-post.md").write_text(
        article_file(
            "Valley Post", "Troops arrived in Latvia.\n\nMore will come.\n", title="Troops arrive", date="2022-03-17"
        ),
        encoding="utf-8",
    )
    (folder / "a-gazette.txt").write_text(
        article_file(
            "Harbour Gazette",
            "NATO ministers met on Wednesday.\n",
            title="Ministers meet",
            date="2022-03-16",
            author="Maria Lind",
            language="en",
            date_note="from the dateline",
        ),
        encoding="utf-8",
    )
    (folder / "corpus.yaml").write_text(
        "name: tiny-study\ndescription: Two articles.\nlicence: CC0\n", encoding="utf-8"
    )
    (folder / "README.md").write_text("# A datasheet, not an article\n", encoding="utf-8")
    return folder
