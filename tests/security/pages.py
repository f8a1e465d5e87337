"""Build every page a user can be handed from hostile inputs, once per test session, and open them in Chromium.

`hostile_pages(folder)` writes the inputs (tests.security.hostile_inputs) and
runs the real commands on them: `framing report` on the CSV corpus and on the
folder corpus, and `framing exercise` with its answer key, each with the
hostile lexicon, targets and `--title`. `armed_page(path)` opens one page in
headless Chromium with every way a payload could show itself watched: the
dialogs (`alert`, `confirm`, `prompt`, `print`) replaced by recorders, every
request routed through the test (and refused unless it is the page itself),
a MutationObserver that records any script-capable element added after load,
and the canary attribute `data-pwned` on the root element.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.chromium import ARGS, require_chromium
from tests.cli.runner import run_main
from tests.security.hostile_inputs import (
    HOSTILE,
    write_hostile_csv,
    write_hostile_folder,
    write_hostile_lexicon,
    write_hostile_targets,
)

TITLE = "Title FIELDtitle-option " + HOSTILE

WATCH = """
(() => {
  window.__executed = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__executed.push(name + ':' + args.join(',')); };
  }
  const risky = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG', 'MATH', 'FORM', 'BASE', 'META', 'LINK']);
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeName && risky.has(node.nodeName.toUpperCase())) {
            window.__executed.push('added:' + node.nodeName);
          }
        }
      }
    }).observe(document.documentElement, {childList: true, subtree: true});
  });
})();
"""


def build(folder: Path, command: list[str], output: Path) -> Path:
    """Run one framing command; fail with its stderr unless it wrote `output`."""
    outcome = run_main(*command)
    assert outcome.exit_code == 0 and output.is_file(), (command[:2], outcome.exit_code, outcome.stderr[-2000:])
    return output


def hostile_pages(folder: Path) -> dict[str, Path]:
    """Every page, by name: report (CSV), report (folder), worksheet, answer key."""
    csv_corpus = write_hostile_csv(folder / "hostile.csv")
    md_corpus = write_hostile_folder(folder / "hostile-folder")
    lexicon = str(write_hostile_lexicon(folder / "hostile-lexicon.yaml"))
    targets = str(write_hostile_targets(folder / "hostile-targets.yaml"))
    lexicons = ["-l", lexicon, "-l", "military-posture", "-l", "loaded-language"]
    pages = {
        "report": build(
            folder,
            [
                "report",
                str(csv_corpus),
                "-o",
                str(folder / "report.html"),
                *lexicons,
                "--targets",
                targets,
                "--title",
                TITLE,
            ],
            folder / "report.html",
        ),
        "report-folder": build(
            folder,
            ["report", str(md_corpus), "-o", str(folder / "report-folder.html"), *lexicons, "--targets", targets],
            folder / "report-folder.html",
        ),
    }
    build(
        folder,
        [
            "exercise",
            str(csv_corpus),
            "-o",
            str(folder / "worksheet.html"),
            "--key",
            str(folder / "key.html"),
            *lexicons,
            "--targets",
            targets,
        ],
        folder / "worksheet.html",
    )
    pages["worksheet"] = folder / "worksheet.html"
    pages["key"] = folder / "key.html"
    return pages


@dataclass
class Armed:
    """An open page and what it did: calls of the watched functions, dialogs, requests refused."""

    page: Any
    url: str
    dialogs: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def executed(self) -> list[str]:
        """Everything that shows a payload ran: recorded calls, real dialogs, the canary."""
        calls = list(self.page.evaluate("window.__executed || []"))
        if self.page.evaluate("document.documentElement.hasAttribute('data-pwned')"):
            calls.append("canary: data-pwned set")
        return calls + [f"dialog: {message}" for message in self.dialogs]


@contextlib.contextmanager
def armed_page(path: Path) -> Iterator[Armed]:
    """Open `path` in headless Chromium with dialogs, requests, mutations and the canary watched."""
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(WATCH)
            page = context.new_page()
            armed = Armed(page=page, url=url)

            def route(route: Any) -> None:
                if route.request.url == url:
                    route.continue_()
                else:
                    armed.refused.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page.on("dialog", lambda dialog: (armed.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: armed.errors.append(str(error)))
            page.goto(url, wait_until="load")
            yield armed
        finally:
            browser.close()


def provoke(page: Any, *, most: int = 150) -> None:
    """Do what a reader does, so handlers that wait for a user get their chance: hover, focus, open, scroll."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    for locator in page.locator("mark, a, abbr, td, th, summary").all()[:most]:
        with contextlib.suppress(Exception):
            locator.hover(timeout=500)
    for _ in range(40):
        page.keyboard.press("Tab")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(1200)  # animations (SVG animate, marquee) and timers
