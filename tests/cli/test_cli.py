"""The command group itself: help, version, error handling, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import framing
from framing import cli as cli_module
from framing.cli import SUBCOMMANDS, cli, main
from framing.errors import FramingError


def test_version_option_prints_the_package_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert framing.__version__ in result.output


def test_every_subcommand_is_registered_and_has_help():
    runner = CliRunner()
    listing = runner.invoke(cli, ["--help"])
    assert listing.exit_code == 0
    for name in SUBCOMMANDS:
        assert name in listing.output, f"{name} missing from framing --help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from framing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'sklearn', 'matplotlib', 'nltk', 'scipy') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("HEAVY="), out


def test_bad_input_becomes_one_line_and_exit_code_2(monkeypatch, capsys):
    @click.command()
    def explode():
        raise FramingError("articles/x.md: line 3: front matter is not valid YAML; fix the header")

    monkeypatch.setitem(SUBCOMMANDS, "explode", ("tests.cli.test_cli", "explode"))
    monkeypatch.setattr(
        cli_module.LazyGroup, "_load", staticmethod(lambda name: explode if name == "explode" else None)
    )
    with pytest.raises(SystemExit) as exited:
        main(["explode"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == "framing: error: articles/x.md: line 3: front matter is not valid YAML; fix the header\n"


def test_unknown_command_is_a_usage_error_with_exit_code_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["no-such-command"])
    assert exited.value.code == 2
    assert "No such command" in capsys.readouterr().err


def test_unknown_public_name_raises_attribute_error():
    with pytest.raises(AttributeError):
        framing.no_such_function  # noqa: B018  (the attribute access is what is tested)


@pytest.mark.parametrize(
    ("raised", "code", "word"),
    [(KeyboardInterrupt, 130, "interrupted"), (cli_module.Terminated, 143, "terminated")],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signal_that_lands_in_a_collector_callback_still_ends_the_run(monkeypatch, capsys, raised, code, word):
    # Python drops an exception raised in a gc callback; a Ctrl-C landing in one (dask's driver has them)
    # would let the run finish and write its outputs as if never interrupted
    import gc
    import time

    landed = []

    def callback(phase: str, info: dict) -> None:
        if phase == "start" and not landed:
            landed.append(phase)
            raise raised()

    def command(**kwargs: object) -> None:
        gc.collect()  # the signal is raised inside the callback and dropped there
        for _ in range(100):  # the run goes on: the signal sent again must end it here
            time.sleep(0.01)
        print("finished as if never interrupted")

    monkeypatch.setattr(cli_module.cli, "main", command)
    hook_before = sys.unraisablehook
    gc.callbacks.append(callback)
    try:
        with pytest.raises(SystemExit) as exited:
            cli_module.main(["corpus", "list"])
    finally:
        gc.callbacks.remove(callback)
    assert landed and exited.value.code == code
    out, err = capsys.readouterr()
    assert "finished" not in out
    assert err.strip() == f"framing: {word}; nothing written"
    assert sys.unraisablehook is hook_before  # put back after the run
