from datetime import timedelta

import pytest

from tests.listings.factories import FIRST_SEEN, ProviderFactory


@pytest.fixture(autouse=True)
def _drop_dir(settings, tmp_path):
    settings.LISTINGS_DROP_DIR = tmp_path / "drop"


@pytest.fixture
def provider(db):
    return ProviderFactory(slug="sakura-estate", name="Sakura Estate Data")


@pytest.fixture
def days():
    """Run times one day apart: days[0], days[1], ..."""
    return [FIRST_SEEN + timedelta(days=n) for n in range(10)]
