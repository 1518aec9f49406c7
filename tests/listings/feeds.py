"""Feed files for tests: one valid row to vary, and writers for both formats."""

import csv
import json
from pathlib import Path

from newsroom.listings.feed import COLUMNS


def feed_row(listing_id: str = "SED-1", **fields) -> dict[str, object]:
    row: dict[str, object] = {
        "id": listing_id,
        "title": f"Eight-unit RC apartment building ({listing_id})",
        "property_type": "apartment_building",
        "prefecture": "Miyagi",
        "city": "Sendai, Aoba Ward",
        "station": "Sendai",
        "walk_minutes": 9,
        "price_yen": 58_000_000,
        "gross_yield": 6.2,
        "year_built": 1998,
        "structure": "RC",
        "building_area_m2": 240.5,
        "land_area_m2": 130,
        "units": 8,
        "description": "Fully let.",
        "photos": ["https://photos.example/a.jpg", "https://photos.example/b.jpg"],
        "url": f"https://provider.example/listings/{listing_id}",
        "status": "active",
    }
    row.update(fields)
    return row


def write_csv(path: Path, rows: list[dict[str, object]], columns=COLUMNS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            photos = row.get("photos")
            if isinstance(photos, list):
                row = {**row, "photos": "|".join(photos)}
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return path


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path
