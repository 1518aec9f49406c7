"""The demo's listings: an invented provider, two days of its feed, and their import.

"Sakura Estate Data" and every listing in its feed are fictional; places and stations are
real (they are facts), prices and yields are made up within plausible ranges. Day one is a
CSV file, day two a JSON Lines file that changes prices and statuses, adds listings, drops
some (which the full-feed import withdraws) and carries two bad rows (which it rejects).
Both files are written to the drop folder, as the provider would deliver them.
"""

import csv
import json
import os
import random
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from newsroom.demo.property_photos import draw_photo
from newsroom.listings.feed import COLUMNS
from newsroom.listings.importer import listing_feed_import, provider_get_or_create
from newsroom.listings.models import Provider

PROVIDER_SLUG = "sakura-estate"
PROVIDER_NAME = "Sakura Estate Data"
PROVIDER_WEBSITE = "https://sakura-estate.example/"
DAY_ONE_FILE = "sakura-estate-day-1.csv"
DAY_TWO_FILE = "sakura-estate-day-2.jsonl"
LISTINGS_DAY_ONE = 300
PHOTO_VARIANTS = {
    "apartment": 4,
    "condominium": 3,
    "house": 3,
    "land": 2,
    "commercial": 3,
    "interior": 3,
}

# (prefecture, city or ward, nearest station or None, weight)
PLACES: tuple[tuple[str, str, str | None, int], ...] = (
    ("hokkaido", "Sapporo, Chuo Ward", "Odori", 4),
    ("hokkaido", "Sapporo, Kita Ward", "Kita-Juni-Jo", 2),
    ("hokkaido", "Asahikawa", "Asahikawa", 1),
    ("hokkaido", "Hakodate", "Hakodate", 1),
    ("aomori", "Aomori", "Aomori", 1),
    ("aomori", "Hachinohe", "Hon-Hachinohe", 1),
    ("iwate", "Morioka", "Morioka", 1),
    ("miyagi", "Sendai, Aoba Ward", "Sendai", 3),
    ("miyagi", "Sendai, Taihaku Ward", "Nagamachi", 1),
    ("akita", "Akita", "Akita", 1),
    ("yamagata", "Yamagata", "Yamagata", 1),
    ("fukushima", "Koriyama", "Koriyama", 1),
    ("fukushima", "Fukushima", "Fukushima", 1),
    ("ibaraki", "Mito", "Mito", 1),
    ("ibaraki", "Tsukuba", "Tsukuba", 1),
    ("tochigi", "Utsunomiya", "Utsunomiya", 1),
    ("gunma", "Takasaki", "Takasaki", 1),
    ("gunma", "Maebashi", "Maebashi", 1),
    ("saitama", "Saitama, Omiya Ward", "Omiya", 3),
    ("saitama", "Kawaguchi", "Kawaguchi", 2),
    ("saitama", "Tokorozawa", "Tokorozawa", 1),
    ("chiba", "Chiba, Chuo Ward", "Chiba", 2),
    ("chiba", "Funabashi", "Funabashi", 2),
    ("chiba", "Kashiwa", "Kashiwa", 1),
    ("tokyo", "Setagaya", "Sangen-Jaya", 4),
    ("tokyo", "Shinjuku", "Takadanobaba", 3),
    ("tokyo", "Taito", "Ueno", 3),
    ("tokyo", "Koto", "Monzen-Nakacho", 3),
    ("tokyo", "Nerima", "Nerima", 3),
    ("tokyo", "Ota", "Kamata", 3),
    ("tokyo", "Toshima", "Ikebukuro", 3),
    ("tokyo", "Sumida", "Kinshicho", 2),
    ("tokyo", "Nakano", "Nakano", 2),
    ("tokyo", "Shinagawa", "Oimachi", 2),
    ("tokyo", "Musashino", "Kichijoji", 2),
    ("tokyo", "Hachioji", "Hachioji", 2),
    ("kanagawa", "Yokohama, Kohoku Ward", "Kikuna", 3),
    ("kanagawa", "Yokohama, Naka Ward", "Kannai", 2),
    ("kanagawa", "Kawasaki, Nakahara Ward", "Musashi-Kosugi", 3),
    ("kanagawa", "Fujisawa", "Fujisawa", 2),
    ("kanagawa", "Sagamihara, Midori Ward", "Hashimoto", 1),
    ("niigata", "Niigata, Chuo Ward", "Niigata", 1),
    ("niigata", "Nagaoka", "Nagaoka", 1),
    ("toyama", "Toyama", "Toyama", 1),
    ("ishikawa", "Kanazawa", "Kanazawa", 2),
    ("fukui", "Fukui", "Fukui", 1),
    ("yamanashi", "Kofu", "Kofu", 1),
    ("nagano", "Nagano", "Nagano", 1),
    ("nagano", "Matsumoto", "Matsumoto", 1),
    ("gifu", "Gifu", "Gifu", 1),
    ("shizuoka", "Shizuoka, Aoi Ward", "Shizuoka", 1),
    ("shizuoka", "Hamamatsu", "Hamamatsu", 1),
    ("aichi", "Nagoya, Naka Ward", "Sakae", 3),
    ("aichi", "Nagoya, Chikusa Ward", "Imaike", 2),
    ("aichi", "Nagoya, Nakamura Ward", "Nagoya", 2),
    ("aichi", "Okazaki", "Higashi-Okazaki", 1),
    ("mie", "Tsu", "Tsu", 1),
    ("mie", "Yokkaichi", "Kintetsu-Yokkaichi", 1),
    ("shiga", "Otsu", "Otsu", 1),
    ("shiga", "Kusatsu", "Kusatsu", 1),
    ("kyoto", "Kyoto, Nakagyo Ward", "Karasuma-Oike", 2),
    ("kyoto", "Kyoto, Shimogyo Ward", "Kyoto", 2),
    ("kyoto", "Kyoto, Sakyo Ward", "Demachiyanagi", 1),
    ("osaka", "Osaka, Kita Ward", "Umeda", 3),
    ("osaka", "Osaka, Naniwa Ward", "Namba", 3),
    ("osaka", "Osaka, Yodogawa Ward", "Shin-Osaka", 2),
    ("osaka", "Osaka, Tennoji Ward", "Tennoji", 2),
    ("osaka", "Suita", "Esaka", 2),
    ("osaka", "Toyonaka", "Toyonaka", 1),
    ("hyogo", "Kobe, Chuo Ward", "Sannomiya", 3),
    ("hyogo", "Kobe, Nada Ward", "Rokkomichi", 1),
    ("hyogo", "Nishinomiya", "Nishinomiya", 2),
    ("hyogo", "Himeji", "Himeji", 1),
    ("hyogo", "Amagasaki", "Amagasaki", 1),
    ("nara", "Nara", "Kintetsu-Nara", 1),
    ("wakayama", "Wakayama", "Wakayama", 1),
    ("tottori", "Tottori", "Tottori", 1),
    ("shimane", "Matsue", "Matsue", 1),
    ("okayama", "Okayama, Kita Ward", "Okayama", 2),
    ("okayama", "Kurashiki", "Kurashiki", 1),
    ("hiroshima", "Hiroshima, Minami Ward", "Hiroshima", 2),
    ("hiroshima", "Fukuyama", "Fukuyama", 1),
    ("yamaguchi", "Shimonoseki", "Shimonoseki", 1),
    ("yamaguchi", "Yamaguchi", "Shin-Yamaguchi", 1),
    ("tokushima", "Tokushima", "Tokushima", 1),
    ("kagawa", "Takamatsu", "Takamatsu", 1),
    ("ehime", "Matsuyama", "Matsuyama", 1),
    ("kochi", "Kochi", "Kochi", 1),
    ("fukuoka", "Fukuoka, Hakata Ward", "Hakata", 3),
    ("fukuoka", "Fukuoka, Chuo Ward", "Tenjin", 3),
    ("fukuoka", "Fukuoka, Sawara Ward", "Nishijin", 1),
    ("fukuoka", "Kitakyushu, Kokurakita Ward", "Kokura", 2),
    ("fukuoka", "Kurume", "Kurume", 1),
    ("saga", "Saga", "Saga", 1),
    ("nagasaki", "Nagasaki", "Nagasaki", 1),
    ("nagasaki", "Sasebo", "Sasebo", 1),
    ("kumamoto", "Kumamoto, Nishi Ward", "Kumamoto", 2),
    ("oita", "Oita", "Oita", 1),
    ("oita", "Beppu", "Beppu", 1),
    ("miyazaki", "Miyazaki", "Miyazaki", 1),
    ("kagoshima", "Kagoshima", "Kagoshima-Chuo", 1),
    ("okinawa", "Naha", "Kenchomae", 2),
    ("okinawa", "Okinawa", None, 1),
)

