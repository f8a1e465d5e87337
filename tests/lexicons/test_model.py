"""The lexicon file format: loading, defaults, provenance and errors that cite the line."""

from __future__ import annotations

import hashlib

import pytest

from framing.errors import FramingError
from framing.lexicons.model import Category, Contrast, Entry, Lexicon, builtin_lexicons, load_lexicon, of_family
from tests.lexicons.small_lexicon import GOOD, write


def test_load_lexicon_reads_every_field(tmp_path):
    path = write(tmp_path, GOOD)
    lexicon = load_lexicon(path)
    assert isinstance(lexicon, Lexicon)
    assert (lexicon.name, lexicon.version, lexicon.source, lexicon.licence) == ("test-posture", "0.1", "tests", "MIT")
    assert lexicon.citation == "nobody (2026)"
    assert lexicon.path == path
    assert lexicon.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert list(lexicon.categories) == ["defensive", "buildup"]
    defensive = lexicon.categories["defensive"]
    assert isinstance(defensive, Category) and defensive.colour == "#0072B2"
    assert defensive.entries == (
        Entry("deterrence", 1.0, False),
        Entry("defen*", 1.0, True),
        Entry("safe and secure", 2.0, False),
    )
    assert lexicon.categories["buildup"].colour == "#D55E00"  # normalised to upper case
    assert lexicon.contrasts == (Contrast("balance", "defensive", "buildup", "defensive minus buildup"),)
    assert lexicon.case_sensitive is False
    assert lexicon.entry_count() == 5


def test_builtin_copies_do_not_share_their_category_dict():
    first = load_lexicon("military-posture")
    first.categories.pop("defensive")
    assert "defensive" in load_lexicon("military-posture").categories


def test_builtins_are_found_by_name():
    assert builtin_lexicons() == ["loaded-language", "military-posture", "policy-frames"]
    assert load_lexicon("military-posture").name == "military-posture"


def test_unknown_name_lists_the_builtins():
    with pytest.raises(
        FramingError, match="no-such: no such lexicon file or built-in lexicon; built-ins are loaded-language"
    ):
        load_lexicon("no-such")


def test_british_and_american_spellings_of_keys(tmp_path):
    text = GOOD.replace("licence: MIT", "license: MIT").replace('colour: "#0072B2"', 'color: "#0072B2"')
    lexicon = load_lexicon(write(tmp_path, text))
    assert lexicon.licence == "MIT" and lexicon.categories["defensive"].colour == "#0072B2"


def test_case_sensitive_flag(tmp_path):
    lexicon = load_lexicon(write(tmp_path, GOOD + "case_sensitive: true\n"))
    assert lexicon.case_sensitive is True


def test_family_defaults_to_frames(tmp_path):
    assert load_lexicon(write(tmp_path, GOOD)).family == "frames"


@pytest.mark.parametrize("family", ["frames", "loaded-language", "policy-frames"])
def test_family_is_read_from_the_file(tmp_path, family):
    assert load_lexicon(write(tmp_path, GOOD + f"family: {family}\n")).family == family


def test_builtin_families_come_from_their_files():
    families = {name: load_lexicon(name).family for name in builtin_lexicons()}
    assert families == {
        "loaded-language": "loaded-language",
        "military-posture": "frames",
        "policy-frames": "policy-frames",
    }


