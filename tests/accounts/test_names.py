"""Display names (issues 12.3, 12.6, 14.9): shape, look-alikes, reserved words, claims."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from newsroom.accounts.models import NameClaim, User
from newsroom.accounts.names import name_key
from newsroom.accounts.services import account_delete, user_set_display_name
from newsroom.core.html import render_comment
from newsroom.discussion.mentions import link_mentions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


def fullwidth(text: str) -> str:
    """The same letters in their fullwidth forms (U+FF21...)."""
    return "".join(chr(ord(char) + 0xFEE0) if char != " " else char for char in text)


def sign_up(client, *, email: str, name: str, next_url: str = ""):
    data = {"email": email, "display_name": name, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_signup"), data)


def confirmation_link(message) -> str:
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    return link.split("testserver", 1)[-1]


def claimed(name: str, **kwargs) -> User:
    """A verified reader who holds ``name`` through the service."""
    return user_set_display_name(
        user=UserFactory(display_name=None, slug=None, **kwargs), display_name=name
    )


def refusal(client, name: str) -> str:
    response = sign_up(client, email="new@example.com", name=name)
    assert response.status_code == 200, name
    assert not User.objects.filter(email="new@example.com").exists()
    return response.content.decode()


def test_names_in_any_alphabet_are_welcome_and_get_a_member_page(client, mailoutbox):
    sign_up(client, email="taro@example.com", name="山田太郎")
    client.post(confirmation_link(mailoutbox[0]))

    taro = User.objects.get(email="taro@example.com")
    assert taro.display_name == "山田太郎"
    assert re.fullmatch(r"member-[0-9a-f]{6}", taro.slug)
    assert client.get(f"/members/{taro.slug}/").status_code == 200


def test_names_are_stored_in_nfkc_with_spaces_folded():
    reader = claimed(fullwidth("HANA") + "   Sato")

    assert reader.display_name == "HANA Sato"


@pytest.mark.parametrize(
    "name",
    [
        "Moderator",
        "moderator",
        "Staff",
        "Admin",
        "The Newsroom",
        "TheNewsroom",
        "Hana the Mod",
        "TheModeratorTeam",
        "ADMINISTRATOR",
        "Newsroom Staff",
        "Staﬀ",
    ],
)
def test_reserved_words_are_refused(client, name):
    assert "reserved" in refusal(client, name)


@pytest.mark.parametrize(
    "name",
    [
        "Hana Kur0sawa",  # a zero for an o
        "hana kurosawa",  # case
        "HanaKurosawa",  # separators
        "Hana_Kurosawa",
        fullwidth("Hana Kurosawa"),
    ],
)
def test_look_alikes_of_an_existing_name_are_refused(client, name):
    claimed("Hana Kurosawa")

    assert "looks too much like" in refusal(client, name)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("H\u0430na Kurosawa", "mix alphabets"),  # a Cyrillic a among Latin letters
        ("Ken\u200bji", "invisible"),  # a zero-width space
        ("Ken\u2060ji", "invisible"),  # a word joiner
        ("Kenji.", "ending with a letter or digit"),
        ("Kenji S.", "ending with a letter or digit"),
        ("-Kenji", "starting and ending"),
    ],
)
def test_hidden_and_mixed_characters_and_trailing_punctuation_are_refused(client, name, message):
    assert message in refusal(client, name)


def test_names_of_staff_are_refused_even_without_a_display_name(client):
    UserFactory(display_name=None, slug=None, first_name="Aiko", last_name="Tanaka", is_staff=True)

    assert "looks too much like" in refusal(client, "Aiko Tanaka")
    assert "looks too much like" in refusal(client, "Aiko Tanaka")


def test_two_names_that_fold_to_one_key_cannot_both_be_claimed_in_the_database():
    claimed("Mari Ono")

    with pytest.raises(IntegrityError):
        NameClaim.objects.create(key=name_key("MARI 0NO"), slug="other", user=UserFactory())


def test_an_unverified_sign_up_holds_no_name(client, mailoutbox, home):
    sign_up(client, email="first@example.com", name="Riko")
    second = client.__class__()
    response = sign_up(second, email="second@example.com", name="Riko")

    assert response.status_code == 302  # the name is still free: nobody verified with it
    assert User.objects.get(email="first@example.com").display_name is None

    second.post(confirmation_link(mailoutbox[1]))
    first_confirmed = client.post(confirmation_link(mailoutbox[0]), follow=True)

    assert User.objects.get(email="second@example.com").display_name == "Riko"
    late = User.objects.get(email="first@example.com")
    assert late.display_name is None and late.slug is None
    assert EmailAddress.objects.get(user=late).verified
    assert "Someone took the display name" in first_confirmed.content.decode()


def test_a_deleted_readers_name_and_slug_are_retired_for_good(client, mailoutbox):
    gone = claimed("Gone Soon")
    old_slug = gone.slug
    account_delete(user=gone)

    assert "looks too much like" in refusal(client, "Gone Soon")
    assert "looks too much like" in refusal(client, "G0ne soon")
    retired = NameClaim.objects.get(slug=old_slug)
    assert retired.user is None and retired.retired_at is not None
    # A name that merely slugifies alike gets a slug of its own, never the retired one.
    sign_up(client, email="new@example.com", name="Gone-Soon Two")
    client.post(confirmation_link(mailoutbox[-1]))
    assert User.objects.get(email="new@example.com").slug != old_slug


def test_a_deleted_reader_set_up_before_claims_existed_is_retired_too(client):
    legacy = UserFactory(display_name="Old Timer", slug="old-timer")  # no NameClaim row
    account_delete(user=legacy)

    assert "looks too much like" in refusal(client, "Old Timer")
    assert client.get("/members/old-timer/").status_code == 404


def test_a_name_changes_once_in_30_days_and_old_names_stay_the_readers():
    reader = claimed("First Name")
    first_slug = reader.slug

    reader = user_set_display_name(user=reader, display_name="Second Name")
    with pytest.raises(ValidationError, match="once in 30 days"):
        user_set_display_name(user=reader, display_name="Third Name")
    User.objects.filter(pk=reader.pk).update(
        display_name_changed_at=timezone.now() - timedelta(days=31)
    )
    reader = user_set_display_name(user=reader, display_name="Third Name")

    assert reader.display_name == "Third Name"
    assert set(reader.name_claims.values_list("slug", flat=True)) == {
        first_slug,
        "second-name",
        "third-name",
    }
    with pytest.raises(ValidationError, match="taken"):
        claimed("First Name")


def test_the_account_page_changes_the_name_and_says_when_it_cannot(client):
    reader = claimed("Sora Aoki")
    client.force_login(reader)
    url = reverse("accounts:display-name-change")

    changed = client.post(url, {"display_name": "Sora A"})
    refused = client.post(url, {"display_name": "Sora B"})

    assert changed.status_code == 302
    reader.refresh_from_db()
    assert reader.display_name == "Sora A"
    assert refused.status_code == 400
    assert "once in 30 days" in refused.content.decode()


def test_a_reader_whose_name_was_taken_meanwhile_chooses_another_on_the_account_page(client):
    reader = UserFactory(display_name=None, slug=None)
    client.force_login(reader)

    response = client.post(reverse("accounts:display-name-change"), {"display_name": "Yuki"})

    assert response.status_code == 302
    reader.refresh_from_db()
    assert (reader.display_name, reader.slug, reader.display_name_changed_at) == (
        "Yuki",
        "yuki",
        None,
    )


def test_the_confirmation_link_carries_the_page_the_reader_signed_up_from(client, mailoutbox):
    sign_up(
        client,
        email="back@example.com",
        name="Back Again",
        next_url="/politics/a-story/#comment-form",
    )
    link = confirmation_link(mailoutbox[0])

    assert link.endswith("?next=%2Fpolitics%2Fa-story%2F%23comment-form")
    other_browser = client.__class__()
    response = other_browser.post(link)
    assert response.status_code == 302
    assert response.url == "/politics/a-story/#comment-form"


def test_the_confirmation_link_never_carries_another_sites_address(client, mailoutbox):
    sign_up(client, email="evil@example.com", name="Evil Link", next_url="https://evil.example/")

    assert "next=" not in confirmation_link(mailoutbox[0])


def test_a_mention_at_the_end_of_a_sentence_leaves_the_full_stop_outside(client):
    claimed("Hana")

    assert "ending with a letter or digit" in refusal(client, "Hana.")  # could capture it
    assert render_comment(link_mentions("Thanks, @Hana.")) == (
        '<p>Thanks, <a href="/members/hana/" rel="nofollow ugc noopener">@Hana</a>.</p>'
    )
