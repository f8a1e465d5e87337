"""Classroom worksheets: blinding, tasks built from the data, escaping, reproducibility."""

from __future__ import annotations

import html
import re

import pytest

from framing.errors import FramingError
from framing.text.words import paragraph_spans
from framing.worksheets.blind import author_names, domain_names, outlet_variants
from framing.worksheets.sources import facts_frame, most_different
from framing.worksheets.tasks import rating
from framing.worksheets.worksheet import Worksheet, build, exercise

TASK_IDS = ("task-loaded", "task-fact", "task-stance", "task-alike", "task-omission")


def _forms(name: str) -> set[str]:
    """A name as it could appear in HTML: as is and escaped, in lower case."""
    return {name.lower(), html.escape(name).lower(), html.escape(name, quote=False).lower()}


def identifying_names(corpus) -> set[str]:
    names = set()
    for row in corpus.articles.itertuples(index=False):
        names.update(outlet_variants(row.outlet))
        names.update(author_names(row.author))
        names.update(domain_names(row.url))
    return {n for n in names if len(n) >= 4}


# -- blinding ----------------------------------------------------------------


def test_worksheet_names_no_outlet_author_or_domain(sheet, nato_corpus):
    page = sheet.html.lower()
    for name in identifying_names(nato_corpus) | {
        "antiwar",
        "defense news",
        "washington examiner",
        "anzalone",
        "sprenger",
        "joe gould",
    }:
        for form in _forms(name):
            assert form not in page, f"worksheet reveals {name!r}"
    for doc_id in nato_corpus.articles["doc_id"]:
        assert doc_id.lower() not in page


def test_worksheet_drops_boilerplate_lines(sheet, nato_corpus):
    page = html.unescape(sheet.html)
    for line in nato_corpus.boilerplate["line"]:
        line = line.strip()
        if len(line.split()) >= 3:
            assert line not in page, f"boilerplate kept: {line!r}"


def test_key_names_every_shown_outlet_and_author(sheet):
    key = sheet.key_html
    for source in sheet.data.sources:
        assert html.escape(source.outlet) in key
        if source.author:
            assert html.escape(source.author) in key
        assert f"Source {source.letter}" in key


def test_worksheet_prints_no_stray_quotation_marks(sheet):
    # every excerpt's curly quotes pair up (Defense News's fact sentences are cut from longer quotes)
    for page in (sheet.html, sheet.key_html):
        for item in re.findall(r"<li>(.*?)</li>", page, flags=re.S):
            text = html.unescape(re.sub(r"<[^>]+>", "", item))
            assert text.count("“") == text.count("”"), text


def test_paragraph_spans_slice_stripped_paragraphs():
    text = "  One.\n\nTwo two.\n \n\nThree.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two two.", "Three."]


def test_a_text_with_one_paragraph_per_line_keeps_its_paragraphs():
    text = "Headline here\nFirst paragraph.\nSecond one.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Headline here", "First paragraph.", "Second one."]


def test_every_source_keeps_its_paragraphs_and_prints_its_headline_once(sheet, nato_corpus):
    for source in sheet.data.sources:
        assert len(source.paragraphs) >= 3, source.doc_id  # 003-unattributed-b has one paragraph per line
        first = "".join(seg.text for seg in source.paragraphs[0]).strip().lower()
        title = "".join(seg.text for seg in source.title).strip().lower()
        assert not title or first != title, source.doc_id


def test_key_words_skip_neutral_report_verbs_and_keep_the_text_s_capitals(sheet):
    words = sheet.data.topic.split(", ")
    assert "said" not in [w.lower() for w in words]
    assert "NATO" in words and "nato" not in words


def test_task_5_does_not_say_which_source_worded_each_fact(sheet):
    task = html.unescape(sheet.html.split('id="task-omission"')[1])
    assert "puts it)" not in task
    key = html.unescape(sheet.key_html.split('id="task-omission"')[1])
    assert "puts it)" in key  # the teacher still sees whose wording it is


def test_worksheet_and_key_have_a_main_landmark_and_no_aria_label_on_writing_lines(sheet):
    for page in (sheet.html, sheet.key_html):
        assert page.count("<main>") == 1 and "</main>" in page
        assert 'class="lines" aria-label' not in page


# -- tasks are built from the data ---------------------------------------------


