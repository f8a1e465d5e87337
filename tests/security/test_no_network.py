"""Offline, proven: the guard refuses connections, and every command runs end to end with no network at all.

The commands run in a subprocess under `unshare -n` (a network namespace with
no interface but loopback) where the kernel allows it, and always with the
socket guard installed in that process, so an attempt fails loudly even
where `unshare` is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests import network_guard

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = "nato-eastern-flank-2022"
GUARDED_MAIN = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); from tests import network_guard; "
    "network_guard.block(); from framing.cli import main; main(sys.argv[1:])"
)


def no_network_prefix() -> list[str]:
    """`unshare -n` (or `-rn` without root) where it works here, else nothing (the guard still applies)."""
    if shutil.which("unshare") is None:
        return []
    for flags in ("-n", "-rn"):
        if subprocess.run(["unshare", flags, "true"], capture_output=True).returncode == 0:
            return ["unshare", flags]
    return []


def test_the_guard_refuses_another_machine_and_allows_loopback():
    with pytest.raises(network_guard.NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never a real host
    with pytest.raises(network_guard.NetworkBlocked):
        socket.getaddrinfo("example.com", 443)
    network_guard.ATTEMPTS.clear()  # these two were on purpose
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    threading.Thread(target=lambda: server.accept()[0].close(), daemon=True).start()
    with socket.create_connection(server.getsockname(), timeout=5):
        pass
    server.close()


def test_every_command_runs_end_to_end_without_a_network(tmp_path):
    prefix = no_network_prefix()
    commands = {
        "report": (["report", BUNDLED, "-o", "report.html"], ["report.html", "report.html.json"]),
        "score": (["score", BUNDLED, "-o", "scores.csv", "--evidence", "evidence.csv"], ["scores.csv", "evidence.csv"]),
        "compare": (["compare", BUNDLED, "-o", "tables"], ["tables/facts.csv", "tables/outlet_similarity.csv"]),
        "exercise": (
            ["exercise", BUNDLED, "-o", "worksheet.html", "--key", "key.html"],
            ["worksheet.html", "key.html"],
        ),
        "lexicon": (["lexicon", "validate", str(ROOT / "framing" / "lexicons" / "data" / "military-posture.yaml")], []),
    }
    for name, (arguments, outputs) in commands.items():
        done = subprocess.run(
            [*prefix, sys.executable, "-c", GUARDED_MAIN, str(ROOT), *arguments],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, (name, prefix, done.stderr[-2000:])
        assert "network access" not in done.stderr, (name, done.stderr[-2000:])
        for output in outputs:
            assert (tmp_path / output).stat().st_size > 0, (name, output)
