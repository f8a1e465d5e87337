"""Saved HTML pages: the article text without page furniture, and its outlet."""

from __future__ import annotations

import pandas as pd

from framing.corpus.readers import read_source
from tests.corpus.fixtures import HTML_PAGE


def test_html_outlet_falls_back_to_the_canonical_host(tmp_path):
    page = HTML_PAGE.replace('<meta property="og:site_name" content="The Harbour Gazette">', "")
    (tmp_path / "p.html").write_text(page.replace(" | The Harbour Gazette", ""), encoding="utf-8")
    assert read_source(tmp_path).frame["outlet"].tolist() == ["harbourgazette.example"]


def test_saved_html_page_via_trafilatura(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "baltic-bases.html").write_text(HTML_PAGE, encoding="utf-8")
    raw = read_source(tmp_path / "pages")
    article = raw.frame.iloc[0]
    assert article["doc_id"] == "baltic-bases"
    assert article["outlet"] == "The Harbour Gazette"
    assert article["title"] == "Baltic states ask for permanent NATO bases"
    assert article["author"] == "Maria Lind"
    assert article["date"] == pd.Timestamp("2022-04-12")
    assert article["url"] == "https://harbourgazette.example/world/2022/04/12/baltic-bases"
    assert "A tripwire is not a defence" in article["text"]
    for furniture in ("cookies", "Storm closes harbour", "All rights reserved", "Home"):
        assert furniture not in article["text"]


def test_saved_pages_skip_drafts_and_readmes_like_article_files(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("baltic-bases.html", "_draft.html", "README.html", ".hidden.html"):
        (tmp_path / "pages" / name).write_text(HTML_PAGE, encoding="utf-8")
    raw = read_source(tmp_path / "pages")
    assert raw.frame["doc_id"].tolist() == ["baltic-bases"]


def test_html_outlet_from_og_site_name_when_sitename_is_missing():
    from framing.corpus.readers.html import _site_name

    assert _site_name('<meta content="Valley &amp; Post" property="og:site_name">') == "Valley & Post"
