"""Lighthouse scores (performance, accessibility) of pages of the built portal, on a phone.

    npm install --prefix /tmp/lh lighthouse          # once; this script installs nothing
    python3 scripts/lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse
    python3 scripts/lighthouse.py --site site/ --page truong/dbp-thcs-him-lam/2024-2025/
    python3 scripts/lighthouse.py --min-score 95      # exits with 1 under 95

The site is built with `mkdocs build --strict` into a temp dir (or `--site DIR`, already
built) and served on 127.0.0.1 by a plain static server that compresses nothing (the
worst host an office may have; `--gzip` compresses text as most hosts do). Lighthouse runs
against the home page and a school's page for a year (or each `--page`) as a phone
(Lighthouse's default: Moto G Power, slow 4G, 4x CPU slowdown; `--form-factor both` adds a
desktop), in Debian's chromium (CHROME_PATH=/usr/bin/chromium, headless). Scores move by a
few points from run to run (the CPU time of the page's scripts is measured on this
machine, then scaled), so each page runs `--runs` times (3) and the median run is shown:
its scores, metrics and what keeps a score under 100. The JSON reports go to `--out`.

Lighthouse comes from `--lighthouse PATH`, else $LIGHTHOUSE, else `lighthouse` on PATH,
else `npx --no-install lighthouse` (npx never downloads it here).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _serve import QuietHandler, serve

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ("", "truong/dbp-thcs-him-lam/2024-2025/")  # the home page, a school's page for a year
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs")


class _PlainHost(QuietHandler):
    """A plain static host: files as they are, cache headers like a CDN's defaults."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()


class _StaticHost(QuietHandler):
    """A static host: gzip for text when asked, cache headers like a CDN's defaults."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()  # the redirect to the address with a slash
                return
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE \
                or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def lighthouse_command(given: str | None) -> list[str]:
    if given:
        return [given]
    if os.environ.get("LIGHTHOUSE"):
        return [os.environ["LIGHTHOUSE"]]
    found = shutil.which("lighthouse")
    if found:
        return [found]
    npx = shutil.which("npx")
    if npx and subprocess.run([npx, "--no-install", "lighthouse", "--version"],
                              capture_output=True, timeout=120).returncode == 0:
        return [npx, "--no-install", "lighthouse"]
    sys.exit("Lighthouse not found: npm install --prefix /tmp/lh lighthouse, "
             "then --lighthouse /tmp/lh/node_modules/.bin/lighthouse")


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    subprocess.run(command, cwd=REPO, env=env, check=True)


def run(lighthouse: list[str], url: str, form_factor: str, chrome: str, out: Path, number: int,
        name: str) -> dict[str, Any]:
    report = out / f"lighthouse-{name}-{form_factor}-{number + 1}.json"
    command = [*lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility", f"--chrome-flags={CHROME_FLAGS}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    subprocess.run(command, env=env, check=True, timeout=600)
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def describe(result: dict[str, Any]) -> list[str]:
    lines = []
    categories = result["categories"]
    audits = result["audits"]
    for key in ("performance", "accessibility"):
        score = categories[key]["score"]
        lines.append(f"  {categories[key]['title']}: {round(score * 100) if score is not None else '?'}")
    metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
               "cumulative-layout-shift", "speed-index"]
    lines.append("    " + ", ".join(f"{audits[m]['title']} {audits[m].get('displayValue', '')}"
                                    for m in metrics if m in audits))
    for key in ("performance", "accessibility"):
        for ref in categories[key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lines.append(f"    below 100 ({key}): {audit['title']} {audit.get('displayValue', '')}".rstrip())
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lighthouse", help="the lighthouse command (default: $LIGHTHOUSE, PATH, npx)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into a temp dir)")
    parser.add_argument("--page", action="append", dest="pages",
                        help="a page under the site, repeatable (default: the home page and "
                             f"{DEFAULT_PAGES[1]})")
    parser.add_argument("--gzip", action="store_true", help="serve text gzipped (default: uncompressed)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--form-factor", choices=["mobile", "desktop", "both"], default="mobile")
    parser.add_argument("--out", type=Path, help="a folder for the JSON reports (default: a temp dir)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per form factor; the median is shown (Lighthouse's own advice; default 3)")
    parser.add_argument("--min-score", type=int, help="exit with 1 when a median score is below this")
    args = parser.parse_args(argv)

    lighthouse = lighthouse_command(args.lighthouse)
    if not Path(args.chrome).exists():
        sys.exit(f"{args.chrome} not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        factors = ["mobile", "desktop"] if args.form_factor == "both" else [args.form_factor]
        low = False
        host = _StaticHost if args.gzip else _PlainHost
        with serve(site, host) as base:
            print(f"Served by {'a gzip' if args.gzip else 'a plain, uncompressed'} static server at {base}; "
                  f"{args.runs} run(s) per page and form factor, the median shown")
            for number, page in enumerate(args.pages or DEFAULT_PAGES):
                url = base + page.lstrip("/")
                for factor in factors:
                    results = [run(lighthouse, url, factor, args.chrome, out, i, f"page{number + 1}")
                               for i in range(args.runs)]
                    results.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
                    median = results[len(results) // 2]
                    runs = ", ".join(str(round((r["categories"]["performance"]["score"] or 0) * 100))
                                     for r in results)
                    print(f"/{page} {factor} (Lighthouse {median.get('lighthouseVersion', '?')}; "
                          f"performance of each run: {runs}; median "
                          f"{round((median['categories']['performance']['score'] or 0) * 100)}):")
                    print("\n".join(describe(median)))
                    scores = [median["categories"][k]["score"] for k in ("performance", "accessibility")]
                    if args.min_score is not None and any(s is None or s * 100 < args.min_score for s in scores):
                        low = True
        if args.out:
            print(f"reports in {out}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
