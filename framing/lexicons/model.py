"""Lexicons: categories of terms, read from a human-editable YAML file.

A lexicon is data, never code: each file carries its own name, version,
source, citation and licence, and its SHA-256 travels with every score for
provenance. Errors name the file and the line (from the YAML parser's marks)
so that a person editing the file can fix it. The file format is documented
in docs/guide/lexicons.md ("Lexicon format"); built-in lexicons live in `framing/lexicons/data/`.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

from framing.errors import FramingError, yaml_error
from framing.lexicons.entries import (
    DEFAULT_FAMILY,
    FAMILIES,
    FRAMES,
    LOADED_LANGUAGE,
    POLICY_FRAMES,
    Category,
    Contrast,
    Entry,
    Lexicon,
    WrittenFor,
    read_lexicon_file,
)
from framing.resources import data_path

# the data objects live in `entries` (so that `dic` can build them without importing this module);
# they are re-exported here, where callers have always found them
__all__ = [
    "DEFAULT_FAMILY",
    "FAMILIES",
    "FRAMES",
    "LOADED_LANGUAGE",
    "POLICY_FRAMES",
    "Category",
    "Contrast",
    "Entry",
    "Lexicon",
    "builtin_lexicons",
    "builtin_path",
    "load_lexicon",
    "of_family",
    "parse_lexicon",
    "read_lexicon_file",
]

TOP_KEYS = {
    "name",
    "description",
    "version",
    "source",
    "citation",
    "licence",
    "license",
    "case_sensitive",
    "family",
    "written_for",
    "categories",
    "contrasts",
}
WRITTEN_FOR_KEYS = {"corpus", "hits_per_1000"}
REQUIRED_TOP = ("name", "description", "version", "source", "categories")
CATEGORY_KEYS = {"description", "colour", "color", "entries", "pattern", "weight", "label"}
CONTRAST_KEYS = {"name", "positive", "negative", "description"}
PATTERNS = ("scare_quotes",)  # categories found by pattern rather than by entries
HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def of_family(lexicons: Iterable[Lexicon], *families: str) -> list[Lexicon]:
    """The lexicons of these families (see FAMILIES), in their order: the field decides, never the name."""
    return [lexicon for lexicon in lexicons if lexicon.family in families]


def builtin_lexicons() -> list[str]:
    """Names of the lexicons shipped with framing, sorted."""
    folder = data_path("framing.lexicons.data")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def builtin_path(name: str) -> Path:
    return data_path("framing.lexicons.data", f"{name}.yaml")


def load_lexicon(name_or_path: str | Path | Lexicon) -> Lexicon:
    """Load a built-in lexicon by name, or a lexicon file (.yaml/.yml or LIWC-style .dic)."""
    if isinstance(name_or_path, Lexicon):
        return name_or_path
    text = str(name_or_path)
    if text in builtin_lexicons():
        path = builtin_path(text)
        cached = _load_builtin(str(path), path.stat().st_mtime_ns)
        return replace(cached, categories=dict(cached.categories))  # callers never share a dict
    path = Path(text)
    if not path.is_file():
        raise FramingError(
            f"{text}: no such lexicon file or built-in lexicon; built-ins are {', '.join(builtin_lexicons())}"
        )
    if path.suffix.lower() == ".dic":
        from framing.lexicons.dic import read_dic

        return read_dic(path)
    return _load_yaml_file(path)


@lru_cache(maxsize=8)
def _load_builtin(path: str, mtime_ns: int) -> Lexicon:
    """Built-ins are parsed once per process (scoring loads them for every call)."""
    return _load_yaml_file(Path(path))


def _load_yaml_file(path: Path) -> Lexicon:
    text, sha256 = read_lexicon_file(path)
    return parse_lexicon(text, path=path, sha256=sha256)


def parse_lexicon(text: str, *, path: Path | None = None, sha256: str | None = None) -> Lexicon:
    """Parse and validate lexicon YAML; errors say `<file>:<line>: what is wrong`."""
    import yaml

    where = str(path) if path else "<lexicon>"
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, where, "not valid YAML", "check indentation and quoting") from None
    reader = _Reader(where)
    top = reader.mapping(root, "the lexicon file", TOP_KEYS, REQUIRED_TOP)
    if "licence" not in top and "license" in top:
        top["licence"] = top["license"]
    if "licence" not in top:
        reader.fail(root, "the lexicon file is missing the required key 'licence' (e.g. CC-BY-4.0)")
    categories = reader.categories(top["categories"])
    contrasts = reader.contrasts(top.get("contrasts"), categories)
    return Lexicon(
        name=reader.string(top["name"], "name"),
        description=reader.string(top["description"], "description"),
        version=reader.string(top["version"], "version"),
        source=reader.string(top["source"], "source"),
        licence=reader.string(top["licence"], "licence"),
        citation=reader.string(top["citation"], "citation") if "citation" in top else "",
        case_sensitive=reader.boolean(top["case_sensitive"], "case_sensitive") if "case_sensitive" in top else False,
        family=reader.family(top["family"]) if "family" in top else DEFAULT_FAMILY,
        written_for=reader.written_for(top["written_for"]) if "written_for" in top else None,
        path=Path(path) if path else None,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        categories=categories,
        contrasts=contrasts,
    )


class _Reader:
    """Walks the YAML node tree so that every error can cite its line."""

    def __init__(self, where: str) -> None:
        import yaml

        self.yaml = yaml
        self.where = where

    def fail(self, node: Any, message: str) -> NoReturn:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        raise FramingError(f"{self.where}{line}: {message}")

    def mapping(self, node: Any, what: str, allowed: Collection[str], required: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(node, self.yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of `key: value` lines")
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, self.yaml.ScalarNode) else None
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}")
            if key in out:
                self.fail(key_node, f"duplicate key {key!r} in {what}")
            out[key] = value_node
        for key in required:
            if key not in out:
                self.fail(node, f"{what} is missing the required key {key!r}")
        return out

    def value(self, node: Any) -> Any:
        return self.yaml.SafeLoader("").construct_object(node, deep=True)

    def string(self, node: Any, what: str, allow_empty: bool = True) -> str:
        if not isinstance(node, self.yaml.ScalarNode):
            self.fail(node, f"{what} must be text")
        value = node.value.strip()
        if not value and not allow_empty:
            self.fail(node, f"{what} must not be empty")
        result: str = value
        return result

    def boolean(self, node: Any, what: str) -> bool:
        value = self.value(node)
        if not isinstance(value, bool):
            self.fail(node, f"{what} must be true or false")
        return value

    def family(self, node: Any) -> str:
        value = self.string(node, "family")
        if value not in FAMILIES:
            self.fail(
                node,
                f"family {value!r} is not known; use one of {', '.join(FAMILIES)} "
                f"(or leave it out for {DEFAULT_FAMILY})",
            )
        return value

    def weight(self, node: Any, what: str = "weight") -> float:
        value = self.value(node) if isinstance(node, self.yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.fail(node, f"{what} must be a finite number, not {getattr(node, 'value', node)!r}")
        return float(value)

    def written_for(self, node: Any) -> WrittenFor:
        fields = self.mapping(node, "written_for", WRITTEN_FOR_KEYS, ("corpus", "hits_per_1000"))
        rate = self.weight(fields["hits_per_1000"], "written_for: hits_per_1000")
        if rate <= 0:
            self.fail(fields["hits_per_1000"], "written_for: hits_per_1000 must be above 0")
        return WrittenFor(
            corpus=self.string(fields["corpus"], "written_for: corpus", allow_empty=False), hits_per_1000=rate
        )

    def categories(self, node: Any) -> dict[str, Category]:
        if not isinstance(node, self.yaml.MappingNode) or not node.value:
            self.fail(node, "`categories` must map each category name to its description, colour and entries")
        out: dict[str, Category] = {}
        for key_node, value_node in node.value:
            name = self.string(key_node, "category name", allow_empty=False)
            if name in out:
                self.fail(key_node, f"duplicate category {name!r}")
            out[name] = self.category(name, value_node)
        return out

    def category(self, name: str, node: Any) -> Category:
        fields = self.mapping(node, f"category {name!r}", CATEGORY_KEYS, ("description",))
        colour_node = fields.get("colour", fields.get("color"))
        if colour_node is None:
            self.fail(node, f"category {name!r} is missing the required key 'colour' (hex such as \"#0072B2\")")
        colour = self.string(colour_node, "colour")
        if not HEX_COLOUR.match(colour):
            self.fail(
                colour_node,
                f'category {name!r}: colour {colour!r} is not a hex colour like "#0072B2" '
                "(quote it: # starts a YAML comment)",
            )
        pattern = None
        if "pattern" in fields:
            pattern = self.string(fields["pattern"], "pattern")
            if pattern not in PATTERNS:
                self.fail(
                    fields["pattern"], f"category {name!r}: unknown pattern {pattern!r}; known: {', '.join(PATTERNS)}"
                )
        entries = self.entries(name, fields.get("entries"), node, pattern)
        weight = self.weight(fields["weight"]) if "weight" in fields else 1.0
        return Category(
            name=name,
            description=self.string(fields["description"], "description"),
            colour=colour.upper(),
            entries=entries,
            pattern=pattern,
            weight=weight,
            label=self.string(fields["label"], "label") if "label" in fields else "",
        )

    def entries(self, name: str, node: Any, category_node: Any, pattern: str | None) -> tuple[Entry, ...]:
        if pattern is not None:
            if node is not None and self.value(node):
                self.fail(node, f"category {name!r} is found by pattern {pattern!r}; leave out its entries")
            return ()
        if node is None or not isinstance(node, self.yaml.SequenceNode) or not node.value:
            self.fail(
                node or category_node, f"category {name!r} has no entries; list at least one term under `entries:`"
            )
        return tuple(self.entry(name, item) for item in node.value)

    def entry(self, name: str, node: Any) -> Entry:
        if isinstance(node, self.yaml.MappingNode):
            fields = self.mapping(node, f"an entry of category {name!r}", {"term", "weight"}, ("term",))
            term_node, weight = fields["term"], self.weight(fields["weight"]) if "weight" in fields else 1.0
        else:
            term_node, weight = node, 1.0
        if not isinstance(term_node, self.yaml.ScalarNode):
            self.fail(term_node, f"category {name!r}: an entry must be a term or {{term: ..., weight: ...}}")
        term = " ".join(str(term_node.value).split())
        if not term:
            self.fail(term_node, f"category {name!r}: empty term; remove the entry or write the word")
        if term == "*":
            self.fail(
                term_node,
                f"category {name!r}: a bare '*' would match every word; put a stem before it "
                "(e.g. protect*) or remove the entry",
            )
        return Entry(term=term, weight=weight, wildcard="*" in term, line=term_node.start_mark.line + 1)

    def contrasts(self, node: Any, categories: dict[str, Category]) -> tuple[Contrast, ...]:
        if node is None or (isinstance(node, self.yaml.ScalarNode) and node.value in ("", "null", "~")):
            return ()
        if not isinstance(node, self.yaml.SequenceNode):
            self.fail(node, "`contrasts` must be a list of {name, positive, negative, description}")
        out = []
        for item in node.value:
            fields = self.mapping(item, "a contrast", CONTRAST_KEYS, ("name", "positive", "negative"))
            values = {k: self.string(v, k) for k, v in fields.items()}
            for side in ("positive", "negative"):
                if values[side] not in categories:
                    self.fail(
                        fields[side],
                        f"contrast {values['name']!r}: {side} category {values[side]!r} "
                        f"is not defined; categories are {', '.join(categories)}",
                    )
            if values["positive"] == values["negative"]:
                self.fail(item, f"contrast {values['name']!r}: positive and negative must be different categories")
            out.append(
                Contrast(
                    name=values["name"],
                    positive=values["positive"],
                    negative=values["negative"],
                    description=values.get("description", ""),
                )
            )
        names = [c.name for c in out]
        if len(set(names)) != len(names):
            self.fail(node, "contrast names must be unique")
        return tuple(out)
