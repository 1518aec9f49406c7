"""Real-browser tests: Debian's Chromium, driven by Playwright, against the live server."""

import os
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from newsroom.moderation.toxicity import warm_up
from tests.demo.loading import demo_loaded

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# the test itself (factories, assertions) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def _models_warmed_up() -> None:
    """The live server starts as newsroom's WSGI module does: with the moderation models
    loaded, so a reader's first post is not the one that waits seconds for them."""
    warm_up()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory) -> LiveServer:
    """A live server of the whole demo, loaded once for the module (mark its tests
    ``tests.demo.loading.USES_DEMO``); pytest-django's ``live_server`` would empty the
    database after every test."""
    with demo_loaded(django_db_blocker, tmp_path_factory.getbasetemp() / "media"):
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


@pytest.fixture
def browser() -> Browser:
    """One Chromium per test: a Playwright session kept open across transactional tests
    left the next test's restored database empty (seen on SQLite and PostgreSQL)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
        # With Playwright's event loop in this thread, asgiref gives the ORM calls the test
        # made meanwhile a connection of their own; left open, it keeps PostgreSQL from
        # dropping the test database at the end.
        connections.close_all()


@pytest.fixture
def page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page: Page, base: str, email: str, next_url: str, password: str = PASSWORD) -> None:
    """Sign in through the site's form, as a reader does, and arrive back at ``next_url``."""
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}")


def moderator_signs_in(page: Page, base: str) -> None:
    """Sign the moderator (moderator@example.com) in to the moderation queue."""
    # The admin's own sign-in form sends staff to the site's (which asks for a second factor).
    page.goto(f"{base}/admin/login/?next=/admin/moderation/")
    page.get_by_label("Email:").fill("moderator@example.com")
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/moderation/")


def signed_in_page(browser: Browser, live_server, user, **context_options) -> Page:
    """A page of a new browser context that carries ``user``'s session, for tests about
    what a signed-in reader sees rather than about signing in."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Lazy images load only near the viewport: bring each into view first.
    for image in page.locator("img[loading=lazy]").all():
        image.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def axe_context(browser: Browser):
    """A browser context for axe-core checks only: it ignores the site's CSP so that axe can
    be injected (tests/e2e/axe.py); every other test runs under the real policy. Motion is
    reduced so that axe judges colours at rest, not halfway through a fade."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True, reduced_motion="reduce"
    )
    yield context
    context.close()
