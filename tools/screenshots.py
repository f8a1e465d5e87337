"""Rebuild the screenshots in docs/img from the current code: the bundled report and worksheet.

Why: the README and the guide show what a user gets; pictures of an older
page mislead. This writes the bundled report and worksheet with this
checkout's `framing` (in a temporary folder), opens them in the system's
headless Chromium through playwright (as tools/measure_pages.py and the
browser tests do; no browser download) and saves:

    report.png             desktop (1280 px), the first screen
    report-phone.png       phone (390 px), the first screen
    report-figure-phone.png phone, the first figure (its labels must stay readable)
    term-explorer.png      desktop, the term explorer after choosing a word
    report-print.png       print preview (print media, A4 width), the top of the first page
    worksheet.png          desktop, the worksheet's first screen
    worksheet-print.png    print preview of the worksheet

    python tools/screenshots.py [--out docs/img]

Print preview is the page laid out with print CSS at A4 width (794 px), not
a rendered PDF page (no PDF rasteriser is installed): page breaks are not
drawn, everything else is what prints. Look at every image after running it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
A4 = {"width": 794, "height": 1123}


def write_pages(folder: Path) -> tuple[Path, Path]:
    """The bundled report and worksheet, written by this checkout's `framing`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    report, worksheet = folder / "report.html", folder / "worksheet.html"
    for args in (["report", "-o", str(report)], ["exercise", "-o", str(worksheet)]):
        done = subprocess.run([sys.executable, "-m", "framing", *args], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"framing {args[0]} failed: {done.stderr.strip()}")
    return report, worksheet


def shoot(browser: Any, url: str, target: Path, viewport: dict[str, int], *, print_media: bool = False) -> Any:
    """A fresh page at `viewport`, its first screen saved to `target`; returns the page for more shots."""
    page = browser.new_page(viewport=viewport, device_scale_factor=1)
    page.goto(url, wait_until="load")
    if print_media:
        page.emulate_media(media="print")
    page.screenshot(path=str(target))
    return page


def element_shot(page: Any, selector: str, target: Path) -> None:
    """The element matching `selector`, scrolled into view, saved to `target`."""
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(target))


def explore_term(page: Any, target: Path) -> None:
    """The term explorer with its first plotted word clicked (its sentences shown), saved to `target`."""
    page.locator("#term-explorer-app").scroll_into_view_if_needed()
    page.locator("#term-explorer-app circle.term-dot").first.click()
    element_shot(page, "#term-explorer-app", target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNGs (docs/img)")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp, sync_playwright() as driver:
        report, worksheet = write_pages(Path(tmp))
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        out = options.out
        shoot(browser, report.as_uri(), out / "report.png", DESKTOP).close()
        phone = shoot(browser, report.as_uri(), out / "report-phone.png", PHONE)
        element_shot(phone, "figure svg", out / "report-figure-phone.png")
        phone.close()
        desktop = browser.new_page(viewport=DESKTOP, device_scale_factor=1)
        desktop.goto(report.as_uri(), wait_until="load")
        explore_term(desktop, out / "term-explorer.png")
        desktop.close()
        shoot(browser, report.as_uri(), out / "report-print.png", A4, print_media=True).close()
        shoot(browser, worksheet.as_uri(), out / "worksheet.png", DESKTOP).close()
        shoot(browser, worksheet.as_uri(), out / "worksheet-print.png", A4, print_media=True).close()
        browser.close()
    for name in sorted(p.name for p in options.out.glob("*.png")):
        print(options.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
