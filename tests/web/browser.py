"""A real server on a free localhost port and a headless Debian chromium driven by selenium.

The browser tests skip (with the reason) only when chromium or its driver is not installed;
CI installs both (``apt-get install chromium chromium-driver``).

Every step waits for what it needs, never for a fixed time. A click on a submit button or
a link returns as soon as the browser has taken it, not when the next page is there: under
load the next ``find_element`` read the page being left (the recipients listed before the
filter applied, the upload form before its answer), and asking about an element of the page
being left failed with «Node with given id does not belong to the document». :func:`press`
therefore waits until a loaded page that is not the one left is there, and :func:`wait_text`
reads an element again when a reload replaced it.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="нет chromium и chromedriver (apt-get install chromium chromium-driver)")

#: The longest a page may take to answer on a loaded machine (an upper bound, not a pause).
PAGE_TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(folder: Path, work: Path, **settings: Any) -> Iterator[str]:
    """``nastavnik_docs.web`` on uvicorn in a thread; yields its address."""
    import uvicorn

    from nastavnik_docs.web import WebSettings, create_app

    port = free_port()
    app = create_app(WebSettings(folder=folder, port=port, work_dir=work, **settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, access_log=False, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive(), 60, "the server to start")
    if not server.started:
        raise RuntimeError("the server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def chromium(downloads: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=ru-RU"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()


def wait_until(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """``condition()`` once it is true (polled; an upper bound, never a pause)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def go(driver: Any, url: str) -> None:
    """Open ``url`` (``get`` returns when the page has loaded)."""
    driver.get(url)


def press(driver: Any, element: Any, timeout: float = PAGE_TIMEOUT) -> None:
    """Click ``element`` (a submit button, a link) and wait for the page that answers.

    The page being left is marked (a property of its window); the answer has arrived when a
    loaded document without the mark is there. Asking while the browser is between the two
    pages may fail in several ways (a stale element, a node «that does not belong to the
    document», no execution context): each only means «not yet».
    """
    from selenium.common.exceptions import WebDriverException

    driver.execute_script("window.nastavnikLeaving = true")
    element.click()

    def arrived() -> bool:
        try:
            return bool(driver.execute_script(
                "return !window.nastavnikLeaving && document.readyState === 'complete'"))
        except WebDriverException:
            return False

    wait_until(arrived, timeout, "the next page")


def submit(driver: Any, text: str, timeout: float = PAGE_TIMEOUT) -> None:
    """Press the submit button labelled ``text`` and wait for the page that answers."""
    from selenium.webdriver.common.by import By

    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if text in b.text]
    assert buttons, f"no button «{text}»"
    press(driver, buttons[0], timeout)


def wait_text(driver: Any, element_id: str, expected: str, timeout: float) -> str:
    """The text of ``#element_id`` once it contains ``expected`` (the page may reload meanwhile)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    def text() -> str | None:
        try:
            value = driver.find_element(By.ID, element_id).text
        except WebDriverException:  # not there yet, or replaced by a reload meanwhile
            return None
        return value if expected in value else None

    return str(wait_until(text, timeout, f"«{expected}» in #{element_id}"))


def fill(driver: Any, values: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def choose(driver: Any, values: dict[str, str]) -> None:
    """Pick options of selects by value."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    for name, value in values.items():
        Select(driver.find_element(By.NAME, name)).select_by_value(value)


def downloaded(folder: Path, suffix: str, timeout: float = PAGE_TIMEOUT) -> Path:
    """The file a download put into ``folder`` (complete: no .crdownload left)."""
    def done() -> Path | None:
        files = [p for p in folder.iterdir() if p.suffix == suffix]
        partial = [p for p in folder.iterdir() if p.suffix == ".crdownload"]
        return files[0] if files and not partial else None

    return wait_until(done, timeout, f"a {suffix} download in {folder}")
