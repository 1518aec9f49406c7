"""Listings import benchmark: generate a feed of a million rows, import it, print the figures.

    .venv/bin/python benchmarks/listings.py                # 1,000,000 rows
    .venv/bin/python benchmarks/listings.py --rows 200000  # a quicker look

It runs in a throwaway SQLite database in a temporary folder (pass --database-url to use
another database: it must be an empty one you can throw away). Four imports:

1. 100,000 rows for a first provider (all new): the memory baseline;
2. the million-row feed for a second provider (all new);
3. the same file again (all unchanged: only "last seen" moves);
4. a next-day file with 10% of prices changed and 1% of listings gone, as a full feed.

For each it prints rows per second and the peak resident memory during that import (the
kernel's high-water mark, reset before each import). If memory stays flat, the million-row
peaks match the 100,000-row one. Wall-clock figures vary by machine; tests never use them.
"""

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memory import peak_reset, peak_rss_mib

PREFECTURES = ("Tokyo", "Osaka", "Kanagawa", "Aichi", "Fukuoka", "Hokkaido", "Miyagi", "Kyoto")
TYPES = ("apartment_building", "condominium", "house", "land", "commercial")
COLUMNS = (
    "id", "title", "property_type", "prefecture", "city", "station", "walk_minutes",
    "price_yen", "gross_yield", "year_built", "structure", "building_area_m2", "land_area_m2",
    "units", "description", "photos", "url", "status",
)  # fmt: skip


def generate(path: Path, rows: int, *, seed: int, changed: float = 0.0, gone: float = 0.0) -> int:
    """Write a CSV feed; with ``changed``/``gone``, the same listings a day later."""
    base, churn = random.Random(seed), random.Random(seed + 1)
    written = 0
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for n in range(rows):
            price = base.randrange(50, 5000) * 100_000
            yield_pct = base.randrange(30, 110) / 10
            kind = TYPES[n % 5]
            roll = churn.random()
            if roll < gone:
                continue
            if roll < gone + changed:
                price -= 1_000_000
            writer.writerow(
                (
                    f"B-{n:07d}",
                    f"Benchmark listing {n}: {kind.replace('_', ' ')}",
                    kind,
                    PREFECTURES[n % len(PREFECTURES)],
                    "Central Ward",
                    "Central",
                    n % 20 + 1,
                    price,
                    yield_pct,
                    1970 + n % 54,
                    "rc",
                    f"{40 + n % 400}.5",
                    f"{60 + n % 300}.25",
                    n % 30 + 1,
                    "A listing generated for the import benchmark.",
                    f"https://photos.example/{n % 500}.jpg",
                    f"https://provider.example/listings/B-{n:07d}",
                    "active",
                )
            )
            written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", help="an empty, throwaway database (default: SQLite)")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="listings-bench-"))
    os.environ["NEWSROOM_VAR_DIR"] = str(work)
    os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from newsroom.listings.importer import listing_feed_import, provider_get_or_create
    from newsroom.listings.models import Listing

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}; work folder {work}")

    small = work / "small.csv"
    day_one, day_two = work / "day-1.csv", work / "day-2.csv"
    started = time.perf_counter()
    small_rows = generate(small, min(100_000, options.rows), seed=7)
    rows = generate(day_one, options.rows, seed=42)
    next_rows = generate(day_two, options.rows, seed=42, changed=0.10, gone=0.01)
    print(
        f"Generated {rows:,} rows ({day_one.stat().st_size / 2**20:,.0f} MiB) and the next "
        f"day's {next_rows:,} in {time.perf_counter() - started:,.1f} s\n"
    )

    when = datetime(2026, 3, 1, 6, tzinfo=UTC)
    passes = (
        ("bench-small", small, small_rows, "new listings (baseline)"),
        ("bench", day_one, rows, "new listings"),
        ("bench", day_one, rows, "same file again: unchanged"),
        ("bench", day_two, next_rows, "next day: 10% changed, 1% gone"),
    )
    can_reset = peak_reset()
    print(f"{'rows':>10}  {'import':<32} {'seconds':>8} {'rows/s':>9}  {'peak RSS':>9}  result")
    for index, (slug, path, count, label) in enumerate(passes):
        provider = provider_get_or_create(slug=slug)
        peak_reset()
        clock = time.perf_counter()
        run = listing_feed_import(
            path=path, provider=provider, full=True, now=when + timedelta(days=index)
        )
        seconds = time.perf_counter() - clock
        peak = peak_rss_mib()
        print(
            f"{count:>10,}  {label:<32} {seconds:>8.1f} {count / seconds:>9,.0f}  "
            f"{peak:>6.0f} MiB  {run.summary}"
        )
    if not can_reset:
        print("(this kernel cannot reset the peak: figures are the process's peak so far)")
    print(f"\nListings in the database: {Listing.objects.count():,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
