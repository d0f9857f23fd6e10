"""Chromium settings shared by the e2e tests (tests/e2e) and the audit (tools/audit.py).

These machines have no internet: Debian's chromium is used (never `playwright install`), and every
request to a host other than loopback is made to fail, so a page that tries to load a font, CDN or
tracker shows up as an off-site request instead of leaking anything.
"""

import shlex

CHROMIUM = "/usr/bin/chromium"

# No --user-data-dir: Playwright and Lighthouse's chrome-launcher each create a fresh profile
# (Playwright refuses the flag in `args`).
FLAGS = [
    "--headless",
    "--no-sandbox",  # we run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The flags above still leave DNS lookups for Google hosts; these two stop all off-machine
    # traffic. Chromium never sends loopback through a proxy, so the local site still loads.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
]


def chrome_flags_string() -> str:
    """FLAGS as one string for Lighthouse's --chrome-flags (it splits it like a shell would)."""
    parts = []
    for flag in FLAGS:
        name, eq, value = flag.partition("=")
        parts.append(f"{name}={shlex.quote(value)}" if eq else name)
    return " ".join(parts)
