"""Files of installed packages are found without importing the packages."""

from __future__ import annotations

import subprocess
import sys

from framing.installed import installed_file


def test_finds_a_file_of_an_installed_package_and_none_for_what_is_absent():
    path = installed_file("nltk", "stem", "porter.py")
    assert path is not None and path.name == "porter.py" and path.is_file()
    assert installed_file("nltk", "stem", "no-such-file.py") is None
    assert installed_file("no_such_package_here", "x.py") is None


def test_finding_it_runs_no_package_code():
    code = (
        "import sys; from framing.installed import installed_file; installed_file('sklearn', 'base.py'); "
        "print([m for m in sys.modules if m.split('.')[0] in ('sklearn', 'nltk')])"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    )