def test_pattern_category_needs_no_entries(tmp_path):
    text = GOOD.replace(
        "contrasts:",
        '  quotes:\n    description: scare quotes\n    colour: "#AA4499"\n    pattern: scare_quotes\ncontrasts:',
    )
    category = load_lexicon(write(tmp_path, text)).categories["quotes"]
    assert category.pattern == "scare_quotes" and category.entries == ()


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('version: "0.1"\n', "", r"lex.yaml:1: the lexicon file is missing the required key 'version'"),
        ('    colour: "#0072B2"\n', "", r"lex.yaml:9: category 'defensive' is missing the required key 'colour'"),
        ('"#0072B2"', '"blue"', r"lex.yaml:10: category 'defensive': colour 'blue' is not a hex colour"),
        ('"#0072B2"', '"#0072B"', r"lex.yaml:10: .*not a hex colour"),
        ("weight: 2}", "weight: heavy}", r"lex.yaml:14: weight must be a finite number, not 'heavy'"),
        ("weight: 2}", "weight: .nan}", r"lex.yaml:14: weight must be a finite number"),
        (
            "    negative: buildup",
            "    negative: escalation",
            r"lex.yaml:24: contrast 'balance': negative category 'escalation' is not defined",
        ),
        (
            "    negative: buildup",
            "    negative: defensive",
            r"lex.yaml:\d+: contrast 'balance': positive and negative must be different",
        ),
        ("      - buildup\n      - military buildup\n", "", r"lex.yaml:\d+: category 'buildup' has no entries"),
        (
            "    entries:\n      - buildup\n      - military buildup\n",
            "",
            r"lex.yaml:16: category 'buildup' has no entries",
        ),
        ("categories:", "catgories:", r"lex.yaml:7: unknown key 'catgories' in the lexicon file"),
        (
            "      - deterrence\n",
            "      - deterrence\n      - '*'\n",
            r"lex.yaml:13: category 'defensive': a bare '\*' would match every word",
        ),
        (
            "      - deterrence\n",
            "      - [deterrence]\n",
            r"lex.yaml:12: category 'defensive': an entry must be a term",
        ),
        (
            "description: protection",
            "description: protection\n    pattern: regex",
            r"lex.yaml:10: category 'defensive': unknown pattern 'regex'",
        ),
        (
            "licence: MIT\n",
            "licence: MIT\nfamily: loaded\n",
            r"lex.yaml:7: family 'loaded' is not known; use one of frames, loaded-language",
        ),
        ("licence: MIT\n", "licence: MIT\nfamily: [frames]\n", r"lex.yaml:7: family must be text"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path, old, new, message):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(FramingError, match=message):
        load_lexicon(path)


def test_missing_licence_is_an_error(tmp_path):
    with pytest.raises(FramingError, match="lex.yaml:1: .*missing the required key 'licence'"):
        load_lexicon(write(tmp_path, GOOD.replace("licence: MIT\n", "")))


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, GOOD.replace("  buildup:\n", "  buildup:\n   - : [\n"))
    with pytest.raises(FramingError, match=r"lex.yaml:\d+: not valid YAML"):
        load_lexicon(path)


def test_pattern_category_with_entries_is_an_error(tmp_path):
    text = GOOD.replace("description: expansion", "description: expansion\n    pattern: scare_quotes")
    with pytest.raises(FramingError, match="found by pattern 'scare_quotes'; leave out its entries"):
        load_lexicon(write(tmp_path, text))


def test_of_family_selects_by_the_field_not_the_name(tmp_path):
    own = load_lexicon(
        write(tmp_path, GOOD.replace("name: test-posture", "name: loaded-language") + "family: frames\n")
    )
    spin = load_lexicon(write(tmp_path, GOOD + "family: loaded-language\n", name="spin.yaml"))
    assert of_family([own, spin], "frames") == [own] and of_family([own, spin], "loaded-language") == [spin]
    assert of_family([spin, own], "frames", "loaded-language") == [spin, own]  # several families, in the given order


def test_a_category_label_is_read_and_optional(tmp_path):
    labelled = GOOD.replace(
        "  defensive:\n    description: protection\n",
        '  defensive:\n    label: "defensive framing"\n    description: protection\n',
    )
    lexicon = load_lexicon(write(tmp_path, labelled))
    assert lexicon.categories["defensive"].label == "defensive framing"
    assert lexicon.categories["buildup"].label == ""  # no label: the report turns the name into words


def test_every_builtin_category_has_a_label():
    for name in builtin_lexicons():
        lexicon = load_lexicon(name)
        assert all(c.label and "_" not in c.label for c in lexicon.categories.values()), name


def test_written_for_names_the_home_story_and_its_rate(tmp_path):
    lexicon = load_lexicon(write(tmp_path, GOOD + "written_for:\n  corpus: my-story\n  hits_per_1000: 12.5\n"))
    assert lexicon.written_for is not None
    assert (lexicon.written_for.corpus, lexicon.written_for.hits_per_1000) == ("my-story", 12.5)
    assert load_lexicon(write(tmp_path, GOOD)).written_for is None


@pytest.mark.parametrize(
    "block, message",
    [
        ("written_for:\n  corpus: my-story\n", "missing the required key 'hits_per_1000'"),
        ("written_for:\n  corpus: my-story\n  hits_per_1000: lots\n", "hits_per_1000 must be a finite number"),
        ("written_for:\n  corpus: my-story\n  hits_per_1000: 0\n", "hits_per_1000 must be above 0"),
        ("written_for:\n  corpus: my-story\n  hits_per_1000: 3\n  year: 2022\n", "unknown key 'year'"),
    ],
)
def test_a_bad_written_for_is_refused_with_its_line(tmp_path, block, message):
    with pytest.raises(FramingError, match=message) as error:
        load_lexicon(write(tmp_path, GOOD + block))
    assert "lex.yaml" in str(error.value)
