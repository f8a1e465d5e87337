"""The docs must not drift from the code: every command has its page and every
option an entry on it, every built-in lexicon and report section a heading on
its page, every runtime dependency its reason; the README links to them."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import click
import pytest

from framing.cli import SUBCOMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```.*?^```[^\n]*$", re.S | re.M)


def _page(name: str) -> str:
    """A docs page without its code blocks: an entry inside a shell example does not count."""
    return FENCE.sub("", (DOCS / name).read_text(encoding="utf-8"))


def _headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of every Markdown heading, in order."""
    return [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#{1,6}) +(.+?) *#*$", text, re.M)]


def _terms(text: str) -> list[str]:
    """The terms of every definition-list entry (a line followed by a line starting with `:   `)."""
    lines = text.splitlines()
    return [line for line, following in zip(lines, lines[1:]) if line.strip() and following.startswith(":   ")]


def _section(text: str, heading: str) -> str:
    """The text under the heading `heading` up to the next heading of the same or a higher level."""
    for match in re.finditer(r"^(#{1,6}) +(.+?) *$", text, re.M):
        if match.group(2).strip() == heading:
            level = len(match.group(1))
            rest = text[match.end() :]
            end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
            return rest[: end.start()] if end else rest
    raise AssertionError(f"no heading {heading!r}")


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
        if option != "--help"
    }
)


def _command_page(path: str) -> str:
    """The part of `docs/cli/<command>.md` about `framing <path>` (a subcommand has its own heading)."""
    top = path.split()[0]
    text = _page(f"cli/{top}.md")
    return text if path == top else _section(text, f"`framing {path}`")


def test_every_top_level_command_is_found():
    assert {path for path, _ in ALL_COMMANDS if " " not in path} == set(SUBCOMMANDS)


@pytest.mark.parametrize("path", [path for path, _ in ALL_COMMANDS], ids=str)
def test_every_command_has_its_page(path):
    headings = [text for _, text in _headings(_page(f"cli/{path.split()[0]}.md"))]
    assert f"`framing {path}`" in headings, f"docs/cli/{path.split()[0]}.md has no heading `framing {path}`"
    assert f"`framing {path}" in _page("cli/index.md"), f"`framing {path}` is not in the command index"


@pytest.mark.parametrize("path, option", ALL_OPTIONS, ids=lambda v: str(v))
def test_every_option_has_an_entry_on_its_command_page(path, option):
    entry = re.compile(rf"`{re.escape(option)}(?: [^`]*)?`")
    terms = _terms(_command_page(path))
    assert any(entry.search(term) for term in terms), (
        f"{option} of `framing {path}` has no definition entry on docs/cli/{path.split()[0]}.md"
    )


def test_every_command_page_is_in_the_site_navigation():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in SUBCOMMANDS:
        assert f"cli/{name}.md" in nav, f"docs/cli/{name}.md is not in mkdocs.yml's nav"


def test_every_builtin_lexicon_is_a_heading_on_the_lexicons_page():
    from framing.lexicons.model import builtin_lexicons

    headings = [text for _, text in _headings(_page("guide/lexicons.md"))]
    for name in builtin_lexicons():
        assert f"`{name}`" in headings, f"built-in lexicon {name} has no heading on docs/guide/lexicons.md"


def test_every_report_section_is_a_heading_on_the_report_page():
    from framing.reporting.registry import SECTIONS

    headings = [text.lower() for _, text in _headings(_page("guide/report.md"))]
    for title in (section.title for section in SECTIONS):
        assert title.lower() in headings, f"report section {title!r} has no heading on docs/guide/report.md"


def test_every_runtime_dependency_is_explained_on_the_dependencies_page():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    page = _page("dependencies.md").lower()
    for extra in ("install_requires",):
        requirements = [line.strip() for line in config["options"][extra].splitlines() if line.strip()]
        for requirement in requirements:
            name = re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0]
            assert re.search(rf"^\|[^|]*\b{re.escape(name.lower())}\b[^|]*\|", page, re.M), (
                f"dependency {name} has no row on docs/dependencies.md"
            )


def test_every_docs_dependency_is_explained_on_the_dependencies_page():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    page = _page("dependencies.md").lower()
    for requirement in (line.strip() for line in config["options.extras_require"]["docs"].splitlines()):
        if requirement:
            name = re.split(r"[<>=!~ ]", requirement, maxsplit=1)[0]
            assert f"| {name.lower()} |" in page, f"docs dependency {name} has no row on docs/dependencies.md"


def test_the_readme_is_a_door():
    assert len(README.splitlines()) <= 250, "README.md is a front door: move the detail to a page in docs/"
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / link).exists(), f"README.md links to {link}, which does not exist"
