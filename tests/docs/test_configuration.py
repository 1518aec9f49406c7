"""The operations guide documents every environment variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# os.environ["X"], os.environ.get("X", ...), env_bool("X", ...), env_list("X", ...)
READ = re.compile(r'(?:os\.environ(?:\.get)?[\[(]|env_\w+\()\s*"([A-Z][A-Z0-9_]*)"')


def test_every_environment_variable_the_settings_read_is_documented():
    settings = (ROOT / "newsroom" / "settings.py").read_text()
    read = set(READ.findall(settings)) | {"DATABASE_URL"}  # dj_database_url.config() reads it
    guide = (ROOT / "docs" / "operations.md").read_text()
    # The first cell of each table row names one variable or several (`A`, `B`).
    rows = [line.split("|")[1] for line in guide.splitlines() if line.startswith("| `")]
    documented = {name for cell in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", cell)}

    undocumented = sorted(read - documented)

    assert len(read) >= 20
    assert undocumented == [], "add them to the Configuration table of docs/operations.md"
