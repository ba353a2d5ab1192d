"""The HTML page opens in headless Chromium with no console error, and the
filter shrinks the list as a person types."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Data

from relbib.render import render_bibliography

CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
CHROMEDRIVER = ("/usr/bin/chromedriver", "chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1200,900")


def _which(names: tuple[str, ...]) -> str | None:
    return next((p for p in (shutil.which(n) for n in names) if p), None)


def open_browser(profile: Path) -> Any:
    """A headless Chromium driven by Debian's chromedriver (skips when missing)."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extra)")
    browser, driver = _which(CHROMIUM), _which(CHROMEDRIVER)
    if browser is None or driver is None:
        message = "chromium and chromium-driver are not installed (CI installs them; see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)  # .ci/run installs them: a skip would hide that
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver))


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = open_browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def _page(tmp_path: Path, data: Data) -> str:
    page = tmp_path / "annotated-bibliography.html"
    page.write_text(render_bibliography(data.entries, data.annotations, fmt="html",
                                        essays=data.essays, essay_texts=data.essay_texts),
                    encoding="utf-8")
    return page.as_uri()


def _visible(driver: Any, selector: str) -> int:
    return int(driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(function (e) { return !e.hidden; }).length;", selector))


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_page_opens_with_no_console_error_and_the_filter_works(browser: Any, tmp_path: Path,
                                                              library_data: Data) -> None:
    from selenium.webdriver.common.by import By

    browser.get(_page(tmp_path, library_data))
    assert _errors(browser) == []
    total = _visible(browser, "li.entry")
    assert total == len(library_data.entries)
    form = browser.find_element(By.ID, "filter")
    assert form.is_displayed(), "the script ran and showed the filter"
    box = browser.find_element(By.ID, "filter-text")
    box.send_keys("clausewitz")
    assert 0 < _visible(browser, "li.entry") < total
    assert "1 of" in browser.find_element(By.ID, "filter-count").text
    box.clear()
    box.send_keys(" ")  # an input event after clearing
    assert _visible(browser, "li.entry") == total
    browser.execute_script(
        "var s = document.getElementById('filter-tag'); s.selectedIndex = 1;"
        "s.dispatchEvent(new Event('change', {bubbles: true}));")
    tagged = _visible(browser, "li.entry")
    assert 0 < tagged < total
    assert _errors(browser) == []


def test_hostile_page_runs_no_script_from_the_data(browser: Any, tmp_path: Path,
                                                   hostile_data: Data) -> None:
    browser.get(_page(tmp_path, hostile_data))
    # alert(1) from a title or an onerror would leave an open alert behind
    assert browser.execute_script("return document.querySelectorAll('img').length;") == 0
    assert browser.execute_script("return document.scripts.length;") == 1
    body = browser.execute_script("return document.body.innerText;")
    # a CSL style may recase a title ("<Script>"): the characters are what count
    assert "<script>alert(1)</script>" in body.lower()
    assert "<img src=x onerror=alert(1)>" in body
    assert _errors(browser) == []
