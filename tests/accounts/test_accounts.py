import re
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from newsroom.accounts.models import User
from newsroom.accounts.services import account_delete
from newsroom.discussion.models import Comment, Vote
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "kaito@example.com",
    "display_name": "Kaito M",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
}


def test_sign_up_with_a_display_name_then_verify_by_email(client, mailoutbox):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="kaito@example.com")
    # The name is claimed only once the address is verified (issue 12.3).
    assert (user.display_name, user.slug, user.requested_display_name) == (None, None, "Kaito M")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mailoutbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)

    client.post(link.split("testserver", 1)[-1])

    assert EmailAddress.objects.get(user=user).verified
    user.refresh_from_db()
    assert (user.display_name, user.slug) == ("Kaito M", "kaito-m")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ab", "3 to 30 characters"),
        ("x" * 31, "30 characters"),
        ("<script>", "letters, digits, spaces"),
        ("Kenji 🙂", "letters, digits, spaces"),
        ("KENJI sato", "taken"),
    ],
)
def test_display_names_are_checked_with_a_clear_message(client, name, message):
    UserFactory(display_name="Kenji Sato", slug="kenji-sato")

    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": name})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_the_database_refuses_display_names_differing_only_in_case():
    from django.db import IntegrityError

    UserFactory(display_name="Mari", slug="mari")
    with pytest.raises(IntegrityError):
        UserFactory(display_name="MARI", slug="mari-2")


def test_unverified_readers_cannot_sign_in_until_they_verify(client):
    UserFactory(username="pending", email="pending@example.com", verified=False)

    response = client.post(
        reverse("account_login"),
        {"login": "pending@example.com", "password": "correct horse battery staple"},
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


def test_login_brings_the_reader_back_to_the_comments(client, home):
    article = ArticlePageFactory()
    UserFactory(email="back@example.com")
    next_url = f"{article.url}#comments"

    response = client.post(
        f"{reverse('account_login')}?next={next_url}",
        {"login": "back@example.com", "password": "correct horse battery staple", "next": next_url},
    )

    assert response.status_code == 302
    assert response.url == next_url


def test_deleting_an_account_anonymises_it_and_keeps_comments_and_votes(home):
    reader = UserFactory(display_name="Gone Soon", slug="gone-soon")
    comment = CommentFactory(article=ArticlePageFactory(), author=reader)
    Vote.objects.create(comment=CommentFactory(article=comment.article), voter=reader, value=1)

    account_delete(user=reader)

    reader.refresh_from_db()
    assert reader.display_name is None and reader.slug is None and reader.email == ""
    assert not reader.is_active and not reader.has_usable_password()
    assert "Gone" not in reader.username
    assert not EmailAddress.objects.filter(user=reader).exists()
    assert Comment.objects.filter(author=reader).count() == 1
    assert Vote.objects.filter(voter=reader).count() == 1


def test_account_delete_page_asks_for_confirmation_then_signs_out(client, home):
    reader = UserFactory()
    client.force_login(reader)
    url = reverse("accounts:account-delete")

    refused = client.post(url, {"confirm": "yes"})
    done = client.post(url, {"confirm": "delete my account"})

    assert refused.status_code == 400
    assert done.status_code == 302
    reader.refresh_from_db()
    assert reader.anonymised_at is not None
    assert "_auth_user_id" not in client.session


def test_member_page_lists_published_comments_newest_first_with_context_links(client, home):
    member = UserFactory(display_name="Yui", slug="yui")
    article = ArticlePageFactory(title="Budget passes")
    older = CommentFactory(article=article, author=member, body_html="<p>Older view</p>")
    newer = CommentFactory(article=article, author=member, body_html="<p>Newer view</p>")
    CommentFactory(
        article=article, author=member, status=Comment.Status.PENDING, body_html="<p>Hidden</p>"
    )

    html = client.get(reverse("members:member-detail", args=["yui"])).content.decode()

    assert html.index("Newer view") < html.index("Older view")
    assert "Hidden" not in html
    assert f'Posted in: <a href="{article.url}">Budget passes</a>' in html
    for shown in (newer, older):
        assert f'href="/discussion/comments/{shown.pk}/">See in context</a>' in html


def test_member_page_is_paginated(client, home):
    member = UserFactory(display_name="Busy", slug="busy")
    CommentFactory.create_batch(25, article=ArticlePageFactory(), author=member)
    url = reverse("members:member-detail", args=["busy"])

    assert client.get(url).content.decode().count('class="member-comment"') == 20
    assert client.get(url, {"page": 2}).content.decode().count('class="member-comment"') == 5
    assert client.get(url, {"page": 9}).status_code == 404


def test_deleted_accounts_have_no_member_page(client):
    reader = UserFactory(display_name="Vanishing", slug="vanishing")
    account_delete(user=reader)

    assert client.get("/members/vanishing/").status_code == 404


def test_the_account_page_is_in_the_header_and_leads_to_every_account_action(client, home):
    client.force_login(UserFactory(slug="mika-r"))
    settings_url = reverse("accounts:account-settings")

    home_page = client.get("/").content.decode()
    account_page = client.get(settings_url).content.decode()

    assert f'<a href="{settings_url}">Account</a>' in home_page
    for url in (
        reverse("members:member-detail", args=["mika-r"]),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("accounts:account-delete"),
    ):
        assert f'href="{url}"' in account_page


def test_the_headers_links_on_a_sign_in_page_keep_the_page_the_reader_came_from(client, home):
    article = ArticlePageFactory()
    back = f"{article.url}#comment-form"

    on_article = client.get(article.url).content.decode()
    on_sign_in = client.get(reverse("account_login"), {"next": back}).content.decode()

    signup = reverse("account_signup")
    assert f'href="{signup}?next={quote(article.url)}">Create account</a>' in on_article
    assert f'href="{signup}?next={quote(back)}">Create account</a>' in on_sign_in


def test_a_reader_without_a_password_is_asked_to_choose_one_and_can(client, home):
    reader = UserFactory()
    reader.set_unusable_password()
    reader.save()
    client.force_login(reader)

    page = client.get(reverse("account_set_password")).content.decode()
    answer = client.post(
        reverse("account_set_password"),
        {"password1": "a long new passphrase", "password2": "a long new passphrase"},
    )

    assert "<h1>Choose a password</h1>" in page
    assert f'action="{reverse("account_set_password")}"' in page
    assert "Forgotten your current password?" not in page
    assert answer.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password("a long new passphrase")


def test_a_reader_changes_the_password_with_the_current_one(client, home):
    reader = UserFactory()
    client.force_login(reader)

    page = client.get(reverse("account_change_password")).content.decode()

    assert "<h1>Change your password</h1>" in page
    assert f'action="{reverse("account_change_password")}"' in page
    assert "Forgotten your current password?" in page
