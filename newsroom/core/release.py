"""Which code rendered a piece of kept HTML, for keys that must not outlive a deploy."""

from functools import cache
from hashlib import sha256
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


@cache
def code_digest(root: Path = PACKAGE) -> str:
    """A digest of every template and Python module under ``root`` (the site's package).

    HTML kept for long in a shared cache (Redis outlives a deploy) is keyed by it, so a new
    release never joins markup an older one rendered into its pages. Read once per process.
    """
    digest = sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html") and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
