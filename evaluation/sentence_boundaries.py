"""Pass rate of framing's sentence_spans per class on the hard-case tables.

A case passes when sentence_spans gives exactly the expected sentences. Two
tables, reported apart: tests/text/sentence_cases.yaml is the development
table (the rules were written against it); sentence_cases_heldout.yaml was
written before the rules and never used to tune them, so its rate is the
honest estimate.

    python evaluation/sentence_boundaries.py [--failures]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from framing.text.tokenize import sentence_spans

TABLES = Path(__file__).resolve().parents[1] / "tests" / "text"
TABLE_NAMES = (("development", "sentence_cases.yaml"), ("held-out", "sentence_cases_heldout.yaml"))


def load_cases(path: Path) -> list[dict]:
    """The cases of one YAML table: dicts with class, text and sentences."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def segment(text: str) -> list[str]:
    """The sentences sentence_spans finds, as strings."""
    return [text[a:b] for a, b in sentence_spans(text)]


def report(label: str, cases: list[dict], show_failures: bool) -> float:
    """Print one table's pass rate per class and overall; returns the overall rate."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for case in cases:
        got = segment(case["text"])
        ok = got == case["sentences"]
        tally[case["class"]][0] += ok
        tally[case["class"]][1] += 1
        if not ok:
            failures.append((case, got))
    passed = sum(p for p, _ in tally.values())
    print(f"{label}: {passed}/{len(cases)} = {passed / len(cases):.1%}")
    for name, (p, n) in sorted(tally.items()):
        print(f"  {name:22s} {p:3d}/{n:<3d} {p / n:7.1%}")
    if show_failures:
        for case, got in failures:
            print(f"  FAIL [{case['class']}] {case['text']!r}\n    expected {case['sentences']}\n    got      {got}")
    return passed / len(cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    args = parser.parse_args(argv)
    for label, name in TABLE_NAMES:
        report(f"{label} ({name})", load_cases(TABLES / name), args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
