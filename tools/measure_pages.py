"""Measure how a report or worksheet reads: page height, printed pages, file size, axe-core violations.

Why: issue 13 sets limits a user feels (the bundled report prints in at most
20 pages, a worksheet for 5 sources in at most 6, no clipped tables, zero
accessibility violations). This opens each page in the system's headless
Chromium through playwright, as the browser tests do, and prints one line per
page, so a change can be measured before and after:

    python tools/measure_pages.py reports/nato.html worksheet.html

axe-core is used when the `axe-playwright-python` package is importable (it
ships axe-core's script); otherwise that column says "n/a".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")

CLIPPED = """() => [...document.querySelectorAll('table')].filter(t => {
  const box = t.getBoundingClientRect(); return box.right > document.documentElement.clientWidth + 1;
}).length"""


def axe_violations(page: Any) -> list[dict[str, Any]] | None:
    """axe-core's violations on the open page ([] is clean), or None when axe is not installed."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        return None
    results = Axe().run(page)
    return [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])} for v in results.response["violations"]]


def measure(path: Path, browser: Any) -> dict[str, Any]:
    """Height at desktop and phone width, printed A4 pages, clipped tables in print, size, axe."""
    url = path.resolve().as_uri()
    result: dict[str, Any] = {"file": str(path), "bytes": path.stat().st_size}
    for name, width in (("desktop", 1280), ("phone", 390)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url, wait_until="load")
        result[f"{name}_px"] = page.evaluate("document.documentElement.scrollHeight")
        if name == "desktop":
            result["axe"] = axe_violations(page)
        page.close()
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    result["print_clipped_tables"] = page.evaluate(CLIPPED)
    pdf = page.pdf(format="A4", print_background=True)
    result["printed_pages"] = len(PAGE.findall(pdf))
    page.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for path in args.pages:
                print(json.dumps(measure(path, browser)))
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
