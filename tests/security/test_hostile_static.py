"""Hostile inputs, read back from the HTML and JSON the commands wrote: text stays text.

What the static checks prove that the browser cannot: that no element,
attribute or URL from the input exists in the file at all (so no other
browser, mail client or viewer can run it), that the only scripts are the
project's own and pinned by hash in the Content-Security-Policy, and that the
JSON sidecar holds each hostile string exactly, as data.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.security.hostile_inputs import HOSTILE, OUTLETS
from tests.security.pages import build
from tests.security.vectors import ALL_VECTORS

# Elements no page of ours contains: any of them in a page came from the input.
FORBIDDEN_TAGS = {
    "iframe",
    "object",
    "embed",
    "img",
    "form",
    "frame",
    "frameset",
    "audio",
    "video",
    "source",
    "link",
    "base",
    "math",
    "marquee",
    "select",
    "textarea",
    "button",
    "animate",
    "foreignobject",
    "noscript",
}
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcdoc", "data", "poster", "background"}


class Page(HTMLParser):
    """Tags with attributes, each script's text, each style element's text, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.script_types: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._inside = tag
            (self.scripts if tag == "script" else self.styles).append("")
            if tag == "script":
                self.script_types.append((dict(attrs).get("type") or "text/javascript").lower())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "script":
            self.scripts[-1] += data
        elif self._inside == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def csp(page: Page) -> str:
    policies = [
        attrs.get("content") or ""
        for tag, attrs in page.tags
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(policies) == 1, policies
    return policies[0]


JSON_TYPES = {"application/json", "application/ld+json"}
ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_TAG = re.compile(r"<([a-z][a-z0-9]*)")
PAGE_NAMES = ("report", "report-folder", "worksheet", "key")


@pytest.fixture(scope="module")
def parsed(pages):
    return {name: parse(pages[name].read_text(encoding="utf-8")) for name in PAGE_NAMES}


@pytest.fixture(scope="module")
def benign_tags(tmp_path_factory):
    """The kinds of element our templates write, and those of the same pages made from the bundled corpus."""
    folder = tmp_path_factory.mktemp("benign")
    report = build(folder, ["report", "-o", str(folder / "report.html")], folder / "report.html")
    worksheet = build(
        folder,
        ["exercise", "-o", str(folder / "worksheet.html"), "--key", str(folder / "key.html")],
        folder / "worksheet.html",
    )
    written = {
        tag
        for tag in TEMPLATE_TAG.findall(
            "".join(path.read_text(encoding="utf-8") for path in (ROOT / "framing").rglob("templates/*.html"))
        )
    }
    tags = {
        path.stem: written | {tag for tag, _ in parse(path.read_text(encoding="utf-8")).tags}
        for path in (report, worksheet, folder / "key.html")
    }
    return {
        "report": tags["report"],
        "report-folder": tags["report"],
        "worksheet": tags["worksheet"],
        "key": tags["key"],
    }


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_policy_forbids_everything_but_inline_styles_data_images_and_hashed_scripts(parsed, name):
    policy = csp(parsed[name])
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    script_policy = next((part for part in policy.split(";") if part.strip().startswith("script-src")), "")
    assert "unsafe-inline" not in script_policy and "unsafe-eval" not in script_policy
    for script, kind in zip(parsed[name].scripts, parsed[name].script_types):
        if kind in JSON_TYPES:  # a data block: nothing in it may end the element or open a comment
            assert "<!--" not in script and "</" not in script.lower(), script[:200]
            json.loads(script)
            continue
        # every program is the project's own, allowed by its exact hash
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in script_policy, script[:200]
        assert "pwned" not in script and "alert(" not in script and "evil.example" not in script


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_element_attribute_or_url_from_the_input_survives(parsed, benign_tags, name):
    page = parsed[name]
    tags = {tag for tag, _ in page.tags}
    assert not tags & FORBIDDEN_TAGS, tags & FORBIDDEN_TAGS
    assert tags <= benign_tags[name], tags - benign_tags[name]  # no kind of element the benign page lacks
    assert [attrs for tag, attrs in page.tags if tag == "meta" and "refresh" in str(attrs).lower()] == []
    for tag, attrs in page.tags:
        for attribute, value in attrs.items():
            assert not attribute.startswith("on"), (tag, attribute, value)
            if attribute in URL_ATTRIBUTES and value is not None:
                assert value.startswith("#") or value.startswith("data:image/"), (tag, attribute, value[:120])
            if attribute == "style" and value:
                # SVG hatching refers to its own patterns, url(#id); nothing else may be fetched
                assert not re.search(r"url\((?!#)|expression\(|@import", value, re.I), (tag, value[:120])
    for style in page.styles:
        assert "evil.example" not in style and "@import" not in style and "expression(" not in style


@pytest.mark.parametrize("name", ("report", "report-folder"))
def test_every_vector_is_shown_as_text_in_the_report(parsed, name):
    text = squeeze("".join(parsed[name].text))
    missing = [vector for vector in ALL_VECTORS if squeeze(vector) not in text]
    assert not missing, missing[:5]
    for marker in (
        "FIELDoutlet",
        "FIELDtitle",
        "FIELDauthor",
        "FIELDextra",
        "FIELDurl",
        "FIELDcategory-description",
        "FIELDlexicon-description",
    ):
        assert marker in text, marker
    assert "{{7*7}}" in text and "${7*7}" in text  # template syntax is never evaluated
    if name == "report":  # a table's date that is no date is kept, as text, beside "undated"
        assert "FIELDdate" in text


def test_the_title_option_and_corpus_yaml_fields_are_text(parsed):
    assert "FIELDtitle-option" in "".join(parsed["report"].text)
    folder_text = "".join(parsed["report-folder"].text)
    assert "FIELDdescription" in folder_text or "FIELDname" in folder_text


def test_the_worksheet_and_key_show_the_article_vectors_as_text(parsed):
    for name in ("worksheet", "key"):
        text = squeeze("".join(parsed[name].text))
        shown = [vector for vector in ALL_VECTORS if squeeze(vector) in text]
        assert len(shown) >= len(ALL_VECTORS) // 2, (name, len(shown))


@pytest.mark.parametrize("name", ("report", "report-folder"))
def test_json_sidecar_holds_each_hostile_string_exactly_as_data(pages, name):
    sidecar = pages[name].with_name(pages[name].name + ".json")
    raw = sidecar.read_text(encoding="utf-8")
    data = json.loads(raw)
    dumped = json.dumps(data, ensure_ascii=False)
    assert all(
        f"{outlet} FIELDoutlet {HOSTILE}" in dumped or json.dumps(f"{outlet} FIELDoutlet")[1:-1] in dumped
        for outlet in OUTLETS
    )
    assert "<script" in dumped  # the payloads are kept as the data they are, not silently dropped


def test_a_folder_refuses_a_hostile_date_in_one_line(tmp_path):
    from tests.cli.runner import run_main

    article = tmp_path / "corpus" / "a.md"
    article.parent.mkdir()
    article.write_text(
        '---\noutlet: X\ndate: "<script>alert(1)</script>"\n---\nNATO said more troops will deploy.\n', encoding="utf-8"
    )
    outcome = run_main("report", str(article.parent), "-o", str(tmp_path / "r.html"))
    assert outcome.exit_code == 2 and "a.md" in outcome.stderr and "YYYY-MM-DD" in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1 and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    "colour",
    [
        "red;background:url(http://evil.example/colour)",
        '#00f" onload="alert(1)',
        "expression(alert(1))",
        "</style><script>alert(1)</script>",
    ],
)
def test_a_lexicon_colour_that_is_not_a_hex_colour_is_refused(tmp_path, colour):
    import yaml

    from tests.cli.runner import run_main

    lexicon = tmp_path / "bad-colour.yaml"
    lexicon.write_text(
        yaml.safe_dump(
            {
                "name": "bad-colour",
                "description": "d",
                "version": "1",
                "source": "s",
                "licence": "MIT",
                "categories": {"c": {"description": "d", "colour": colour, "entries": ["buildup"]}},
            }
        ),
        encoding="utf-8",
    )
    outcome = run_main("report", "-l", str(lexicon), "-o", str(tmp_path / "r.html"))
    assert outcome.exit_code == 2 and "bad-colour.yaml" in outcome.stderr and "hex colour" in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1 and not (tmp_path / "r.html").exists()
