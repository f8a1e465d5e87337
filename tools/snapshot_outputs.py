"""Write every user-visible output for two corpora, or compare two such snapshots byte for byte.

Why: a refactor (moving modules, sharing contracts) must not change a single
number or byte a user sees. Take a snapshot before the change, another after,
and compare:

    python tools/snapshot_outputs.py write /tmp/before
    ... change the code ...
    python tools/snapshot_outputs.py write /tmp/after
    python tools/snapshot_outputs.py compare /tmp/before /tmp/after

The outputs: `framing report` (HTML and JSON), `framing score` (table and
evidence), `framing compare` (every table) and `framing exercise` (worksheet
and key), for the bundled corpus and for the first 300 articles of
`../shared/data/allsides-10k.jsonl.gz`. Commands run in the snapshot folder
with relative paths, so provenance (which records the command) is comparable.
The version string is masked, so a version bump alone is not a difference.
A change that is meant to alter a known string (a data file's SHA-256 after
editing its comments) is checked by naming it:

    python tools/snapshot_outputs.py compare /tmp/before /tmp/after --expect OLD NEW

which counts `OLD` in before and `NEW` in after as the same, and reports how
many files needed it, so every other byte must still match.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# FRAMING_SHARED_DATA wins: from a git worktree ../shared does not resolve
ALLSIDES = Path(os.environ.get("FRAMING_SHARED_DATA") or ROOT.parent / "shared" / "data") / "allsides-10k.jsonl.gz"
N_ALLSIDES = 300
BUNDLED = "nato-eastern-flank-2022"


def framing_command() -> list[str]:
    """The `framing` of the interpreter running this script (the project's .venv under make)."""
    return [sys.executable, "-m", "framing"]


def run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(framing_command() + args, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"framing {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")


def write_allsides_sample(path: Path) -> None:
    """The first N_ALLSIDES lines of the AllSides file, as a .jsonl the readers take."""
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as source, open(path, "w", encoding="utf-8") as out:
        for index, line in enumerate(source):
            if index >= N_ALLSIDES:
                break
            out.write(line)


def write_snapshot(target: Path) -> None:
    # always run in one fixed folder, so absolute paths that reach an output are the same in every snapshot
    folder = Path(tempfile.gettempdir()) / "framing-snapshot-work"
    for path in (folder, target):
        if path.exists():
            shutil.rmtree(path)
    folder.mkdir(parents=True)
    sources = {"bundled": BUNDLED}
    if ALLSIDES.exists():
        write_allsides_sample(folder / "allsides300.jsonl")
        sources["allsides300"] = "allsides300.jsonl"
    else:
        print(f"note: {ALLSIDES} not found; only the bundled corpus is snapshot", file=sys.stderr)
    for label, source in sources.items():
        run(["report", source, "-o", f"{label}/report.html"], folder)
        run(["score", source, "-o", f"{label}/scores.csv", "--evidence", f"{label}/evidence.csv", "--quiet"], folder)
        run(["compare", source, "-o", f"{label}/compare", "--quiet"], folder)
        run(["exercise", source, "-o", f"{label}/worksheet.html", "--key", f"{label}/key.html"], folder)
    shutil.copytree(folder, target)
    shutil.rmtree(folder)
    print(f"snapshot written to {target}")


def masked_digest(path: Path, version: str | None, expected: tuple[bytes, ...] = ()) -> str:
    """The file's SHA-256 with the version and each expected change masked."""
    data = path.read_bytes()
    if version:
        data = data.replace(version.encode(), b"<version>")
    for number, value in enumerate(expected):
        data = data.replace(value, b"<expected-%d>" % number)
    return hashlib.sha256(data).hexdigest()


def installed_version(snapshot: Path) -> str | None:
    """The version recorded in a snapshot's report JSON (masked before comparing)."""
    sidecar = snapshot / "bundled" / "report.html.json"
    if not sidecar.exists():
        return None
    match = re.search(rb'"framing_version":\s*"([^"]+)"', sidecar.read_bytes())
    return match.group(1).decode() if match else None


def compare_snapshots(before: Path, after: Path, expect: list[tuple[str, str]] | None = None) -> int:
    files_before = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    files_after = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    problems = [f"only before: {p}" for p in sorted(files_before - files_after)]
    problems += [f"only after: {p}" for p in sorted(files_after - files_before)]
    version_before, version_after = installed_version(before), installed_version(after)
    old = tuple(o.encode() for o, _ in expect or ())
    new = tuple(n.encode() for _, n in expect or ())
    explained = []
    for rel in sorted(files_before & files_after):
        if masked_digest(before / rel, version_before) == masked_digest(after / rel, version_after):
            continue
        if old and masked_digest(before / rel, version_before, old) == masked_digest(after / rel, version_after, new):
            explained.append(rel)
        else:
            problems.append(f"differs: {rel}")
    for line in problems:
        print(line)
    for rel in explained:
        print(f"differs only by the expected change: {rel}")
    print(
        f"{len(files_before & files_after)} files compared, {len(problems)} differences"
        + (f", {len(explained)} explained by the expected change" if expect else "")
    )
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    write = sub.add_parser("write", help="write a snapshot into FOLDER (replacing it)")
    write.add_argument("folder", type=Path)
    comp = sub.add_parser("compare", help="compare two snapshots; exit 1 on any difference")
    comp.add_argument("before", type=Path)
    comp.add_argument("after", type=Path)
    comp.add_argument(
        "--expect",
        nargs=2,
        action="append",
        metavar=("OLD", "NEW"),
        default=[],
        help="count OLD (before) and NEW (after) as equal, e.g. a data file's old and new SHA-256",
    )
    args = parser.parse_args(argv)
    if args.action == "write":
        write_snapshot(args.folder.resolve())
        return 0
    return compare_snapshots(args.before, args.after, [tuple(pair) for pair in args.expect])


if __name__ == "__main__":
    sys.exit(main())
