"""Render the site's mark (static_src/img/tarjotin.svg) to the PNG icons of the web manifest and
of Apple devices and to favicon.ico, with the browser of the end-to-end tests (Chromium, through
Playwright) and Pillow. Run it again after changing the SVG, and commit what it writes:

    .venv/bin/python scripts/make_icons.py
"""

import io
import os
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

FOLDER = Path(__file__).resolve().parent.parent / "static_src" / "img"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}


def main():
    svg = (FOLDER / "tarjotin.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page()

        def render(size):
            page.set_viewport_size({"width": size, "height": size})
            page.set_content(
                f"<style>html,body{{margin:0;background:transparent}}svg{{display:block;"
                f"width:{size}px;height:{size}px}}</style>{svg}"
            )
            return Image.open(io.BytesIO(page.screenshot(omit_background=True)))

        for name, size in SIZES.items():
            render(size).save(FOLDER / name, optimize=True)
        render(64).save(FOLDER / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        browser.close()


if __name__ == "__main__":
    main()
