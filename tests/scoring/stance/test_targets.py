"""Targets files: validation with file:line errors, and whole-token, longest-first mentions."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.scoring.stance.targets import Targets, find_mentions, load_targets, parse_targets

SAMPLE = """\
name: sample
targets:
  - name: NATO
    aliases: [NATO, the alliance, alliance, Stoltenberg's alliance, NATO allies]
  - name: Russia
    description: The Russian state.
    aliases: [Russia, Moscow, the Kremlin, Putin, Russian forces]
  - name: United States
    aliases: [United States, U.S., Washington, the Pentagon]
    exact: [US, the US]
    exclude: [Washington Post]
"""


@pytest.fixture(scope="module")
def targets() -> Targets:
    return parse_targets(SAMPLE, "sample.yaml")


def spans(text, targets):
    return [(m.target, m.text) for m in find_mentions(text, targets)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia attacked.", [("Russia", "Russia")]),
        ("Russia’s forces moved.", [("Russia", "Russia")]),  # possessive: the clitic is its own token
        ("Russia's forces moved.", [("Russia", "Russia")]),
        ("Russian forces moved.", [("Russia", "Russian forces")]),  # longest alias wins
        ("A Russian diplomat spoke.", []),  # the adjective alone is no mention
        ("RUSSIA and russia", [("Russia", "RUSSIA"), ("Russia", "russia")]),  # case-insensitive
        ("Stoltenberg’s alliance met.", [("NATO", "Stoltenberg’s alliance")]),  # curly apostrophe folded
        ("NATO allies met; the alliance agreed.", [("NATO", "NATO allies"), ("NATO", "the alliance")]),
        ("Ask us, not the US.", [("United States", "the US")]),  # exact alias: the pronoun is not a mention
        ("US troops", [("United States", "US")]),
        ("The Washington Post says Washington agrees.", [("United States", "Washington")]),  # excluded phrase
        ("Moscowitz and Putinism", []),  # whole tokens only
        ("The U.S. and Moscow.", [("United States", "U.S."), ("Russia", "Moscow")]),
        ("", []),
    ],
)
def test_mentions(text, expected, targets):
    assert spans(text, targets) == expected


def test_mentions_slice_the_text(targets):
    text = "In Washington, the Pentagon said Russia’s and Putin’s forces face the alliance."
    found = find_mentions(text, targets)
    assert [m.target for m in found] == ["United States", "United States", "Russia", "Russia", "NATO"]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_load_from_file_and_metadata(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    loaded = load_targets(path)
    assert loaded.names == ["NATO", "Russia", "United States"]
    assert loaded.name == "sample" and loaded.path == path
    assert loaded.targets[1].description == "The Russian state."
    assert load_targets(loaded) is loaded


def test_bare_list_is_accepted():
    loaded = parse_targets("- name: A\n  aliases: [alpha]\n- name: B\n  aliases: beta\n")
    assert loaded.names == ["A", "B"] and loaded.targets[1].aliases == ("beta",)


def assert_one_line_error(text, line, words):
    """Parsing `text` fails with one line that names the file and line and says `words`."""
    with pytest.raises(FramingError) as err:
        parse_targets(text, "bad.yaml")
    message = str(err.value)
    assert message.startswith(f"bad.yaml:{line}:"), message
    assert words in message and "\n" not in message


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("targets:\n  - name: A\n    aliases: [a]\n    colour: red\n", 4, "unknown key 'colour'"),
        ("targets:\n  - aliases: [a]\n", 2, "without `name`"),
        ("targets:\n  - name: A\n", 2, "no `aliases`"),
        ("targets:\n  - name: A\n    aliases: [a]\n  - name: a\n    aliases: [b]\n", 4, "used twice"),
        ("targets:\n  - name: A\n    aliases: [x y]\n  - name: B\n    aliases: [X  Y]\n", 4, "also names 'A'"),
        ('targets:\n  - name: A\n    aliases: ["..."]\n', 3, "no word"),
        ("targets:\n  - name: A\n    aliases: {a: 1}\n", 3, "list of phrases"),
        ("targets: []\n", 1, "non-empty list"),
        ("name: x\n", 1, "no `targets:`"),
        ("targets:\n  - name: [A\n", 3, "not valid YAML"),
        ("targets:\n  - name: ''\n    aliases: [a]\n", 2, "non-empty text"),
    ],
)
def test_errors_name_file_and_line(text, line, words):
    assert_one_line_error(text, line, words)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(FramingError, match="targets file path"):
        load_targets(None)
    with pytest.raises(FramingError, match="not found"):
        load_targets(tmp_path / "nope.yaml")
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(FramingError, match="empty targets file"):
        load_targets(empty)


def test_bundled_targets_file(repo_root):
    bundled = load_targets(repo_root / "corpora" / "nato-eastern-flank-2022" / "targets.yaml")
    assert bundled.names == ["NATO", "Russia", "Ukraine", "United States"]
    text = "Putin’s Kremlin, Kyiv and Zelensky, the Pentagon and U.S. troops, Stoltenberg's alliance."
    assert [m.target for m in find_mentions(text, bundled)] == [
        "Russia",
        "Russia",
        "Ukraine",
        "Ukraine",
        "United States",
        "United States",
        "NATO",
    ]


def test_bundled_corpus_points_at_its_targets(nato_corpus):
    assert nato_corpus.targets_path is not None and nato_corpus.targets_path.name == "targets.yaml"
    bundled = load_targets(nato_corpus.targets_path)
    counts = {name: 0 for name in bundled.names}
    for text in nato_corpus.articles["clean_text"]:
        for mention in find_mentions(text, bundled):
            counts[mention.target] += 1
    assert all(n > 0 for n in counts.values()), counts


# ---------------------------------------------------------------- frames

FRAMED = """\
targets:
  - name: NATO
    aliases: [NATO]
    frames:
      military-posture: {defensive: 1, buildup: -0.5}
"""


def test_frames_are_parsed_sorted():
    (nato,) = parse_targets(FRAMED, "framed.yaml")
    assert nato.frames == (("military-posture", "buildup", -0.5), ("military-posture", "defensive", 1.0))
    (plain,) = parse_targets("- name: NATO\n  aliases: [NATO]\n")
    assert plain.frames == ()


@pytest.mark.parametrize(
    "frames, line, words",
    [
        ("    frames:\n      no-such-lexicon: {defensive: 1}\n", 5, "no-such-lexicon"),
        ("    frames:\n      military-posture: {offensive: 1}\n", 5, "no category 'offensive'"),
        ("    frames:\n      military-posture:\n        defensive: 0\n", 6, "direction of 'defensive'"),
        ("    frames:\n      military-posture:\n        defensive: 2\n", 6, "[-1, 1]"),
        ("    frames:\n      military-posture:\n        defensive: lots\n", 6, "must be a number"),
        ("    frames: [military-posture]\n", 4, "`frames` must map"),
        ("    frames:\n      military-posture: defensive\n", 5, "must map categories"),
    ],
)
def test_frames_errors_name_file_and_line(frames, line, words):
    text = "targets:\n  - name: NATO\n    aliases: [NATO]\n" + frames
    assert_one_line_error(text, line, words)


def test_frames_lexicon_path_is_relative_to_the_targets_file(tmp_path):
    from framing.lexicons.model import builtin_path

    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "posture.yaml").write_text(
        builtin_path("military-posture").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "targets.yaml"
    path.write_text(
        "- name: NATO\n  aliases: [NATO]\n  frames:\n    lex/posture.yaml: {buildup: -1}\n", encoding="utf-8"
    )
    (nato,) = load_targets(path)
    assert nato.frames == ((str((tmp_path / "lex" / "posture.yaml").resolve()), "buildup", -1.0),)


def test_bundled_targets_have_frames(nato_corpus):
    targets = {t.name: t for t in load_targets(nato_corpus.targets_path)}
    assert ("military-posture", "buildup", -1.0) in targets["NATO"].frames
    assert targets["Russia"].frames == (("military-posture", "russian_threat", -1.0),)


def test_speakers_are_parsed():
    (nato,) = parse_targets("- name: NATO\n  aliases: [NATO]\n  speakers: [Stoltenberg, NATO chief]\n")
    assert nato.speakers == ("Stoltenberg", "NATO chief")
    with pytest.raises(FramingError, match=r"^t.yaml:3: .*speaker"):
        parse_targets('- name: NATO\n  aliases: [NATO]\n  speakers: ["..."]\n', "t.yaml")