# How land prices and rents compare with the national average, roughly: Tokyo's wards cost
# most and yield least, regional cities cost less and yield more.
PRICE_LEVEL = {
    "tokyo": 2.4,
    "kanagawa": 1.5,
    "osaka": 1.5,
    "kyoto": 1.4,
    "aichi": 1.2,
    "fukuoka": 1.2,
    "hyogo": 1.2,
    "saitama": 1.2,
    "chiba": 1.1,
    "hokkaido": 0.9,
    "miyagi": 1.0,
}
TYPE_WEIGHTS = {
    "apartment_building": 34,
    "condominium": 30,
    "house": 16,
    "land": 10,
    "commercial": 10,
}
STRUCTURE_WORDS = {"rc": "RC", "src": "SRC", "steel": "steel-frame", "wood": "wooden"}
CAPITALISED = {"rc": "RC", "src": "SRC", "steel": "Steel-frame", "wood": "Wooden"}
STRUCTURE_LABELS = {
    "rc": "reinforced-concrete",
    "src": "steel-reinforced concrete",
    "steel": "steel-frame",
    "wood": "wooden",
}


def demo_listings_load(*, now: datetime, log: Callable[[str], None] = print) -> None:
    """Import two days of the invented feed, once: a loaded demo is left as it is."""
    if Provider.objects.filter(slug=PROVIDER_SLUG, listings__isnull=False).exists():
        return
    provider = provider_get_or_create(
        slug=PROVIDER_SLUG, name=PROVIDER_NAME, website=PROVIDER_WEBSITE
    )
    photos = _photo_urls()
    rng = random.Random(20260101)
    day_one = [_listing(rng, number, photos) for number in range(1, LISTINGS_DAY_ONE + 1)]
    day_two = list(_next_day(rng, day_one, photos))
    drop_dir = Path(settings.LISTINGS_DROP_DIR)
    drop_dir.mkdir(parents=True, exist_ok=True)
    first = _write_csv(drop_dir / DAY_ONE_FILE, day_one)
    second = _write_jsonl(drop_dir / DAY_TWO_FILE, day_two)
    # The drop folder's newest file is the one modified last: make that day two.
    os.utime(first, (now.timestamp() - 86400, now.timestamp() - 86400))
    os.utime(second, (now.timestamp(), now.timestamp()))
    for path, when in ((first, now - timedelta(days=1)), (second, now)):
        run = listing_feed_import(path=path, provider=provider, full=True, now=when)
        log(f"  listings: {path.name}: {run.summary}")