def test_every_task_present_in_worksheet_and_key(sheet):
    for page in (sheet.html, sheet.key_html):
        for task_id in TASK_IDS:
            assert f'id="{task_id}"' in page
    for source in sheet.data.sources:
        assert f'id="source-{source.letter}"' in sheet.html
    assert "Teacher's guide" in html.unescape(sheet.key_html)


def test_passage_marks_are_evidence_of_that_source(sheet, analysed):
    corpus, scores, _ = analysed
    task = sheet.data.passage
    source = next(s for s in sheet.data.sources if s.letter == task.letter)
    assert task.hits, "the bundled corpus has loaded and frame words"
    evidence = scores.evidence[
        (scores.evidence["doc_id"] == source.doc_id) & scores.evidence["family"].isin(["loaded", "frame"])
    ]
    assert {h.text for h in task.hits} <= set(evidence["text"])
    assert "".join(s.text for s in task.plain) == "".join(s.text for s in task.marked)
    assert not any(s.mark for s in task.plain if s.mark != "redacted")
    marked_words = [s.text for s in task.marked if s.mark in ("loaded", "frame")]
    assert len(marked_words) == len(task.hits)
    for word in marked_words:  # the key marks them, the worksheet does not
        assert f">{html.escape(word)}</mark>" in sheet.key_html
        assert f">{html.escape(word)}</mark>" not in sheet.html


def test_same_fact_wordings_come_from_one_aligned_fact(sheet, analysed):
    _, _, comparison = analysed
    facts = facts_frame(comparison)
    task = sheet.data.same_fact
    assert 2 <= len(task.wordings) <= 3
    letters = [w.letter for w in task.wordings]
    assert len(set(letters)) == len(letters)
    docs = {s.letter: s.doc_id for s in sheet.data.sources}
    fact_rows = facts[facts["fact"] == task.fact]
    for wording in task.wordings:
        assert docs[wording.letter] in set(fact_rows["doc_id"])


def test_stance_cells_follow_the_scores(sheet, analysed):
    _, scores, _ = analysed
    task = sheet.data.stance
    assert task.targets and set(task.targets) <= set(scores.stance["target"])
    table = scores.stance.set_index(["doc_id", "target"])
    for source in sheet.data.sources:
        for target in task.targets:
            cell = task.cells[(source.letter, target)]
            row = table.loc[(source.doc_id, target)]
            assert cell.mentions == int(row["mentions"])
            if cell.mentions:
                assert cell.score == pytest.approx(float(row["score"]))
                assert cell.rating == rating(float(row["score"]), int(row["mentions"]), str(row["label"]))
            else:
                assert cell.rating is None


def test_alike_key_matches_outlet_similarity(sheet, analysed):
    _, _, comparison = analysed
    task = sheet.data.alike
    outlet = {s.letter: s.outlet for s in sheet.data.sources}
    sim = comparison.outlet_similarity
    best = max(
        ((a, b) for a in task.letters for b in task.letters if a < b), key=lambda p: sim.loc[outlet[p[0]], outlet[p[1]]]
    )
    assert set(task.pairs[0][:2]) == set(best)
    assert task.pairs[0][2] == pytest.approx(sim.loc[outlet[best[0]], outlet[best[1]]], abs=1e-3)


def test_omission_grid_matches_the_facts(sheet, analysed):
    _, _, comparison = analysed
    facts = facts_frame(comparison)
    task = sheet.data.omission
    docs = {s.letter: s.doc_id for s in sheet.data.sources}
    assert task.facts
    for fact in task.facts:
        text = "".join(s.text for s in fact.wording)
        matches = facts[facts["text"].str.contains(re.escape(text[:40]), regex=True)]
        assert not matches.empty
        reported_docs = set(facts[facts["fact"] == matches["fact"].iloc[0]]["doc_id"])
        assert fact.reported == {who: docs[who] in reported_docs for who in task.letters}


def test_omission_grid_agrees_with_the_omission_matrix(sheet, analysed):
    _, _, comparison = analysed
    omissions = comparison.omissions.set_index("fact")
    facts = facts_frame(comparison)
    outlet = {s.letter: s.outlet for s in sheet.data.sources}
    for fact in sheet.data.omission.facts:
        text = "".join(s.text for s in fact.wording)
        fact_id = facts[facts["text"].str.contains(re.escape(text[:40]), regex=True)]["fact"].iloc[0]
        assert fact.reported == {who: bool(omissions.loc[fact_id, outlet[who]]) for who in fact.reported}


