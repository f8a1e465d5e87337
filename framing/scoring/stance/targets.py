"""Targets: the actors whose treatment we measure, and where a text mentions them.

A targets file is YAML, written by people, so every error names the file and line:

    # optional header
    name: nato-eastern-flank-2022          # optional
    description: Actors in the story.      # optional
    targets:
      - name: NATO                         # required, unique
        description: The alliance ...      # optional
        aliases: [NATO, the alliance, North Atlantic Treaty Organization]
        exact: [US]                        # optional: case-SENSITIVE aliases
        exclude: [Washington Post]         # optional: phrases that are NOT mentions
        speakers: [Stoltenberg]            # optional: people who speak FOR it (not mentions)
        frames:                            # optional: frame cues that judge this target
          military-posture: {defensive: 1, buildup: -1}


A bare list of targets (without the `targets:` key) is accepted too.
`aliases` match case-insensitively, as whole tokens of `framing.tokenize`, so
"Russia" matches "Russia's" (the clitic is its own token) but not "Russian".
`exact` aliases match only with the same capitals (`US`, never the pronoun
"us"). `exclude` phrases win over shorter aliases inside them ("Washington
Post" is no mention of Washington). Where aliases overlap, the longest wins.
`speakers` are people who speak for the target: they are no mentions, but
what they say about the target is its own position (`stance_voice`).
`frames` maps a lexicon (built-in name, or a file path relative to the
targets file) to categories and a direction in [-1, 1]: a hit of that
category near a mention counts for (+) or against (-) the target
(`stance_article`). The lexicon and categories are checked on load.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from framing.errors import FramingError, yaml_error

if TYPE_CHECKING:
    from framing.text.tokenize import Token

_TARGET_KEYS = {"name", "aliases", "exact", "exclude", "description", "frames", "speakers"}


@dataclass(frozen=True)
class Target:
    name: str
    aliases: tuple[str, ...]
    exact: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    description: str = ""
    frames: tuple[tuple[str, str, float], ...] = ()  # (lexicon name or path, category, direction)
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Targets:
    """A validated targets file: an ordered tuple of `Target`, plus where it came from."""

    targets: tuple[Target, ...]
    name: str = ""
    description: str = ""
    path: Path | None = None

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.targets]

    def __iter__(self) -> Iterator[Target]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)


class Mention(NamedTuple):
    target: str
    start: int
    end: int
    text: str


# ---------------------------------------------------------------- loading


def load_targets(path: object) -> Targets:
    """Read and validate a targets YAML file; `Targets` objects pass through."""
    if isinstance(path, Targets):
        return path
    if not isinstance(path, (str, Path)):
        raise FramingError(
            f"targets must be a targets file path or Targets, not {type(path).__name__}; see load_targets"
        )
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FramingError(f"{file}: targets file not found; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FramingError(f"{file}: cannot read targets file ({exc}); save it as UTF-8 text") from None
    return parse_targets(text, file)


def parse_targets(text: str, file: Path | str = "<targets>") -> Targets:
    """Validate YAML text as a targets file; errors name `file` and the line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, file, "not valid YAML", "fix the syntax") from None
    if root is None:
        raise FramingError(f"{file}: empty targets file; list targets with `name` and `aliases`")
    header: dict[str, Any] = {}
    items: Any = root
    if isinstance(root, yaml.MappingNode):
        header = _mapping(root, file, {"name", "description", "targets"})
        items = header.get("targets")
        if items is None:
            raise FramingError(f"{file}:{root.start_mark.line + 1}: no `targets:` list; add one")
    if not isinstance(items, yaml.SequenceNode) or not items.value:
        raise FramingError(f"{file}:{_line(items)}: `targets` must be a non-empty list of targets")
    targets = tuple(_target(node, file) for node in items.value)
    _check_unique(targets, items.value, file)
    return Targets(
        targets=targets,
        name=_scalar(header["name"], file, "name") if "name" in header else "",
        description=_scalar(header["description"], file, "description") if "description" in header else "",
        path=Path(file) if not str(file).startswith("<") else None,
    )


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _mapping(node: yaml.Node, file: object, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise FramingError(f"{file}:{_line(node)}: expected a mapping with keys {', '.join(sorted(allowed))}")
    out = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in allowed:
            raise FramingError(f"{file}:{_line(key)}: unknown key {name!r}; allowed: {', '.join(sorted(allowed))}")
        if name in out:
            raise FramingError(f"{file}:{_line(key)}: key {name!r} given twice; keep one")
        out[name] = value
    return out


def _scalar(node: yaml.Node, file: object, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise FramingError(f"{file}:{_line(node)}: `{what}` must be a non-empty text")
    return " ".join(str(node.value).split())


def _phrases(node: yaml.Node, file: object, what: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark, node.end_mark)
    if not isinstance(node, yaml.SequenceNode):
        raise FramingError(f"{file}:{_line(node)}: `{what}` must be a list of phrases")
    phrases = tuple(_scalar(item, file, what) for item in node.value)
    for item, phrase in zip(node.value, phrases):
        if not _alias_key(phrase, lower=False):
            raise FramingError(f"{file}:{_line(item)}: {what} {phrase!r} has no word in it; use letters or digits")
    return phrases


def _target(node: yaml.Node, file: object) -> Target:
    fields = _mapping(node, file, _TARGET_KEYS)
    if "name" not in fields:
        raise FramingError(f"{file}:{_line(node)}: target without `name`; give each target a name")
    name = _scalar(fields["name"], file, "name")
    aliases = _phrases(fields["aliases"], file, "alias") if "aliases" in fields else ()
    exact = _phrases(fields["exact"], file, "exact alias") if "exact" in fields else ()
    if not aliases and not exact:
        raise FramingError(f"{file}:{_line(node)}: target {name!r} has no `aliases`; list the words that name it")
    return Target(
        name=name,
        aliases=aliases,
        exact=exact,
        exclude=_phrases(fields["exclude"], file, "exclude") if "exclude" in fields else (),
        description=_scalar(fields["description"], file, "description") if "description" in fields else "",
        frames=_frames(fields["frames"], file) if "frames" in fields else (),
        speakers=_phrases(fields["speakers"], file, "speaker") if "speakers" in fields else (),
    )


def _frames(node: yaml.Node, file: object) -> tuple[tuple[str, str, float], ...]:
    """`frames: {lexicon: {category: direction}}` -> sorted (lexicon, category, direction) triples."""
    from framing.lexicons.model import builtin_lexicons, load_lexicon

    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise FramingError(f"{file}:{_line(node)}: `frames` must map lexicon names to {{category: direction}}")
    out = []
    for key, value in node.value:
        ref = _scalar(key, file, "frames lexicon")
        if ref not in builtin_lexicons() and not str(file).startswith("<"):
            ref = str((Path(str(file)).parent / ref).resolve())
        try:
            lexicon = load_lexicon(ref)
        except FramingError as exc:
            raise FramingError(f"{file}:{_line(key)}: frames lexicon {key.value!r}: {exc}") from None
        if not isinstance(value, yaml.MappingNode) or not value.value:
            raise FramingError(f"{file}:{_line(value)}: frames of {key.value!r} must map categories to a direction")
        for cat, direction in value.value:
            name = _scalar(cat, file, "frames category")
            if name not in lexicon.categories:
                raise FramingError(
                    f"{file}:{_line(cat)}: lexicon {key.value!r} has no category {name!r};"
                    f" its categories are {', '.join(sorted(lexicon.categories))}"
                )
            try:
                number = float(yaml.safe_load(direction.value)) if isinstance(direction, yaml.ScalarNode) else None
            except (TypeError, ValueError):
                number = None
            if number is None or not -1 <= number <= 1 or number == 0:
                raise FramingError(
                    f"{file}:{_line(direction)}: direction of {name!r} must be a number in [-1, 1],"
                    " not 0 (e.g. 1 counts for the target, -1 against)"
                )
            out.append((ref, name, number))
    return tuple(sorted(out))


def _check_unique(targets: tuple[Target, ...], nodes: Sequence[yaml.Node], file: object) -> None:
    seen_names: set[str] = set()
    owner: dict[tuple[str, tuple[str, ...]], str] = {}
    for target, node in zip(targets, nodes):
        if target.name.lower() in seen_names:
            raise FramingError(f"{file}:{_line(node)}: target name {target.name!r} used twice; names must be unique")
        seen_names.add(target.name.lower())
        for key in _keys(target):
            other = owner.setdefault(key, target.name)
            if other != target.name:
                raise FramingError(
                    f"{file}:{_line(node)}: alias {' '.join(key[1])!r} of {target.name!r} also names {other!r};"
                    " an alias may belong to one target only"
                )


# ---------------------------------------------------------------- matching


def _alias_key(phrase: str, *, lower: bool = True) -> tuple[str, ...]:
    """The token sequence an alias must match (normalized; case folded unless exact)."""
    from framing.text.tokenize import tokenize

    words = tuple(t.norm if lower else t.text.translate(_QUOTES) for t in tokenize(phrase))
    return words if any(any(ch.isalnum() for ch in w) for w in words) else ()


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _keys(target: Target) -> Iterator[tuple[str, tuple[str, ...]]]:
    for alias in target.aliases:
        yield ("i", _alias_key(alias))
    for alias in target.exact:
        yield ("x", _alias_key(alias, lower=False))


class _Matcher:
    """Token-sequence lookup tables for one `Targets`; built once, reused for every text."""

    def __init__(self, targets: Targets) -> None:
        self.folded: dict[tuple[str, ...], str | None] = {}
        self.exact: dict[tuple[str, ...], str] = {}
        for target in targets:
            for alias in target.aliases:
                self.folded[_alias_key(alias)] = target.name
            for alias in target.exact:
                self.exact[_alias_key(alias, lower=False)] = target.name
        for target in targets:
            for phrase in target.exclude + target.speakers:  # a speaker's title ("NATO chief") is no mention
                self.folded.setdefault(_alias_key(phrase), None)
        keys = list(self.folded) + list(self.exact)
        self.longest = max(len(k) for k in keys)
        self.first_folded = {k[0] for k in self.folded}
        self.first_exact = {k[0] for k in self.exact}
        self.first_exact_folded = {w.lower() for w in self.first_exact}
        # a cheap pre-filter: a text must contain, as a whole word, one word of some alias
        folded, exact = _prefilter_words(list(self.folded), list(self.exact))
        self.prefilter = re.compile(
            r"(?<!\w)(?:"
            + "|".join([f"(?i:{_pattern(w)})" for w in folded] + [_pattern(w) for w in exact])
            + r")(?!\w)"
        )

    def match_tokens(self, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Longest-first, left-to-right matches over tokens: (first, last+1, target)."""
        norms = [t.norm for t in tokens]
        out, i, n = [], 0, len(tokens)
        while i < n:
            hit = None
            if norms[i] in self.first_folded:
                hit = self._longest(self.folded, norms, i)
            exact = norms[i] in self.first_exact_folded and tokens[i].text.translate(_QUOTES) in self.first_exact
            if exact and (hit is None or hit[0] == 1):
                texts = [t.text.translate(_QUOTES) for t in tokens[i : i + self.longest]]
                hit = max(hit or (0, None), self._longest(self.exact, texts, 0) or (0, None), key=lambda h: h[0])
            if not hit or not hit[0]:
                i += 1
                continue
            if hit[1] is not None:
                out.append((i, i + hit[0], hit[1]))
            i += hit[0]
        return out

    def _longest(
        self, table: Mapping[tuple[str, ...], str | None], words: Sequence[str], i: int
    ) -> tuple[int, str | None] | None:
        for size in range(min(self.longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in table:
                return size, table[key]
        return None


def _prefilter_words(folded: list[tuple[str, ...]], exact: list[tuple[str, ...]]) -> tuple[list[str], list[str]]:
    """Few, selective words such that every alias contains one of them.

    One-word aliases are taken as they are; a longer alias adds its most
    selective word only when none of its words is already taken.
    """
    take_folded = {k[0] for k in folded if len(k) == 1}
    take_exact = {k[0] for k in exact if len(k) == 1}
    for key in sorted(folded, key=len):
        if not take_folded & set(key):
            take_folded.add(max(key, key=_selective))
    for key in sorted(exact, key=len):
        if not (take_exact & set(key) or take_folded & {w.lower() for w in key}):
            take_exact.add(max(key, key=_selective))
    return sorted(take_folded), sorted(take_exact)


def _selective(word: str) -> tuple[bool, int]:
    """Rank an alias's words for the pre-filter: content words, then longer ones."""
    return word.lower() not in _FUNCTION_WORDS, len(word)


_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "and", "'s", "in", "on", "for", "to"])


def _pattern(word: str) -> str:
    """Regex for one normalized word as it may appear in raw text (curly or straight apostrophes)."""
    return re.escape(word).replace("'", "['\u2018\u2019]").replace('"', '["\u201c\u201d]')


@functools.lru_cache(maxsize=16)
def matcher(targets: Targets) -> _Matcher:
    """The matcher for `targets` (cached: Targets are frozen and hashable)."""
    return _Matcher(targets)


def find_mentions(text: str, targets: object) -> list[Mention]:
    """Every mention of every target in `text`, in order, as character spans.

    Whole tokens only, longest alias wins; `text[m.start:m.end] == m.text`.
    """
    from framing.text.tokenize import tokenize

    targets = load_targets(targets)
    found = matcher(targets)
    if not text or not found.prefilter.search(text):
        return []
    tokens = tokenize(text)
    return [
        Mention(name, tokens[a].start, tokens[b - 1].end, text[tokens[a].start : tokens[b - 1].end])
        for a, b, name in found.match_tokens(tokens)
    ]


def find_mentions_in_sentences(
    text: str, targets: Targets
) -> Iterator[tuple[int, int, str, list[Token], list[tuple[int, int, str]]]]:
    """Sentences that mention a target: `(index, offset, sentence, tokens, [(a, b, target), ...])`.

    `index` counts `sentence_spans(text)`, `offset` is where the sentence starts
    in `text`, tokens are the sentence's own (offsets into the sentence), and
    each match covers tokens [a, b). Sentences without a mention are skipped.
    """
    from framing.text.tokenize import sentence_spans, tokenize

    found = matcher(targets)
    if not text or not found.prefilter.search(text):
        return
    for index, (start, end) in enumerate(sentence_spans(text)):
        sentence = text[start:end]
        if not found.prefilter.search(sentence):
            continue
        tokens = tokenize(sentence)
        spans = found.match_tokens(tokens)
        if spans:
            yield index, start, sentence, tokens, spans
