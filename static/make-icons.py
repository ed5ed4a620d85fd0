"""Draws the site's PNG and ICO icons from its mark, static/public/icons/local-digital.svg.

Run by hand after changing the mark, then commit what it writes:
    .venv/bin/python static/make-icons.py
Chromium (the one the browser tests use) rasterises the SVG, so the PNGs are
the mark itself, not a second drawing of it. favicon.ico holds the 48 px PNG,
as the ICO format allows, for browsers and tools that ask for /favicon.ico.
"""

import base64
import os
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).parent / "public" / "icons"
MARK = ICONS / "local-digital.svg"
# The sizes the web manifest (static/public/manifest.webmanifest) lists.
MANIFEST_SIZES = [192, 512]
# The mark's colour, MHCLG's (static/src/application.scss).
BRAND = "#00625e"


def rasterise(page, size: int, *, background: str = "transparent") -> bytes:
    page.set_viewport_size({"width": size, "height": size})
    svg = base64.b64encode(MARK.read_bytes()).decode()
    page.set_content(
        f'<body style="margin:0;background:{background}"><img src="data:image/svg+xml;base64,{svg}"'
        f' width="{size}" height="{size}" alt="" style="display:block"></body>'
    )
    return page.screenshot(omit_background=background == "transparent")


def ico_holding(png: bytes, size: int) -> bytes:
    """An ICO file with one image, stored as PNG (allowed since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main() -> None:
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        (ICONS / "favicon.ico").write_bytes(ico_holding(rasterise(page, 48), 48))
        # iOS rounds the corners itself and shows transparency as black.
        (ICONS / "apple-touch-icon.png").write_bytes(rasterise(page, 180, background=BRAND))
        for size in MANIFEST_SIZES:
            (ICONS / f"icon-{size}.png").write_bytes(rasterise(page, size))
        browser.close()


if __name__ == "__main__":
    main()
