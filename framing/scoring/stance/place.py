"""Place references: a mention that names a country or city as a place says nothing about the actor.

"Defense ministers ... discuss shoring up security in countries on Russia's
border" names Russia to say where; "troops in Ukraine" names Ukraine to say
where. A careful reader does not read either as a judgement of Russia or
Ukraine (this is the literal-location reading of a place name, as opposed to
its metonymic, actor reading: Markert & Nissim 2007). Article stance therefore
leaves such mentions out of the score (`stance_article`); they still count as
mentions and are listed as evidence of kind `"place"`.

The rules, as data in `stance_place.yaml`, recognise four shapes: a locative
preposition before the mention ("in", "across", "near", ... optionally with
"the" or "eastern" between), "<compass> of X", "X's border" (a place noun
after the mention, with or without "'s"), and "border(ing) X". A mention
followed by "'s" and anything but a place noun is never a place ("in
Russia's view"). Measured on NewsMTSC train
(evaluation/stance_place.py): human annotators label the targets these
rules match neutral about twice as often as targets overall.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from framing.errors import FramingError
from framing.resources import data_path
from framing.scoring.rulefile import read_rules

PLACE_PATH = data_path("framing.scoring.stance.data", "stance_place.yaml")
PLACE_FORMAT = "framing-stance-place/1"
_POSSESSIVE = frozenset(["'s", "’s", "'"])
_KEYS = ("prepositions", "between", "compass", "place_nouns", "border_verbs", "not_after")


@functools.lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word lists of `stance_place.yaml`, lower-cased, keyed by their YAML key."""
    data = read_rules(PLACE_PATH, PLACE_FORMAT, "place rules")
    out = {}
    for key in _KEYS:
        items = data.get(key)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise FramingError(f"{PLACE_PATH}: `{key}` must be a list of words; fix the file")
        out[key] = frozenset(i.strip().lower() for i in items if i.strip())
    return out


def is_place(norms: Sequence[str], a: int, b: int) -> bool:
    """True when the mention at tokens [a, b) of a sentence (lower-cased `norms`) names a place."""
    words = place_words()
    if b < len(norms) and norms[b] in _POSSESSIVE:
        # "Russia's border" is a place; "in Russia's view" is something of the actor's
        return _place_noun_at(norms, b + 1, words["place_nouns"])
    if _place_noun_at(norms, b, words["place_nouns"]):
        return True  # "NATO airspace", "the Russia border"
    k = a - 1
    while k >= 0 and norms[k] in words["between"]:
        k -= 1
    if k < 0:
        return False
    if norms[k] in words["prepositions"]:
        return not (k > 0 and norms[k - 1] in words["not_after"])
    if norms[k] == "of" and k > 0 and norms[k - 1] in words["compass"]:
        return True
    return k == a - 1 and norms[k] in words["border_verbs"]


def _place_noun_at(norms: Sequence[str], k: int, nouns: frozenset[str]) -> bool:
    """A place noun (one word, or two: "border regions") starts at token k."""
    if k >= len(norms):
        return False
    return norms[k] in nouns or (k + 1 < len(norms) and f"{norms[k]} {norms[k + 1]}" in nouns)
