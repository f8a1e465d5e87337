"""A corpus made of attacks renders as plain text: no live element, attribute or URL gets through."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from tests.reporting.hostile import PAYLOADS, write_hostile_corpus

URL_ATTRIBUTES = ("href", "src", "xlink:href", "action", "formaction", "srcdoc", "data", "poster")


class Collect(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collect:
    parser = Collect()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from framing.corpus.model import load_corpus
    from framing.reporting import report

    folder = write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "hostile")
    result = report(load_corpus(str(folder)), title="Report <script>alert(1)</script> {{ 7*7 }}")
    path = result.save(tmp_path_factory.mktemp("out") / "hostile.html")
    return result, path.read_text(encoding="utf-8"), path


def assert_harmless(page: str, embedded: bool = False):
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    if embedded:  # the notebook iframe's page keeps its links inside itself, and nothing more
        assert [a for tag, a in parsed.tags if tag == "base"] == [{"href": "about:srcdoc"}]
        tags.discard("base")
    every = [attrs for tag, attrs in parsed.tags if tag == "script"]
    scripts = [attrs for attrs in every if attrs.get("type") != DATA_TYPE]
    assert len(scripts) <= (0 if embedded else 1) and all(attrs == {} for attrs in scripts), scripts
    assert_data_blocks_are_inert(page)
    if scripts:
        assert_only_our_script(page)
    tags.discard("script")
    assert not tags & {"img", "iframe", "object", "embed", "link", "base", "form", "frame", "audio", "video"}
    for tag, attrs in parsed.tags:
        if embedded and tag == "base":
            continue
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES and value is not None:
                lowered = value.strip().lower()
                assert not lowered.startswith(("javascript:", "http:", "https:", "//", "vbscript:")), (tag, name, value)
                inline_png = tag == "image" and lowered.startswith("data:image/png;base64,")
                assert name not in ("href", "xlink:href") or lowered.startswith("#") or inline_png, (tag, name, value)
        if tag == "svg":
            assert attrs.get("class") == "figure-svg", "only the program's own figures may be SVG"
            assert re.fullmatch(r"min-width:\d+px", attrs.get("style", "")), "a figure's only style is its least width"
    return parsed


DATA_TYPE = "application/json"
DATA_BLOCK = re.compile(r'<script type="application/json" id="([a-z-]+)">(.*?)</script>', re.S)


def assert_data_blocks_are_inert(page: str) -> None:
    """Each JSON data block has only its type and id, holds no "<" (so no text can close it or open a comment) and parses."""
    blocks = DATA_BLOCK.findall(page)
    assert page.count(f'<script type="{DATA_TYPE}"') == len(blocks)
    for name, body in blocks:
        assert "<" not in body and ">" not in body, name
        json.loads(body)


def assert_only_our_script(page: str) -> None:
    """The one inline script is the package's report.js, byte for byte, and the CSP allows it by hash alone."""
    from framing.reporting.render import script_hash
    from framing.resources import read_data_text

    ours = read_data_text("framing.reporting.templates", "report.js")
    runnable = page.count("<script") - page.count(f'<script type="{DATA_TYPE}"')
    assert runnable == 1 and f"<script>{ours}</script>" in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    csp = html.unescape(csp)
    assert f"script-src {script_hash(ours)};" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "unsafe-eval" not in csp and "eval(" not in ours and "innerHTML" not in ours


def test_no_live_element_attribute_or_url(hostile):
    _, page, _ = hostile
    assert_harmless(page)


def test_payloads_are_shown_as_text(hostile):
    _, page, _ = hostile
    text = "".join(parse(page).text)
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page  # data is never evaluated as a template


def test_title_outlet_author_url_and_notes_are_escaped(hostile):
    _, page, _ = hostile
    assert "<title>Report &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}</title>" in page
    assert "&lt;img src=x onerror=alert(1)&gt; Author" in page
    assert '<span class="url">javascript:alert(1)</span>' in page
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt; Times" in page or "&quot;&gt;&lt;svg onload=alert(1)&gt; Times" in page


def test_the_only_styles_and_scripts_are_ours(hostile):
    _, page, _ = hostile
    parsed = parse(page)
    assert [tag for tag, _ in parsed.tags].count("style") == 1  # the report's own stylesheet; figures carry none
    csp = [a["content"] for tag, a in parsed.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0].startswith("default-src 'none'; script-src 'sha256-")
    assert_only_our_script(page)


def test_json_keeps_the_text_as_data(hostile):
    result, _, path = hostile
    data = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    assert data["overview"]["description"].startswith("Hostile <script>")
    assert "<script>alert(1)</script> News" in [row[0] for row in data["overview"]["table"]["rows"]]


def test_notebook_display_is_one_sandboxed_iframe(hostile):
    result, _, _ = hostile
    shown = result._repr_html_()
    parsed = parse(shown)
    assert [tag for tag, _ in parsed.tags] == ["iframe"]
    assert "sandbox" in parsed.tags[0][1] and "allow-scripts" not in parsed.tags[0][1]["sandbox"]
    assert_harmless(parsed.tags[0][1]["srcdoc"], embedded=True)
    assert "<script" not in shown and parsed.tags[0][1]["title"].startswith("Report <script>")
