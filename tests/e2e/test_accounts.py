"""Sign-up, confirmation and the display-name rules, in Chromium (issues 12.3, 12.6, 12.7)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from newsroom.accounts.models import User
from newsroom.accounts.services import user_set_display_name
from tests.e2e.conftest import screenshot
from tests.factories import ArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def article(live_server, home):
    return ArticlePageFactory(title="Ferry returns to the island")


def fill_sign_up(page: Page, *, email: str, name: str) -> None:
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Display name:").fill(name)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again):").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def test_sign_up_and_confirmation_lead_back_to_the_articles_comment_box(
    live_server, article, page: Page
):
    page.goto(f"{live_server.url}{article.url}")
    page.locator(".discussion__login").get_by_role("link", name="Create account").click()

    expect(page).to_have_title(re.compile(r"^Create account"))
    expect(page.get_by_role("heading", name="Create account")).to_be_visible()
    screenshot(page, "accounts-create-account")
    fill_sign_up(page, email="ayaka@example.com", name="Ayaka Mori")

    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    screenshot(page, "accounts-confirm-sent")
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body).group(1)
    page.goto(f"{live_server.url}{link}")
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(f"{live_server.url}{article.url}#comment-form")
    expect(page.get_by_label("Your comment", exact=True)).to_be_in_viewport()
    expect(page.get_by_role("link", name="Ayaka Mori")).to_be_visible()  # signed in, named
    screenshot(page, "accounts-back-at-the-comment-box")


def test_sign_in_from_the_article_leads_back_to_its_comment_box(live_server, article, page):
    reader = UserFactory(email="kenta@example.com")
    page.goto(f"{live_server.url}{article.url}")
    page.get_by_role("link", name="Login to leave a comment").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    screenshot(page, "accounts-sign-in")
    page.get_by_label("Email:").fill(reader.email)
    page.get_by_label("Password:").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(f"{live_server.url}{article.url}#comment-form")
    expect(page.get_by_label("Your comment", exact=True)).to_be_in_viewport()


def test_the_name_rules_explain_themselves_in_the_form(live_server, article, page: Page):
    user_set_display_name(
        user=UserFactory(display_name=None, slug=None), display_name="Hana Kurosawa"
    )
    page.goto(f"{live_server.url}/accounts/signup/")

    for name, message in [
        ("Hana Kur0sawa", "looks too much like"),
        ("Moderator", "reserved"),
        ("Ken\u200bji", "invisible"),
        ("Kenji S.", "ending with a letter or digit"),
    ]:
        fill_sign_up(page, email="new@example.com", name=name)
        field = page.get_by_label("Display name:")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(page.locator(".errorlist")).to_contain_text(message)
    screenshot(page, "accounts-name-refused")

    fill_sign_up(page, email="new@example.com", name="山田太郎")
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    assert User.objects.get(email="new@example.com").requested_display_name == "山田太郎"


def test_a_reader_changes_their_name_once_and_old_links_still_find_them(
    live_server, article, page: Page
):
    reader = UserFactory(display_name="Taro Y", slug="taro-y", email="taro@example.com")
    page.goto(f"{live_server.url}/accounts/login/?next=/members/settings/")
    page.get_by_label("Email:").fill(reader.email)
    page.get_by_label("Password:").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("textbox", name="Display name").fill("山田太郎")
    page.get_by_role("button", name="Change name").click()
    expect(page.get_by_text("Your display name is saved.")).to_be_visible()
    page.get_by_role("textbox", name="Display name").fill("Taro Yamada")
    page.get_by_role("button", name="Change name").click()
    expect(page.locator("#display-name-errors")).to_contain_text("once in 30 days")
    screenshot(page, "accounts-name-change")

    reader.refresh_from_db()
    assert reader.display_name == "山田太郎"
    assert set(reader.name_claims.values_list("slug", flat=True)) >= {"taro-y", reader.slug}
