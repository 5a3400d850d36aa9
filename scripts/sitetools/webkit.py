"""WebKit, the engine of every iPhone browser, for the tests.

Debian's WebKitGTK: its MiniBrowser (package libwebkit2gtk-4.1-0) driven by
Selenium through the system WebKitWebDriver (package webkit2gtk-driver), on
a virtual screen from Xvfb (package xvfb). ./scripts/test installs all three.
With --automation, MiniBrowser gives every session its own empty storage.

The screen: start_display() starts Xvfb itself rather than ./scripts/test
wrapping pytest in `xvfb-run -a`. With -displayfd the X server picks a free
display number and tells us, so several runs on one shared machine never race
for one (xvfb-run -a guesses from lock files); Xvfb starts only when a WebKit
test runs; and plain `pytest` works as well as ./scripts/test.
"""

from __future__ import annotations

import glob
import os
import select
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

MINIBROWSER_GLOB = "/usr/lib/*/webkit2gtk-4.1/MiniBrowser"
WINDOW = (1280, 900)  # the desktop size the Chromium tests use
SCREEN = "1280x1024x24"  # room for that window
DISPLAY_TIMEOUT = 10  # seconds for Xvfb to say which display it opened


class WebKitMissing(RuntimeError):
    """Part of WebKit is not installed; the message says which."""


def minibrowser_path() -> str | None:
    """$MINIBROWSER, else the one libwebkit2gtk-4.1-0 installs, else None."""
    for candidate in [os.environ.get("MINIBROWSER"), *sorted(glob.glob(MINIBROWSER_GLOB))]:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def missing_parts() -> list[str]:
    """What is not installed, in words, e.g. ["WebKitWebDriver (package webkit2gtk-driver)"]."""
    parts = {
        "WebKitWebDriver (package webkit2gtk-driver)": shutil.which("WebKitWebDriver"),
        "MiniBrowser (package libwebkit2gtk-4.1-0)": minibrowser_path(),
        "Xvfb (package xvfb)": shutil.which("Xvfb"),
    }
    return [name for name, found in parts.items() if not found]


class Display:
    """A virtual screen (Xvfb) for the browser's window. Use as a context manager,
    or call close() when done."""

    def __init__(self):
        missing = missing_parts()
        if missing:
            raise WebKitMissing("not installed: " + ", ".join(missing))
        read_end, write_end = os.pipe()
        # Its messages go to a file, not a pipe: a full pipe would freeze Xvfb.
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=self.log)
        os.close(write_end)
        try:
            number = self._read_display_number(read_end)
        finally:
            os.close(read_end)
        self.name = f":{number}"

    def _read_display_number(self, read_end: int) -> str:
        text = b""
        while not text.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], DISPLAY_TIMEOUT)
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:  # Xvfb exited, or said nothing in time
                self.close()
                self.log.seek(0)
                error = self.log.read().decode(errors="replace")[-500:]
                raise WebKitMissing(f"Xvfb did not start a virtual screen: {error or 'no answer'}")
            text += chunk
        return text.decode().strip()

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


START_TRIES = 2
START_SECONDS = 90


def start_webkit(display: Display):
    """A new WebKitGTK session on DISPLAY: a selenium WebDriver, empty storage.
    Call .quit() when done."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.service import Service

    options = webdriver.WebKitGTKOptions()
    options.binary_location = minibrowser_path()
    options.add_argument("--automation")
    # On a busy machine a start has once hung for 11 minutes (the driver never
    # heard from MiniBrowser). So each try gets START_SECONDS; a hung one is
    # stopped (killing its driver ends the waiting request) and tried again.
    for attempt in range(1, START_TRIES + 1):
        # An explicit driver path: Selenium never tries to download one.
        service = Service(executable_path=shutil.which("WebKitWebDriver"),
                          env={**os.environ, "DISPLAY": display.name})
        started: dict = {}

        def start():
            try:
                started["driver"] = webdriver.WebKitGTK(options=options, service=service)
            except Exception as error:  # reported below, with the try it came from
                started["error"] = error

        thread = threading.Thread(target=start, daemon=True)
        thread.start()
        thread.join(START_SECONDS)
        if "driver" in started:
            started["driver"].set_window_size(*WINDOW)
            return started["driver"]
        service.stop()
        thread.join(10)
    raise RuntimeError(f"WebKit did not start in {START_TRIES} tries of {START_SECONDS} s "
                       f"(last: {started.get('error', 'no answer from MiniBrowser')}).")
