"""The README must not drift from the code: every command, option, built-in
lexicon, report section and added dependency is documented there."""
from __future__ import annotations

import configparser
import re

import click
import pytest

from framing.cli import SUBCOMMANDS, cli

README = (__import__("pathlib").Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, ctx: click.Context, prefix: str):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = f"{prefix} {name}".strip()
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, click.Context(command, info_name=name, parent=ctx), path)


ALL_COMMANDS = list(_commands(cli, click.Context(cli, info_name="framing"), ""))
ALL_OPTIONS = sorted(
    {
        (path, option)
        for path, command in ALL_COMMANDS
        for param in command.params
        if isinstance(param, click.Option)
        for option in param.opts
        if option.startswith("--") and option != "--help"
    }
)


def test_every_top_level_command_is_found():
    assert {path for path, _ in ALL_COMMANDS if " " not in path} == set(SUBCOMMANDS)


@pytest.mark.parametrize("path", [path for path, _ in ALL_COMMANDS], ids=str)
def test_every_command_is_documented(path):
    assert f"framing {path}" in README, f"`framing {path}` is not in README.md"


@pytest.mark.parametrize("path, option", ALL_OPTIONS, ids=lambda v: str(v))
def test_every_option_is_documented(path, option):
    assert re.search(rf"`{re.escape(option)}\b", README), f"{option} (framing {path}) is not in README.md"


def test_every_builtin_lexicon_is_documented():
    from framing.lexicons.model import builtin_lexicons

    for name in builtin_lexicons():
        assert f"`{name}`" in README, f"built-in lexicon {name} is not in README.md"


def test_every_report_section_is_documented():
    from framing.reporting.render import SECTIONS

    for title in (section.title for section in SECTIONS):
        assert title.lower() in README.lower(), f"report section {title!r} is not in README.md"


def test_every_runtime_dependency_is_named_in_the_readme():
    config = configparser.ConfigParser()
    config.read(__import__("pathlib").Path(__file__).resolve().parents[1] / "setup.cfg")
    requirements = [line.strip() for line in config["options"]["install_requires"].splitlines() if line.strip()]
    for requirement in requirements:
        name = re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]
        assert name.lower() in README.lower(), f"dependency {name} is not explained in README.md"
