"""Deleted readers' mentions become text; renamed readers keep their old links (12.3, 12.6)."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.accounts.services import account_delete, user_set_display_name
from newsroom.core.html import render_comment
from newsroom.discussion.mentions import link_mentions
from newsroom.discussion.models import Comment, Vote
from newsroom.moderation.models import Report, Sanction
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def named(name: str, **kwargs):
    return user_set_display_name(
        user=UserFactory(display_name=None, slug=None, **kwargs), display_name=name
    )


def written(article, author, body: str) -> Comment:
    """A comment as comment_create stores it: mentions linked, then rendered."""
    return CommentFactory(
        article=article, author=author, body=body, body_html=render_comment(link_mentions(body))
    )


def test_mentions_of_a_deleted_reader_become_plain_text_everywhere(client, home):
    gone, kept = named("Gone Soon"), named("Still Here")
    article = ArticlePageFactory()
    comment = written(
        article, UserFactory(), "@Gone Soon and @Still Here, [a link](https://example.com/)"
    )
    opening = written(article, UserFactory(), "Gone Soon, you are right.")
    assert f'href="/members/{gone.slug}/"' in comment.body_html

    account_delete(user=gone)

    comment.refresh_from_db()
    opening.refresh_from_db()
    assert "/members/gone-soon/" not in comment.body_html + opening.body_html
    assert comment.body_html.startswith("<p>@Gone Soon and ")
    assert f'<a href="/members/{kept.slug}/" rel="nofollow ugc noopener">@Still Here</a>' in (
        comment.body_html
    )
    assert 'href="https://example.com/"' in comment.body_html
    assert opening.body_html == "<p>Gone Soon, you are right.</p>"
    page = client.get(article.url).content.decode()
    assert "/members/gone-soon/" not in page


def test_a_renamed_readers_old_page_address_leads_to_their_page(client, home):
    reader = named("Old Handle")
    article = ArticlePageFactory()
    mention = written(article, UserFactory(), "Thanks @Old Handle.")
    user_set_display_name(user=reader, display_name="New Handle")

    response = client.get("/members/old-handle/")

    assert response.status_code == 301
    assert response.url == "/members/new-handle/"
    assert 'href="/members/old-handle/"' in mention.body_html  # the old mention still resolves
    assert client.get(response.url).status_code == 200


def test_a_retired_slug_leads_nowhere(client, home):
    reader = named("Brief Visit")
    account_delete(user=reader)

    assert client.get("/members/brief-visit/").status_code == 404


def test_a_reader_sees_their_own_comments_awaiting_review_on_their_member_page(client, home):
    reader = named("New Voice")
    article = ArticlePageFactory(title="Harbour reopens")
    CommentFactory(
        article=article,
        author=reader,
        status=Comment.Status.PENDING,
        body_html="<p>My first thoughts.</p>",
    )
    url = reverse("members:member-detail", args=[reader.slug])

    others_see = client.get(url).content.decode()
    client.force_login(reader)
    own_view = client.get(url).content.decode()

    assert "My first thoughts." not in others_see and "awaiting review" not in others_see
    assert "No comments yet." in others_see
    assert "My first thoughts." in own_view and "awaiting review" in own_view
    assert "Only you see these" in own_view
    assert "No comments yet." not in own_view


def test_the_export_holds_comments_with_status_votes_reports_and_sanctions(client, home):
    reader = named("Full Record")
    article = ArticlePageFactory()
    mine = CommentFactory(
        article=article, author=reader, body="Mine.", status=Comment.Status.REJECTED
    )
    theirs = CommentFactory(article=article)
    Vote.objects.create(comment=theirs, voter=reader, value=-1)
    Report.objects.create(comment=theirs, reporter=reader, reason=Report.Reason.REPORTED_SPAM)
    Sanction.objects.create(
        user=reader,
        kind=Sanction.Kind.SUSPENSION,
        reason="Shouting.",
        ends_at=timezone.now() + timedelta(days=3),
        created_by=UserFactory(),
    )
    client.force_login(reader)

    data = json.loads(client.post(reverse("accounts:data-export")).content)

    assert [(c["id"], c["status"], c["body"]) for c in data["comments"]] == [
        (mine.pk, "rejected", "Mine.")
    ]
    assert data["votes"] == [{"comment": theirs.pk, "value": -1, "at": data["votes"][0]["at"]}]
    assert [(r["comment"], r["reason"]) for r in data["reports"]] == [(theirs.pk, "REPORTED_SPAM")]
    assert [(s["kind"], s["reason"]) for s in data["sanctions"]] == [("suspension", "Shouting.")]
    assert data["notifications"] == []