# -- reproducibility, --sources, seed --------------------------------------------


def test_byte_identical_reruns(sheet, analysed, tmp_path):
    corpus, scores, comparison = analysed
    again = exercise(corpus, scores=scores, comparison=comparison)
    assert again.html == sheet.html and again.key_html == sheet.key_html
    sheet.save(tmp_path / "a.html")
    again.save(tmp_path / "b.html")
    sheet.save_key(tmp_path / "ka.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes() == sheet.html.encode()
    assert (tmp_path / "ka.html").read_bytes() == sheet.key_html.encode()


def test_full_pipeline_is_deterministic(nato_corpus, sheet):
    assert exercise(nato_corpus).html == sheet.html


def test_sources_picks_the_most_different_outlets(analysed):
    corpus, scores, comparison = analysed
    data = build(corpus, scores, comparison, sources=3)
    assert len(data.sources) == 3 and data.letters == ("A", "B", "C")
    outlets = sorted(s.outlet for s in data.sources)
    assert outlets == most_different(list(corpus.outlets), comparison.outlet_similarity, 3)
    assert "3 of the 5" in data.selection


def test_two_sources_still_make_every_task(analysed):
    corpus, scores, comparison = analysed
    sheet = Worksheet(build(corpus, scores, comparison, sources=2, seed=3))
    assert sheet.data.letters == ("A", "B")
    assert len(sheet.data.same_fact.wordings) == 2
    omission = sheet.data.omission
    if omission.facts:
        assert omission.answer or omission.note
    else:  # the two most different sources share no aligned fact: the task says so instead of inventing one
        assert "aligned no fact" in omission.note and sheet.data.same_fact.note
    for task_id in TASK_IDS:
        assert f'id="{task_id}"' in sheet.html


@pytest.mark.parametrize("n", [1, 6])
def test_sources_out_of_range_is_a_clear_error(analysed, n):
    corpus, scores, comparison = analysed
    with pytest.raises(FramingError, match=r"--sources .*between 2 and 5"):
        build(corpus, scores, comparison, sources=n)


def test_repr_html_is_an_escaped_iframe(sheet):
    shown = sheet._repr_html_()
    assert shown.startswith("<iframe") and "<script" not in shown
    inner = html.unescape(shown.split('srcdoc="', 1)[1].rsplit('"', 1)[0])
    assert inner == sheet.html.replace("base-uri 'none'; ", "").replace(
        '<meta charset="utf-8">\n', '<meta charset="utf-8">\n<base href="about:srcdoc">\n'
    )
    assert '<base href="about:srcdoc">' not in sheet.html


# -- hostile input ---------------------------------------------------------------

HOSTILE = "<script>alert(1)</script>"
EVIL_IMG = '<img src=x onerror="alert(2)">'


def _write(folder, name, outlet, author, url, title, body):
    def quoted(value):
        return "'" + value.replace("'", "''") + "'"

    folder.joinpath(name).write_text(
        f"---\noutlet: {quoted(outlet)}\nauthor: {quoted(author)}\nurl: {quoted(url)}\ntitle: {quoted(title)}\n"
        f"date: 2022-03-16\n---\n{body}\n",
        encoding="utf-8",
    )


def test_hostile_corpus_is_escaped_and_blinded(tmp_path):
    from framing.corpus.model import load_corpus

    shared = (
        "NATO will deploy 40,000 troops on its eastern flank to deter Russia. "
        "The alliance plans four new battlegroups in Slovakia and Hungary."
    )
    _write(
        tmp_path,
        "a.md",
        f"Evil {HOSTILE} News",
        f"Mallory {EVIL_IMG}",
        "javascript:alert(3)",
        f"Title {EVIL_IMG}",
        f"{shared} A massive {HOSTILE} provocation, says Evil {HOSTILE} News.\n\n"
        f"Critics {EVIL_IMG} call it a dangerous escalation.",
    )
    _write(
        tmp_path,
        "b.md",
        "Calm Gazette",
        "Trent O'Neil",
        "https://www.calmgazette.org/x",
        "A calm title",
        f"{shared} Officials said the defensive move reassures allies, CalmGazette.org reports.",
    )
    _write(
        tmp_path,
        "c.md",
        "Third Post",
        "",
        "",
        "Third title",
        "NATO troops on the eastern flank number 40,000 after Russia invaded. Moscow calls it a threat.",
    )
    sheet = exercise(load_corpus(tmp_path), seed=1)
    for page in (sheet.html, sheet.key_html):
        lowered = page.lower()
        assert "<script" not in lowered and "<img" not in lowered and 'href="javascript' not in lowered
        assert 'onerror="alert' not in lowered
    assert "&lt;script&gt;" in sheet.html  # the article's own text, shown as text
    for name in ("Evil", "Mallory", "Calm Gazette", "calmgazette", "Third Post", "O&#39;Neil", "Trent"):
        assert name.lower() not in sheet.html.lower(), name
    assert "Calm Gazette" in sheet.key_html and "javascript:alert(3)" in sheet.key_html


def test_too_few_outlets_is_a_clear_error(tmp_path):
    from framing.corpus.model import load_corpus

    _write(tmp_path, "a.md", "Only One", "", "", "t", "NATO deploys troops. Russia objects.")
    with pytest.raises(FramingError, match="at least 2 outlets"):
        exercise(load_corpus(tmp_path))


def test_worksheet_object_saves_atomically(sheet, tmp_path):
    target = tmp_path / "deep" / "w.html"
    assert isinstance(sheet, Worksheet)
    sheet.save(target)
    assert target.read_text(encoding="utf-8") == sheet.html
    assert not list(target.parent.glob(".*.tmp"))


def test_framing_exercise_stays_callable_after_its_module_is_imported():
    import importlib

    import framing

    module = importlib.import_module("framing.worksheets.worksheet")
    assert framing.exercise is module.exercise  # a function, never shadowed by a module of the same name
    assert framing.Worksheet is Worksheet


@pytest.mark.data
def test_real_table_worksheet_is_blind(shared_data, tmp_path):
    """300 AllSides articles: the worksheet names none of its sources, outlets or authors."""
    import pandas as pd

    from framing.corpus.model import load_corpus

    rows = pd.read_json(shared_data / "allsides-10k.jsonl.gz", lines=True, nrows=300, dtype=False)
    rows.rename(columns={"authors": "author"}).to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    corpus = load_corpus(tmp_path / "t.jsonl", id_column="id")
    sheet = exercise(corpus)
    page = sheet.html.lower()
    assert len(sheet.data.sources) >= 3
    for source in sheet.data.sources:
        for name in {*outlet_variants(source.outlet), *author_names(source.author), *domain_names(source.url)}:
            if len(name) >= 3:
                for form in _forms(name):
                    assert not re.search(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", page), f"reveals {name!r}"
        assert html.escape(source.outlet) in sheet.key_html


def test_without_aligned_facts_task_2_compares_opening_sentences(analysed):
    import types

    import pandas as pd

    corpus, scores, comparison = analysed
    no_facts = types.SimpleNamespace(
        **{k: getattr(comparison, k) for k in ("stories", "story_labels", "outlet_similarity")},
        facts=pd.DataFrame(columns=["fact", "doc_id", "sentence", "text"]),
    )
    data = build(corpus, scores, no_facts)
    assert data.same_fact.note and len(data.same_fact.wordings) == 3
    texts = corpus.articles.set_index("doc_id")["clean_text"]
    for wording in data.same_fact.wordings:
        doc = next(s.doc_id for s in data.sources if s.letter == wording.letter)
        assert texts[doc].lstrip().startswith("".join(p.text for p in wording.plain)[:20])
    assert data.omission.facts == () and "no fact" in data.omission.note
    Worksheet(data).html  # noqa: B018  (reading the property renders the worksheet: the test)


def test_pages_are_self_contained_and_script_free(sheet):
    from framing.templating import environment

    assert environment().autoescape is True
    for page in (sheet.html, sheet.key_html):
        assert "<script" not in page.lower() and "<style>" in page
        assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', page)
        assert not re.search(r"@import|url\(", page)


def test_marked_words_are_named_by_their_lexicon_s_labels(sheet):
    import re

    from framing.lexicons.model import load_lexicon

    names = [
        n
        for lex in ("military-posture", "policy-frames", "loaded-language")
        for n in load_lexicon(lex).categories
        if "_" in n
    ]
    for page in (sheet.html, sheet.key_html):
        shown = re.sub(r"<[^>]+>", " ", page)
        assert [n for n in names if n in shown] == []
    assert "loaded language: fact verbs (realize, reveal)" in sheet.key_html  # "factive" before
