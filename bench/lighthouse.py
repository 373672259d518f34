"""Lighthouse (the npm package from the lock, on Debian's Chromium) on the pages issue 8 names.

Run it against a served MISSA (`make run` in another terminal, or any base URL): it prints each
page's four scores (performance, accessibility, best practices, SEO; Lighthouse's default
mobile emulation) and exits with 1 if one is under 95. Not part of the test suite: scores
depend on the machine. Usage: `make lighthouse` (LIGHTHOUSE_BASE=http://127.0.0.1:8000).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The home page, a journal month, the directory, an actor page (with a logo), the brand kit,
# the directory's map, and the pages with charts or added by issue 8.
PAGES = [
    "/",
    "/journal/2018/04/",
    "/actors/",
    "/actors/?view=map",
    "/actors/architecte-martin/",
    "/brand-kit/",
    "/journal/",
    "/press/",
    "/en/",
]
TARGET = 95


def scores(url: str, attempts: int = 3) -> dict[str, int]:
    """The page's scores (a run whose trace failed is run again, as Lighthouse advises)."""
    for _attempt in range(attempts):
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / "report.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--output-path={output}",
                ],
                check=False,
                env={
                    **os.environ,
                    "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
                },
                capture_output=True,
            )
            report = json.loads(output.read_text()) if output.exists() else {}
        found: dict[str, float | None] = {
            name: (category or {}).get("score")
            for name, category in report.get("categories", {}).items()
        }
        if found and all(value is not None for value in found.values()):
            return {name: round((value or 0) * 100) for name, value in found.items()}
    return {name: 0 for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--base", default=os.environ.get("LIGHTHOUSE_BASE", "http://127.0.0.1:8000")
    )
    args = parser.parse_args()
    failed = False
    print(f"{'page':<30}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for path in PAGES:
        result = scores(args.base.rstrip("/") + path)
        failed |= any(result.get(name, 0) < TARGET for name in CATEGORIES)
        print(f"{path:<30}" + "".join(f"{result.get(name, 0):>16}" for name in CATEGORIES))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
