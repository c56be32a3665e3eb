#!/usr/bin/env python3
"""Opens `pith --format explain` pages in headless Chromium and checks them
as a person would look at them.

For each sample: every decision that has a label and whose element shows on
the page has its label visible on the page; the panel lists every kind of
stripped region with its count, and an entry for each kind the record
counts; the page made no network request (only file: and data: URLs in the
browser's network log). A screenshot of each view is saved.

Drives chromedriver over the W3C WebDriver protocol (JSON over HTTP) with
the standard library alone. Needs `chromium` and `chromedriver` (Debian:
`apt-get install chromium chromium-driver`) and a built `pith`.

    python3 tests/browser/explain.py --pith target/debug/pith --out target/explain-shots
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [
    "all-of-us-are-dead-season-2.html",
    "semantic-html5.html",
    "div-soup-generated-classes.html",
]
KINDS = ["navigation", "comments", "related", "share", "ads", "other"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
]

# Runs in the page: what a person would see of the decisions.
CHECK = """
const marks = document.querySelector('pith-marks');
const panel = document.getElementById('pith-view').shadowRoot;
const shown = (el) => {
  if (!el || (el.checkVisibility && !el.checkVisibility({visibilityProperty: true}))) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
};
const wanted = {};
for (const [node, label, cls, drawn] of PITH) {
  if (node === null || !drawn) continue;
  const el = document.querySelector(`[data-pith-node="${node}"]`);
  if (!shown(el)) continue;
  (wanted[node] = wanted[node] || []).push(label);
}
const missing = [];
let seen = 0;
for (const [node, labels] of Object.entries(wanted)) {
  const box = marks && marks.shadowRoot.querySelector(`.label[data-node="${node}"]`);
  const r = box && box.getBoundingClientRect();
  const style = box && getComputedStyle(box);
  const visible = box && r.width > 0 && r.height > 0 && style.visibility !== 'hidden'
    && style.display !== 'none' && parseFloat(style.opacity) > 0.5;
  const text = box ? box.textContent : '';
  if (!visible || labels.some((l) => !text.includes(l))) missing.push([node, labels, text]);
  else seen += 1;
}
const counts = {};
for (const row of panel.querySelectorAll('#stripped tr[data-kind]')) {
  counts[row.dataset.kind] = parseInt(row.cells[1].textContent, 10);
}
const listed = {};
for (const entry of panel.querySelectorAll('#stripped-list .entry')) {
  for (const k of entry.classList) listed[k] = (listed[k] || 0) + 1;
}
const panelBox = panel.getElementById('panel').getBoundingClientRect();
return {labels: seen, missing, counts, listed, panelWidth: panelBox.width,
        title: panel.getElementById('title').textContent};
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """A WebDriver session on a chromedriver it started."""

    def __init__(self, chromium, chromedriver, profile):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [chromedriver, f"--port={self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": FLAGS + [f"--user-data-dir={profile}"],
            },
            "goog:loggingPrefs": {"performance": "ALL"},
        }
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})
        self.session = f"/session/{session['sessionId']}"
        self.do("POST", "/url", {"url": "about:blank"})

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]

    def do(self, method, path, body=None):
        return self.call(method, self.session + path, body)

    def quit(self):
        try:
            self.call("DELETE", self.session)
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def requested_urls(driver):
    """URLs that local pages (file: documents) asked for, from the
    browser's performance log; the browser's own new-tab page is not ours."""
    urls = []
    for entry in driver.do("POST", "/se/log", {"type": "performance"}):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            if params.get("documentURL", "").startswith("file:"):
                urls.append(params["request"]["url"])
    return urls


def check(driver, page, shots):
    problems = []
    requested_urls(driver)  # what came before is not this page's
    driver.do("POST", "/url", {"url": page.as_uri()})
    for _ in range(50):
        if driver.do("POST", "/execute/sync", {"script": "return document.readyState", "args": []}) == "complete":
            break
        time.sleep(0.1)
    got = driver.do("POST", "/execute/sync", {"script": CHECK, "args": []})
    if got["missing"]:
        problems.append(f"labels not visible: {got['missing'][:5]}")
    if got["labels"] == 0:
        problems.append("no label drawn at all")
    if sorted(got["counts"]) != sorted(KINDS):
        problems.append(f"panel counts list {sorted(got['counts'])}, not every kind")
    for kind, n in got["counts"].items():
        if n > 0 and got["listed"].get(kind, 0) == 0:
            problems.append(f"{kind}: counted {n} but no entry in the panel")
    if got["panelWidth"] < 200:
        problems.append("the panel is not shown")
    remote = [u for u in requested_urls(driver) if not u.startswith(("file:", "data:"))]
    if remote:
        problems.append(f"network requests: {remote[:5]}")
    png = base64.b64decode(driver.do("GET", "/screenshot"))
    shot = shots / (page.stem + ".png")
    shot.write_bytes(png)
    network = f"{len(remote)} network requests" if remote else "no network request"
    print(f"{page.name}: {got['labels']} labels visible, stripped {got['counts']}, "
          f"{network}; screenshot {shot}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pith", default=str(ROOT / "target/debug/pith"))
    parser.add_argument("--out", default=str(ROOT / "target/explain-shots"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "chromedriver")
    args = parser.parse_args()
    shots = Path(args.out)
    # pith runs from the checkout: a path to it must not depend on the caller's.
    pith = str(Path(args.pith).resolve()) if "/" in args.pith else args.pith
    shots.mkdir(parents=True, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for name in SAMPLES:
            page = Path(tmp) / (Path(name).stem + ".explain.html")
            # A relative source, as a user would type it, is what the panel shows.
            subprocess.run([pith, "--format", "explain", "-q", "-o", str(page),
                            f"samples/{name}"], check=True, cwd=ROOT)
            pages.append(page)
        driver = Driver(args.chromium, args.chromedriver, Path(tmp) / "profile")
        try:
            for page in pages:
                problems = check(driver, page, shots)
                for p in problems:
                    print(f"  FAIL {page.name}: {p}", file=sys.stderr)
                failed |= bool(problems)
        finally:
            driver.quit()
    print("explain browser test:", "FAILED" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
