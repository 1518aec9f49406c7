"""Wire import benchmark: 10,000 ninjs items in, items per second and peak memory out.

    .venv/bin/python benchmarks/wire.py                 # 10,000 items
    .venv/bin/python benchmarks/wire.py --items 1000    # a quicker look

It runs in a throwaway SQLite database in a temporary folder (set DATABASE_URL to an empty,
throwaway database to use another). It generates a JSON Lines file of invented stories
(four paragraphs and a block quote each, one in ten with a lead photo) and times, each with
the process's peak resident memory (the kernel's high-water mark, reset before each pass):

1. parsing and converting the bodies only, no database: the floor every import pays;
2. importing the file for an auto-publish source: every item a new, published article;
3. the same file again: every item unchanged;
4. a writethru (version 2) of every tenth story: a new revision, published, for each.

Each pass prints its rate by the wall clock and by this process's own CPU time (on a busy
machine the wall clock mostly measures the other processes), and the import passes their
wall-clock rate as a share of the parse-only rate of the same run: how much of the cost is
the database and Wagtail's page machinery. Figures vary by machine; tests never use them.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from harness import database_prepare, section_build  # configures Django first
from memory import peak_reset, peak_rss_mib

# isort: split
from django.conf import settings
from django.db import connection
from PIL import Image

from newsroom.articles.models import ArticlePage, Source
from newsroom.wire.body import body_blocks
from newsroom.wire.parsers import parse_wire_bytes
from newsroom.wire.services import wire_files_import

PARAGRAPH = (
    "<p style='margin:0'>The {n}th council meeting of the season agreed on a plan for the "
    "harbour district, officials said, after a debate that ran <b>past midnight</b>.</p>"
)
QUOTE = "<blockquote>We will keep going.<cite>A member</cite></blockquote>"


def generate(path: Path, items: int, *, version: int, every: int = 1) -> int:
    """Write ``items`` stories (with ``every``, only every n-th); how many were written."""
    with path.open("w", encoding="utf-8") as file:
        for n in range(0, items, every):
            item = {
                "uri": f"urn:benchwire:{n:06d}",
                "version": str(version),
                "versioncreated": f"2026-11-2{version}T09:00:00Z",
                "headline": f"Benchmark story {n}" + (" (writethru)" if version > 1 else ""),
                "byline": "Bench Reporter",
                "description_text": "A generated story for the wire benchmark.",
                "body_html": PARAGRAPH.format(n=n) * 4 + QUOTE,
                "copyrightnotice": "Copyright 2026 Bench Wire",
            }
            if n % 10 == 0:
                item["associations"] = {
                    "featureimage": {
                        "type": "picture",
                        "description_text": "A generated photo.",
                        "renditions": {"original": {"href": "photo.jpg"}},
                    }
                }
            file.write(json.dumps(item) + "\n")
    return len(range(0, items, every))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    options = parser.parse_args()

    database_prepare()
    work = Path(settings.VAR_DIR)
    print(f"Database: {connection.vendor}; work folder {work}")
    section = section_build()
    source = Source.objects.create(
        name="Bench Wire", rights_holder="Bench Wire", section=section, auto_publish=True
    )
    first, second = work / "v1.jsonl", work / "v2.jsonl"
    generate(first, options.items, version=1)
    writethrus = generate(second, options.items, version=2, every=10)
    Image.new("RGB", (320, 200), (30, 90, 140)).save(work / "photo.jpg")
    print(f"Generated {options.items:,} items ({first.stat().st_size / 2**20:,.1f} MiB)\n")

    can_reset = peak_reset()
    header = f"{'items':>7}  {'pass':<38} {'seconds':>8} {'items/s':>8} {'per CPU s':>9}"
    print(f"{header} {'of parse':>8}  {'peak RSS':>9}  result", flush=True)
    clock, cpu = time.perf_counter(), time.process_time()
    for entry in parse_wire_bytes(first.read_bytes(), lines=True):
        body_blocks(entry.item.body_html)
    seconds, cpu = time.perf_counter() - clock, time.process_time() - cpu
    floor = options.items / seconds
    print(
        f"{options.items:>7,}  {'parse and convert only (no database)':<38} {seconds:>8.1f} "
        f"{floor:>8,.0f} {options.items / cpu:>9,.0f} {'100%':>8}  {peak_rss_mib():>6.0f} MiB",
        flush=True,
    )
    for path, count, label in (
        (first, options.items, "import: new stories, published"),
        (first, options.items, "the same file again: unchanged"),
        (second, writethrus, "writethru of every tenth story"),
    ):
        peak_reset()
        clock, cpu = time.perf_counter(), time.process_time()
        run = wire_files_import(source=source, section=section, paths=[path], trigger="benchmark")
        seconds, cpu = time.perf_counter() - clock, time.process_time() - cpu
        rate = count / seconds
        print(
            f"{count:>7,}  {label:<38} {seconds:>8.1f} {rate:>8,.1f} {count / cpu:>9,.1f} "
            f"{rate / floor:>8.1%}  {peak_rss_mib():>6.0f} MiB  {run.summary}",
            flush=True,
        )
    if not can_reset:
        print("(this kernel cannot reset the peak: figures are the process's peak so far)")
    print(f"\nArticles in the database: {ArticlePage.objects.count():,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
