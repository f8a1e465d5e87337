"""Cold start: what `import framing`, `framing --help` and `framing score` load, and how long --help takes.

textblob imports nltk and scipy.stats (about 5 s on a cold disk); `framing score`
reads TextBlob's lexicon file directly, so none of the three may load in any
process of the run (the workers are forked, so the recorder below sees them too).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

FORBIDDEN = ("textblob", "nltk", "scipy.stats")

# A meta path finder that notes every forbidden module any process of the run imports
# (not mere look-ups of where a package is, which import nothing).
RECORDER = textwrap.dedent("""
    import os, sys
    LOG, FORBIDDEN = sys.argv.pop(1), {forbidden!r}

    def looked_up_only():
        # importlib.util.find_spec (how textblob_lexicon finds the lexicon file) runs no module
        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_name == "find_spec" and frame.f_code.co_filename.endswith(("importlib/util.py", "importlib.util>")):
                return True
            frame = frame.f_back
        return False

    class Recorder:
        def find_spec(self, name, path=None, target=None):
            if (name in FORBIDDEN or name.split(".")[0] in FORBIDDEN) and not looked_up_only():
                with open(LOG, "a", encoding="utf-8") as log:
                    log.write(f"{{os.getpid()}} {{name}}\\n")
            return None

    sys.meta_path.insert(0, Recorder())
""").format(forbidden=FORBIDDEN)


def run_recorded(repo_root: Path, tmp_path: Path, code: str) -> list[str]:
    log = tmp_path / "imports.log"
    script = tmp_path / "run.py"
    script.write_text(RECORDER + textwrap.dedent(code), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(log)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo_root)},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_import_framing_loads_none_of_them(repo_root, tmp_path):
    assert run_recorded(repo_root, tmp_path, "import framing\nframing.sentence_sentiment(['A fine day.'])\n") == []


def test_framing_score_loads_none_of_them_in_any_process(repo_root, tmp_path):
    code = """
        from framing.cli import main
        try:
            main(["score", "nato-eastern-flank-2022", "-o", "scores.csv", "--evidence", "evidence.csv",
                  "--quiet", "--jobs", "2"])
        except SystemExit as stop:
            assert stop.code in (0, None), stop.code
    """
    assert run_recorded(repo_root, tmp_path, code) == []
    assert (tmp_path / "scores.csv").stat().st_size > 0


def test_the_recorder_does_see_a_forbidden_import(repo_root, tmp_path):
    assert any(line.endswith(" textblob") for line in run_recorded(repo_root, tmp_path, "import textblob\n"))


def test_help_takes_under_a_fifth_of_a_second_of_cpu(repo_root):
    # CPU time of the child (interpreter start included): the wall clock on a shared machine is not ours
    best = float("inf")
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, "-m", "framing", "--help"],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(repo_root)},
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    assert best < 0.2
