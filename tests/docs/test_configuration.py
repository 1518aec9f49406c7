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

    undocumented = sorted(name for name in read if f"| `{name}`" not in guide)

    assert len(read) >= 20
    assert undocumented == [], "add them to the Configuration table of docs/operations.md"
