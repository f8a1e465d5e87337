"""Rebuild the screenshots in docs/img from the current code: the bundled report, worksheet and answer key.

Why: the README and the guide show what a user gets; pictures of an older
page mislead. This writes the bundled report, worksheet and key with this
checkout's `framing` (in a temporary folder), opens them in the system's
headless Chromium through playwright (as tools/measure_pages.py and the
browser tests do; no browser download) and saves:

    report.png               desktop (1280 px), the first screen
    report-phone.png         phone (390 px), the first screen
    report-figure-phone.png  phone, the first figure (its labels must stay readable)
    term-explorer.png        desktop, the term explorer after choosing a word
    report-print.png         the first printed A4 page (Chromium's PDF, rendered)
    report-print-pages.png   every printed A4 page, side by side (how many, none empty or clipped)
    worksheet.png            desktop, the worksheet's first screen
    worksheet-print.png      the worksheet's first printed A4 page
    worksheet-print-pages.png every printed A4 page of the worksheet
    key.png                  desktop, the answer key's first screen
    key-print-pages.png      every printed A4 page of the key

    python tools/screenshots.py [--out docs/img]

Printed pages are Chromium's own PDF (what "Print" gives, at Chromium's
default 0.4 in margins unless the page sets its own), rendered to PNG by
PDFium (`pip install pypdfium2`, in the docs extra). Every image is reduced
to a 64-colour palette: text and flat charts stay sharp and the set stays a
few hundred KB. Look at every image after running it.
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
MARGIN = {side: "0.4in" for side in ("top", "right", "bottom", "left")}  # Chromium's print dialog default
COLOURS = 64
PAGE_SCALE = 1.0  # PDF points to pixels: an A4 page is 595 x 842 px
SHEET_SCALE = 0.3  # thumbnails on the contact sheet: an A4 page is 179 x 253 px
SHEET_COLUMNS = 7


def write_pages(folder: Path) -> dict[str, Path]:
    """The bundled report, worksheet and key, written by this checkout's `framing`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pages = {name: folder / f"{name}.html" for name in ("report", "worksheet", "key")}
    commands = (
        ["report", "-o", str(pages["report"]), "--quiet"],
        ["exercise", "-o", str(pages["worksheet"]), "--key", str(pages["key"]), "--quiet"],
    )
    for args in commands:
        done = subprocess.run([sys.executable, "-m", "framing", *args], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"framing {args[0]} failed: {done.stderr.strip()}")
    return pages


def optimise(target: Path) -> None:
    """Rewrite the PNG at `target` with a small palette, compressed as far as PNG goes."""
    from PIL import Image

    with Image.open(target) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, dither=Image.Dither.NONE)
    small.save(target, optimize=True)


def open_at(browser: Any, url: str, viewport: dict[str, int]) -> Any:
    """A fresh page of `url` at `viewport`, loaded (its script has run)."""
    page = browser.new_page(viewport=viewport, device_scale_factor=1)
    page.goto(url, wait_until="load")
    return page


def first_screen(browser: Any, url: str, target: Path, viewport: dict[str, int]) -> Any:
    """The first screen of `url` at `viewport` saved to `target`; returns the page for more shots."""
    page = open_at(browser, url, viewport)
    page.screenshot(path=str(target))
    optimise(target)
    return page


def element_shot(page: Any, selector: str, target: Path) -> None:
    """The element matching `selector`, scrolled into view, saved to `target`."""
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    element.screenshot(path=str(target))
    optimise(target)


def explore_term(page: Any, target: Path) -> None:
    """The term explorer with its first plotted word clicked (its sentences shown), saved to `target`."""
    page.locator("#term-explorer-app").scroll_into_view_if_needed()
    page.locator("#term-explorer-app circle.term-dot").first.click()
    element_shot(page, "#term-explorer-app", target)


def printed(browser: Any, url: str) -> Any:
    """The A4 PDF that printing `url` from a desktop window gives, opened with PDFium."""
    import pypdfium2

    page = open_at(browser, url, DESKTOP)
    pdf = page.pdf(format="A4", margin=MARGIN, print_background=True)
    page.close()
    return pypdfium2.PdfDocument(pdf)


def page_image(document: Any, index: int, scale: float) -> Any:
    """Page `index` of a PDFium document as a Pillow image with a thin grey edge (white pages need one)."""
    from PIL import ImageOps

    return ImageOps.expand(document[index].render(scale=scale).to_pil().convert("RGB"), border=1, fill="#888888")


def save_page(document: Any, index: int, target: Path) -> None:
    """One printed page, at screen size, saved to `target`."""
    page_image(document, index, PAGE_SCALE).save(target)
    optimise(target)


def save_sheet(document: Any, target: Path) -> None:
    """Every printed page as a thumbnail, in rows of SHEET_COLUMNS, saved to `target`."""
    from PIL import Image

    pages = [page_image(document, index, SHEET_SCALE) for index in range(len(document))]
    width, height, gap = pages[0].width, pages[0].height, 8
    columns = min(SHEET_COLUMNS, len(pages))
    rows = -(-len(pages) // columns)
    sheet = Image.new("RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap), "#d0d0d0")
    for index, image in enumerate(pages):
        sheet.paste(image, (gap + (index % columns) * (width + gap), gap + (index // columns) * (height + gap)))
    sheet.save(target)
    optimise(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNGs (docs/img)")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp, sync_playwright() as driver:
        urls = {name: path.as_uri() for name, path in write_pages(Path(tmp)).items()}
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        first_screen(browser, urls["report"], out / "report.png", DESKTOP).close()
        phone = first_screen(browser, urls["report"], out / "report-phone.png", PHONE)
        element_shot(phone, "figure svg", out / "report-figure-phone.png")
        phone.close()
        desktop = open_at(browser, urls["report"], DESKTOP)
        explore_term(desktop, out / "term-explorer.png")
        desktop.close()
        first_screen(browser, urls["worksheet"], out / "worksheet.png", DESKTOP).close()
        first_screen(browser, urls["key"], out / "key.png", DESKTOP).close()
        for name in ("report", "worksheet", "key"):
            document = printed(browser, urls[name])
            print(f"{name}: {len(document)} printed A4 pages")
            if name != "key":
                save_page(document, 0, out / f"{name}-print.png")
            save_sheet(document, out / f"{name}-print-pages.png")
        browser.close()
    for path in sorted(out.glob("*.png")):
        print(f"{path} {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
