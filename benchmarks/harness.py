"""What the page benchmarks share: Django on a throwaway database, a small site, the figures.

Import from it first, before anything that touches Django, then split the imports:

    from harness import report  # configures Django first

    # isort: split
    from django.test import Client
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

# A script here runs with this folder first on the path, where http.py (the HTTP benchmark)
# would stand in for the standard library's http: the folder goes last, after it.
HERE = str(Path(__file__).resolve().parent)
sys.path = [entry for entry in sys.path if str(Path(entry or ".").resolve()) != HERE] + [HERE]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("NEWSROOM_VAR_DIR", tempfile.mkdtemp(prefix="newsroom-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from newsroom.articles.models import HomePage, SectionPage  # noqa: E402


def database_prepare() -> None:
    """Migrate the throwaway database; the test client then works as in the tests."""
    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)


def section_build() -> SectionPage:
    """A home page serving testserver, with one published section under it."""
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Bench", slug="bench"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "root_page": home}
    )
    section = home.add_child(instance=SectionPage(title="Politics", slug="politics"))
    section.save_revision().publish()
    return section


def report(label: str, times: list[float], size: int | None = None, extra: str = "") -> None:
    """Print the median and p95 of ``times`` (milliseconds), with the HTML size if given."""
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    html = f", HTML {size / 1024:.0f} KiB" if size is not None else ""
    print(f"{label:<40} median {statistics.median(times):7.1f} ms, p95 {p95:7.1f} ms{html}{extra}")
