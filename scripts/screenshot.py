"""Take docs/screenshot.png: the seeds' annotated bibliography in headless Chromium.

Usage: .venv/bin/python scripts/screenshot.py [--output docs/screenshot.png]

Builds the seeds in a temporary project (the repository's bib/ and
annotations/ are not touched), opens out/annotated-bibliography.html in
Debian's chromium through chromedriver, and saves a PNG of the page.
Needs selenium (the test extra), chromium and chromium-driver.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "screenshot.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1500)
    args = parser.parse_args()
    from selenium import webdriver

    relbib = Path(sys.executable).parent / "relbib"
    with tempfile.TemporaryDirectory(prefix="relbib-shot-") as tmp:
        work = Path(tmp)
        subprocess.run([str(relbib), "build", "--seeds", str(REPO / "seeds"), "--out", "out"],
                       cwd=work, check=True, stdout=subprocess.DEVNULL)
        page = work / "out" / "annotated-bibliography.html"
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in (*FLAGS, f"--user-data-dir={work / 'profile'}",
                     f"--window-size={args.width},{args.height}"):
            options.add_argument(flag)
        service = webdriver.ChromeService(executable_path=shutil.which("chromedriver")
                                          or "/usr/bin/chromedriver")
        driver = webdriver.Chrome(options=options, service=service)
        try:
            driver.get(page.as_uri())
            time.sleep(0.3)  # the filter script has run; let layout settle
            args.output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.output))
        finally:
            driver.quit()
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