def _photo_urls() -> dict[str, list[str]]:
    """Draw the shared photo set once (kept in media storage) and return its addresses."""
    urls: dict[str, list[str]] = {}
    for kind, count in PHOTO_VARIANTS.items():
        for seed in range(count):
            name = f"listings/demo/{kind}-{seed + 1}.jpg"
            if not default_storage.exists(name):
                name = default_storage.save(name, ContentFile(draw_photo(kind, seed=seed)))
            urls.setdefault(kind, []).append(default_storage.url(name))
    return urls


def _round(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


def _listing(rng: random.Random, number: int, photos: dict[str, list[str]]) -> dict[str, object]:
    prefecture, city, station, _ = rng.choices(PLACES, weights=[p[3] for p in PLACES])[0]
    kind = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    level = PRICE_LEVEL.get(prefecture, 0.75)
    walk = rng.randint(2, 18) if station else None
    town = city.split(",")[0]  # "Osaka, Kita Ward" -> "Osaka"
    year = None
    structure = ""
    units = None
    building_area = land_area = None
    yield_pct: float | None = None
    near = f"{station} Station" if station else town

    if kind == "apartment_building":
        structure = rng.choices(["rc", "steel", "wood"], weights=[5, 2, 3])[0]
        year = rng.randint(1978 if structure == "rc" else 1990, 2023)
        units = rng.choice([4, 6, 6, 8, 8, 9, 10, 12, 15, 18, 24])
        building_area = units * rng.uniform(22, 42)
        land_area = building_area / rng.uniform(1.4, 2.6)
        yield_pct = rng.uniform(5.8, 9.5) - (level - 1) * 1.6
        price = units * rng.uniform(6, 11) * 1_000_000 * level
        let = units if rng.random() < 0.6 else units - rng.randint(1, 2)
        title = rng.choice(
            [
                f"{units}-unit {STRUCTURE_WORDS[structure]} apartment building near {near}",
                f"Fully let apartment building, {units} units, in {town}",
                f"{CAPITALISED[structure]} rental block "
                + (f"{walk} min from {station} Station" if station else f"in {town}"),
            ]
        )
        if let < units:
            title = title.replace("Fully let", "Rental")
        description = (
            f"A {STRUCTURE_LABELS[structure]} apartment building completed in {year}, with "
            f"{units} one-room and one-bedroom flats, {let} of them let at present. "
            + (
                f"It is {walk} minutes on foot from {station} Station, on a quiet residential "
                "street near shops, schools and a clinic. "
                if station
                else "It stands on a quiet residential street with parking for residents. "
            )
            + "The sale includes the land, the building and the current tenancies."
        )
        lead = rng.choice(photos["apartment"])
        gallery = [lead, rng.choice(photos["interior"])]
    elif kind == "condominium":
        structure = rng.choices(["rc", "src"], weights=[7, 3])[0]
        year = rng.randint(1982, 2024)
        layout, size = rng.choice(
            [("1K", 22), ("1K", 25), ("1DK", 30), ("1LDK", 40), ("2LDK", 58), ("3LDK", 72)]
        )
        building_area = size * rng.uniform(0.9, 1.2)
        floor = rng.randint(2, 14)
        yield_pct = rng.uniform(4.4, 7.2) - (level - 1) * 1.2
        price = building_area * rng.uniform(380_000, 620_000) * level
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(floor if floor < 20 else floor % 10, "th")
        title = rng.choice(
            [
                f"{layout} condominium unit on the {floor}{suffix} floor, {town}",
                f"Rented {layout} condominium near {near}",
                f"{layout} investment condominium in {town}",
            ]
        )
        description = (
            f"A {layout} unit of {building_area:.0f} m² on the {floor}{suffix} floor of a "
            f"{STRUCTURE_LABELS[structure]} condominium built in {year}. It is let to a "
            "tenant on a standard two-year lease, with management and repair-reserve fees "
            "paid from the rent. "
            + (f"{station} Station is {walk} minutes away on foot." if station else "")
        ).strip()
        lead = rng.choice(photos["condominium"])
        gallery = [lead, *rng.sample(photos["interior"], 2)]
    elif kind == "house":
        structure = rng.choices(["wood", "steel"], weights=[9, 1])[0]
        year = rng.randint(1985, 2024)
        building_area = rng.uniform(72, 135)
        land_area = rng.uniform(90, 240)
        rented = rng.random() < 0.6
        yield_pct = rng.uniform(6.0, 10.5) - (level - 1) * 1.5 if rented else None
        price = (land_area * 150_000 + building_area * 120_000) * level * rng.uniform(0.7, 1.2)
        title = rng.choice(
            [
                f"Detached two-storey house in {town}",
                f"{CAPITALISED[structure]} house with parking, {town}",
                f"Family house near {near}" + (", let until 2028" if rented else ""),
            ]
        )
        description = (
            f"A two-storey {STRUCTURE_LABELS[structure]} house built in {year} on a plot of "
            f"{land_area:.0f} m², with a small garden and parking for one car. "
            + (
                "It is let to a family on a fixed-term lease. "
                if rented
                else "It is vacant and can be let or lived in. "
            )
            + (f"{station} Station is {walk} minutes away on foot." if station else "")
        ).strip()
        lead = rng.choice(photos["house"])
        gallery = [lead, rng.choice(photos["interior"])]
    elif kind == "land":
        land_area = rng.uniform(85, 900)
        price = land_area * rng.uniform(60_000, 260_000) * level**1.5
        title = rng.choice(
            [
                f"{land_area:.0f} m² building plot in {town}",
                f"Corner plot near {near}",
                f"Level residential land, {land_area:.0f} m², {town}",
            ]
        )
        description = (
            f"A level plot of {land_area:.0f} m² cleared and ready to build on, facing a "
            "public road on one side. The zoning allows a low-rise apartment building or "
            "houses. " + (f"{station} Station is {walk} minutes away on foot." if station else "")
        ).strip()
        lead = rng.choice(photos["land"])
        gallery = [lead]
    else:
        structure = rng.choice(["rc", "src", "steel"])
        year = rng.randint(1975, 2022)
        floors = rng.randint(3, 7)
        building_area = rng.uniform(180, 1400)
        land_area = building_area / floors * rng.uniform(1.0, 1.4)
        units = rng.randint(2, 12)
        yield_pct = rng.uniform(5.2, 8.8) - (level - 1) * 1.4
        price = building_area * rng.uniform(250_000, 520_000) * level
        title = rng.choice(
            [
                f"{floors}-storey shop and office building in {town}",
                f"Commercial building by {near}",
                f"Let retail building on a shopping street, {town}",
            ]
        )
        description = (
            f"A {floors}-storey {STRUCTURE_LABELS[structure]} building from {year} with "
            f"shops on the ground floor and {units} offices above. "
            + (
                f"It is {walk} minutes from {station} Station on a busy shopping street."
                if station
                else "It faces a busy shopping street."
            )
        )
        lead = rng.choice(photos["commercial"])
        gallery = [lead, *(p for p in photos["commercial"] if p != lead)][:2]

    listing_id = f"SED-{number:05d}"
    return {
        "id": listing_id,
        "title": title,
        "property_type": kind,
        "prefecture": prefecture,
        "city": city,
        "station": station or "",
        "walk_minutes": walk,
        "price_yen": _round(price, 100_000),
        "gross_yield": round(max(2.8, yield_pct), 1) if yield_pct is not None else None,
        "year_built": year,
        "structure": structure,
        "building_area_m2": round(building_area, 2) if building_area else None,
        "land_area_m2": round(land_area, 2) if land_area else None,
        "units": units,
        "description": description,
        "photos": gallery,
        "url": f"{PROVIDER_WEBSITE}listings/{listing_id}",
        "status": "active",
    }


def _next_day(
    rng: random.Random, listings: list[dict[str, object]], photos: dict[str, list[str]]
) -> Iterator[dict[str, object]]:
    """Day two: most listings as they were, some repriced or under offer or sold, a few
    gone (the import withdraws them), a dozen new ones, and two rows the import rejects."""
    for listing in listings:
        row = dict(listing)
        roll = rng.random()
        if roll < 0.05:
            continue  # taken off the market: not in today's feed
        if roll < 0.15:
            cut = rng.uniform(0.03, 0.08)
            row["price_yen"] = _round(int(row["price_yen"]) * (1 - cut), 100_000)
            if row["gross_yield"] is not None:
                row["gross_yield"] = round(float(row["gross_yield"]) / (1 - cut), 1)
        elif roll < 0.19:
            row["status"] = "under_offer"
        elif roll < 0.21:
            row["status"] = "sold"
        yield row
    for number in range(len(listings) + 1, len(listings) + 13):
        yield _listing(rng, number, photos)
    yield {"id": "SED-90001", "title": "Seaside plot", "property_type": "land",
           "prefecture": "Atlantis", "city": "Poseidonia", "price_yen": 12_000_000}  # fmt: skip
    yield {"id": "SED-90002", "title": "Quiet house", "property_type": "house",
           "prefecture": "Nagano", "city": "Matsumoto", "price_yen": "ask us"}  # fmt: skip


def _write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    **row,
                    "photos": "|".join(row["photos"]),  # type: ignore[arg-type]
                    **{k: "" for k, v in row.items() if v is None},
                }
            )
    return path


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
