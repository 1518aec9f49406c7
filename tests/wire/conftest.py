import shutil
from pathlib import Path

import pytest

from tests.factories import SectionPageFactory, SourceFactory

SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture(autouse=True)
def _drop_dir(settings, tmp_path):
    settings.WIRE_DROP_DIR = tmp_path / "incoming"


@pytest.fixture
def samples(tmp_path) -> Path:
    """A copy of the sample files, so a test may add to or change its folder."""
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Local", slug="local")


@pytest.fixture
def harbour(section):
    """A source whose stories wait for an editor."""
    return SourceFactory(
        name="Harbour Wire",
        rights_holder="Harbour Wire",
        usage_terms="Harbour Wire terms.",
        section=section,
    )


@pytest.fixture
def meridian(section):
    """A trusted source: its stories publish themselves."""
    return SourceFactory(
        name="Meridian Press Agency",
        rights_holder="Meridian Press Agency",
        usage_terms="Meridian terms.",
        section=section,
        auto_publish=True,
    )
