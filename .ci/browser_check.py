"""Open the built docs and one rendered HTML repr in headless Chromium; fail on a bad page.

    python .ci/browser_check.py SITE_DIR

Every HTML page of the site is loaded by Chromium (``--dump-dom``, so the page is
parsed and its scripts run); a page fails when Chromium cannot load it or the DOM it
returns lacks the page's heading. Every link in a page is checked: a relative link must
point at a file of the site (with its anchor present, when it has one). Then the HTML
repr of a Consensus on the demo data is written to a page, loaded the same way and
checked for its table rows, and a screenshot is taken.
"""

from __future__ import annotations

import html.parser
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in ("h1", "h2"):
            self.headings += 1


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser check: no Chromium on this machine")


def _dom(browser: str, page: Path) -> str:
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         page.resolve().as_uri()],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if done.returncode != 0 or "<body" not in done.stdout:
        sys.exit(f"browser check: {page} did not render ({done.stderr.strip()[:200]})")
    return done.stdout


def _parse(dom: str) -> _Links:
    parser = _Links()
    parser.feed(dom)
    return parser


def check_site(browser: str, site: Path) -> int:
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {}
    for page in pages:
        parsed[page] = _parse(_dom(browser, page))
        if page.name != "404.html" and parsed[page].headings == 0:
            sys.exit(f"browser check: {page} rendered without a heading")
    broken = []
    for page, found in parsed.items():
        for href in found.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue  # outside the site: not ours to check offline
            if parts.path.startswith("/"):  # from the site root (the 404 page)
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    if broken:
        sys.exit("browser check: broken links:\n  " + "\n  ".join(broken))
    return len(pages)


def check_repr(browser: str) -> Path:
    import reconcile as rc

    result = rc.score(rc.datasets.load_demo())
    folder = Path(tempfile.mkdtemp(prefix="reconcile-repr-"))
    page = folder / "consensus.html"
    page.write_text(f"<!doctype html><html><body><h1>Consensus</h1>{result._repr_html_()}"
                    "</body></html>", encoding="utf-8")  # fmt: skip
    dom = _dom(browser, page)
    rows = dom.count("<tr")
    if rows < 5 or "trust" not in dom:
        sys.exit(f"browser check: the Consensus HTML repr rendered {rows} table rows")
    shot = folder / "consensus.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,800",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    if not shot.exists() or shot.stat().st_size < 1000:
        sys.exit("browser check: no screenshot of the HTML repr")
    return shot


def main() -> int:
    browser = _browser()
    n = check_site(browser, Path(sys.argv[1]))
    shot = check_repr(browser)
    print(f"browser check: {n} docs pages rendered, links resolve; HTML repr rendered ({shot})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
