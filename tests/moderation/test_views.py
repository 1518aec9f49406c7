import re
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.discussion.models import Comment
from newsroom.moderation.models import ModerationAction, ModeratorNote, Report, Sanction
from newsroom.moderation.services import comment_reject, moderator_note_create
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
ABUSIVE = "You are a pathetic idiot and everyone here is sick of your stupid lies."


def moderation_requests(comment):
    """Every moderation view and action, as (method, url, data)."""
    pk, author = comment.pk, comment.author_id
    return [
        ("get", reverse("moderation:queue"), {}),
        ("get", reverse("moderation:queue") + "?queue=reported", {}),
        ("get", reverse("moderation:log"), {}),
        ("get", reverse("moderation:notes"), {}),
        ("post", reverse("moderation:notes"), {"article": comment.article_id, "body": "Hi"}),
        ("post", reverse("moderation:note-withdraw", args=[999]), {}),
        *[
            ("post", reverse("moderation:comment-action", args=[pk, action]), {"reason": "spam"})
            for action in ("approve", "reject", "remove", "feature", "unfeature")
        ],
        ("get", bulk_url("approve", [pk]), {}),
        ("post", bulk_url("approve", [pk]), {}),
        ("post", bulk_url("reject", [pk]), {"reason": "spam"}),
        ("get", reverse("moderation:reader-sanction", args=[author]) + "?kind=ban", {}),
        ("post", reverse("moderation:reader-sanction", args=[author]),
         {"kind": "ban", "reason": "x"}),
        ("post", reverse("moderation:reader-sanction", args=[author]),
         {"kind": "suspend", "days": "1", "reason": "x"}),
        ("post", reverse("moderation:discussion-set", args=[comment.article_id]), {"open": "0"}),
    ]  # fmt: skip


def bulk_url(action, ids):
    """Wagtail's bulk-action URL for a selection of comments."""
    url = reverse("wagtail_bulk_action", args=["discussion", "comment", action])
    return url + "?" + "&".join(f"id={pk}" for pk in ids)


def test_anonymous_visitors_get_the_admin_login_on_every_moderation_view(client, article):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)

    for method, url, data in moderation_requests(comment):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_signed_in_non_moderators_are_refused_every_moderation_view(client, article, role):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    user = UserFactory(is_staff=role == "editor")
    if role == "editor":
        user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)

    for method, url, data in moderation_requests(comment):
        response = getattr(client, method)(url, data)
        if role == "editor":
            assert response.status_code == 403, url
        else:  # no admin access at all: Wagtail sends them to the admin login
            assert response.status_code in (302, 403), url
            assert response.status_code == 403 or "login" in response["Location"], url
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING
    assert not ModerationAction.objects.exists()
    assert not Sanction.objects.exists() and not ModeratorNote.objects.exists()


def test_the_moderation_log_cannot_be_edited_from_the_admin(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/snippets/moderation/moderationaction/").status_code == 404
    assert not admin.site.is_registered(ModerationAction)


def test_pending_queue_shows_the_comment_in_context_with_its_signals(client, article, moderator):
    parent = CommentFactory(article=article, body="The original point.")
    held = CommentFactory(
        article=article,
        parent=parent,
        status=Comment.Status.PENDING,
        toxicity=0.97,
        moderation_flags=["DETECTED_TOXIC", "DETECTED_NEW_COMMENTER"],
    )
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue")).content.decode()

    assert f'id="mod-comment-{held.pk}"' in html
    assert article.title in html and "The original point." in html
    assert "Toxicity 0.97" in html
    assert "Toxicity above the hold threshold" in html and "New commenter" in html
    assert "0 approved · 0 rejected · 0 reported" in html
    assert 'Pending <span class="mod-count">1</span>' in html


def test_reported_queue_lists_reports_with_reasons(client, article, moderator):
    comment = CommentFactory(article=article)
    Report.objects.create(comment=comment, reporter=UserFactory(), reason="REPORTED_SPAM")
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue") + "?queue=reported").content.decode()

    assert f'id="mod-comment-{comment.pk}"' in html and "<strong>Spam</strong> by" in html


def test_reported_queue_lists_only_the_open_reports(client, article, moderator):
    comment = CommentFactory(article=article)
    Report.objects.create(comment=comment, reporter=UserFactory(), reason="REPORTED_SPAM")
    Report.objects.create(
        comment=comment,
        reporter=UserFactory(),
        reason="REPORTED_OFF_TOPIC",
        resolved_at=timezone.now(),
    )
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue") + "?queue=reported").content.decode()

    assert "<strong>Spam</strong> by" in html and "<strong>Off topic</strong>" not in html


def test_the_queue_shows_a_ban_over_a_later_suspension(client, article, moderator):
    reader = UserFactory()
    Sanction.objects.create(user=reader, kind="ban", reason="Threats.", created_by=moderator)
    Sanction.objects.create(
        user=reader,
        kind="suspension",
        reason="Spam.",
        ends_at=timezone.now() + timedelta(days=3),
        created_by=moderator,
    )
    CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue")).content.decode()

    assert '<p class="mod-sanction">Ban</p>' in html and "Lift ban" in html


def test_queues_filter_by_article_and_reader(client, article, moderator, home):
    other_article = ArticlePageFactory()
    mine = CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=other_article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    by_article = client.get(reverse("moderation:queue") + f"?article={article.pk}")
    by_reader = client.get(reverse("moderation:queue") + f"?reader={mine.author_id}")

    for response in (by_article, by_reader):
        items = response.content.decode().count('class="mod-item ')
        assert items == 1


@pytest.mark.parametrize("queue", ["pending", "reported", "recent", "rejected"])
def test_a_queue_page_takes_the_same_queries_for_2_or_20_comments(
    client, article, moderator, queue
):
    client.force_login(moderator)

    def build(count):
        for _ in range(count):
            comment = CommentFactory(
                article=article,
                status="rejected" if queue == "rejected" else "pending",
                parent=CommentFactory(article=article),
                moderation_flags=["DETECTED_TOXIC"],
            )
            Report.objects.create(comment=comment, reporter=UserFactory(), reason="REPORTED_SPAM")
            Sanction.objects.create(
                user=comment.author, kind="ban", reason="x", created_by=moderator
            )

    def measure():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("moderation:queue") + f"?queue={queue}")
        assert response.status_code == 200
        return len(context.captured_queries)

    build(2)
    small = measure()
    build(18)
    assert small == measure()


def test_one_click_approves_from_the_queue(client, article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:comment-action", args=[comment.pk, "approve"]),
        {"next": "/admin/moderation/?queue=pending"},
    )

    assert (
        response.status_code == 302 and response["Location"] == "/admin/moderation/?queue=pending"
    )
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PUBLISHED


def test_bulk_reject_with_a_reason(client, article, moderator):
    comments = CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    client.post(bulk_url("reject", [c.pk for c in comments[:2]]), {"reason": "spam"})

    statuses = sorted(Comment.objects.values_list("status", flat=True))
    assert statuses == ["pending", "rejected", "rejected"]


def test_the_log_lists_and_filters_actions(client, article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    comment_reject(comment=comment, moderator=moderator, reason="spam")
    moderator_note_create(article=article, moderator=moderator, body="Calm down.")
    client.force_login(moderator)

    everything = client.get(reverse("moderation:log")).content.decode()
    rejections = client.get(reverse("moderation:log") + "?action=reject").content.decode()

    assert "It is spam or advertising" in everything and "Calm down." in everything
    assert "Calm down." not in rejections


# The reader's side -------------------------------------------------------------------------


def test_a_hostile_comment_is_nudged_once_with_the_text_kept(client, article, trusted):
    client.force_login(trusted)
    url = reverse("discussion:comment-create", args=[article.pk])

    nudged = client.post(url, {"body": ABUSIVE}, **HTMX).content.decode()

    assert "may come across as hostile" in nudged
    # The form carries a signed token of the text asked about, not a bare "yes".
    token = re.search(r'name="confirmed_nudge" value="([^"]+)"', nudged).group(1)
    assert ABUSIVE in nudged and token != "True"
    assert not Comment.objects.filter(body=ABUSIVE).exists()

    posted = client.post(url, {"body": ABUSIVE, "confirmed_nudge": token}, **HTMX)

    assert "Your comment is awaiting review" in posted.content.decode()
    assert Comment.objects.get(body=ABUSIVE).status == Comment.Status.PENDING


def test_a_new_readers_comment_shows_awaiting_review_to_them_only(client, article):
    reader = UserFactory()
    client.force_login(reader)
    client.post(reverse("discussion:comment-create", args=[article.pk]), {"body": "Hello all."})

    assert "Your comment is awaiting review" in client.get(article.url).content.decode()
    client.logout()
    assert "Hello all." not in client.get(article.url).content.decode()


def test_a_reader_reports_a_comment_and_sees_it_was_received(client, article):
    comment = CommentFactory(article=article)
    reporter = UserFactory()
    client.force_login(reporter)
    url = reverse("discussion:comment-report", args=[comment.pk])

    assert "Report</a>" in client.get(article.url).content.decode()
    form = client.get(url, **HTMX).content.decode()
    response = client.post(url, {"reason": "REPORTED_OFF_TOPIC"}, **HTMX)

    assert "Misinformation" in form
    assert "your report was received" in response.content.decode()
    assert Report.objects.get().reporter == reporter


def test_the_author_sees_why_their_comment_was_rejected(client, article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    comment_reject(comment=comment, moderator=moderator, reason="off_topic")

    client.force_login(comment.author)
    mine = client.get(article.url).content.decode()
    client.force_login(UserFactory())
    theirs = client.get(article.url).content.decode()

    assert "A moderator rejected your comment: It is off topic." in mine
    assert "It is off topic" not in theirs and comment.body not in theirs


def test_moderators_and_staff_have_badges_and_featured_comments_are_pinned(
    client, article, moderator
):
    CommentFactory(article=article, body="Old ordinary comment.")
    CommentFactory(article=article, author=moderator, body="From the desk.", is_featured=True)
    CommentFactory(article=article, author=UserFactory(is_staff=True), body="Staff here.")

    html = client.get(article.url).content.decode()

    assert 'comment__badge--moderator">Moderator<' in html
    assert 'comment__badge--staff">Staff<' in html
    assert html.index("From the desk.") < html.index("Old ordinary comment.")
    assert '<span class="comment__featured">Featured</span>' in html


def test_moderator_notes_show_above_the_stream(client, article, moderator):
    CommentFactory(article=article, body="A comment.")
    moderator_note_create(article=article, moderator=moderator, body="Please stay on topic.")

    html = client.get(article.url).content.decode()

    assert "Note from the moderators" in html
    assert html.index("Please stay on topic.") < html.index("A comment.")


def test_a_closed_discussion_tells_everyone_it_is_closed(client, home):
    article = ArticlePageFactory(comments_open=False)
    CommentFactory(article=article, body="Said before closing.")

    html = client.get(article.url).content.decode()

    assert "Said before closing." in html
    assert "The discussion of this article is closed." in html
    assert "Login to leave a comment" not in html


def test_a_suspended_reader_sees_until_when_instead_of_the_form(client, article, moderator):
    from datetime import timedelta

    from django.utils import timezone

    from newsroom.moderation.services import reader_suspend

    reader = UserFactory()
    reader_suspend(
        reader=reader, moderator=moderator, until=timezone.now() + timedelta(days=2), reason="x"
    )
    client.force_login(reader)

    html = client.get(article.url).content.decode()

    assert "suspended from the discussion until" in html
    assert 'id="comment-form"' not in html


def test_moderators_edit_the_word_lists_in_the_admin(client, moderator):
    client.force_login(moderator)

    response = client.post(
        "/admin/snippets/moderation/term/add/", {"text": "shill", "kind": "suspect"}
    )

    assert response.status_code == 302
    from newsroom.moderation.models import Term

    assert Term.objects.get().text == "shill"
    assert client.get("/admin/snippets/moderation/term/").status_code == 200


def test_an_edit_that_reads_as_hostile_is_nudged_once_with_the_text_kept(client, article, trusted):
    comment = CommentFactory(article=article, author=trusted, body="A calm first version.")
    client.force_login(trusted)
    url = reverse("discussion:comment-edit", args=[comment.pk])

    nudged = client.post(url, {"body": ABUSIVE}, **HTMX).content.decode()
    token = re.search(r'name="confirmed_nudge" value="([^"]+)"', nudged).group(1)
    saved = client.post(url, {"body": ABUSIVE, "confirmed_nudge": token}, **HTMX)

    assert "may come across as hostile" in nudged and "Save anyway" in nudged
    assert saved.status_code == 200
    comment.refresh_from_db()
    assert comment.body == ABUSIVE and comment.status == Comment.Status.PENDING


# The workspace on Wagtail's views --------------------------------------------------------


def test_the_log_keeps_its_filters_from_page_to_page(client, article, moderator):
    comment = CommentFactory(article=article)
    ModerationAction.objects.bulk_create(
        ModerationAction(actor=moderator, action="reject", comment=comment, reason=f"r{n}")
        for n in range(51)
    )
    moderator_note_create(article=article, moderator=moderator, body="Calm down.")
    client.force_login(moderator)

    first = client.get(reverse("moderation:log") + "?action=reject").content.decode()
    second = client.get(reverse("moderation:log") + "?action=reject&p=2").content.decode()

    assert "?action=reject&amp;p=2" in first
    assert re.search(r"\br50\b", first) and not re.search(r"\br0\b", first)
    assert re.search(r"\br0\b", second) and not re.search(r"\br1\b", second)
    assert "Calm down." not in first + second


def test_approve_is_never_offered_for_a_comment_its_author_deleted(client, article, moderator):
    deleted = CommentFactory(article=article, status=Comment.Status.DELETED_BY_AUTHOR)
    Report.objects.create(comment=deleted, reporter=UserFactory(), reason="REPORTED_SPAM")
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue") + "?queue=recent").content.decode()
    item = html[html.index(f'id="mod-comment-{deleted.pk}"') :].split("</aside>")[0]
    response = client.post(reverse("moderation:comment-action", args=[deleted.pk, "approve"]))

    assert "No decision applies" in item and "Approve" not in item and "Reject" not in item
    assert response.status_code == 302
    assert Comment.objects.get(pk=deleted.pk).status == Comment.Status.DELETED_BY_AUTHOR
    assert not ModerationAction.objects.exists()


def test_a_decision_in_place_answers_with_the_item_naming_the_comment(client, article, moderator):
    author = UserFactory(display_name="Taro Y", slug="taro-y")
    comment = CommentFactory(
        article=article, author=author, body="Held words here.", status="pending"
    )
    CommentFactory(article=article, status="pending")
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:comment-action", args=[comment.pk, "approve"]),
        {"next": "/admin/moderation/?queue=pending"},
        **HTMX,
    )
    refused = client.post(
        reverse("moderation:comment-action", args=[comment.pk, "promote"]), **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200 and f'id="mod-comment-{comment.pk}"' in html
    assert "Approved “Held words here.” by Taro Y." in html
    assert 'hx-swap-oob="innerHTML:#mod-tab-pending .mod-count">1<' in html
    assert refused.status_code == 404


def test_a_refused_decision_in_place_says_why_with_a_4xx(client, article, moderator):
    comment = CommentFactory(
        article=article, status="pending", parent=CommentFactory(article=article)
    )
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:comment-action", args=[comment.pk, "feature"]), **HTMX
    )

    assert response.status_code == 409
    assert "Only a published top-level comment can be featured." in response.content.decode()


def test_a_sanction_needs_a_reason_which_the_reader_is_told(client, article, moderator):
    reader = UserFactory()
    client.force_login(moderator)
    url = reverse("moderation:reader-sanction", args=[reader.pk])

    form = client.get(url + "?kind=ban", **HTMX)
    refused = client.post(url, {"kind": "ban", "reason": "  "})
    banned = client.post(url, {"kind": "ban", "reason": "Threats against another reader."})

    assert form.status_code == 200 and "Ban" in form.content.decode()
    assert refused.status_code == 400 and "Give a reason" in refused.content.decode()
    assert not Sanction.objects.filter(reason="  ").exists()
    assert banned.status_code == 302
    client.force_login(reader)
    assert "Reason: Threats against another reader." in client.get(article.url).content.decode()


def test_deleted_readers_cannot_be_suspended_or_banned(client, article, moderator):
    gone = UserFactory(anonymised_at=timezone.now())
    CommentFactory(article=article, author=gone, status="pending")
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue")).content.decode()
    response = client.post(
        reverse("moderation:reader-sanction", args=[gone.pk]), {"kind": "ban", "reason": "x"}
    )

    assert ">Suspend</a>" not in html and ">Ban</a>" not in html
    assert response.status_code == 302 and not Sanction.objects.exists()


def test_closing_a_discussion_keeps_the_revision_and_the_updated_time(client, article, moderator):
    article.refresh_from_db()
    published, revisions = article.last_published_at, article.revisions.count()
    client.force_login(moderator)

    client.post(
        reverse("moderation:discussion-set", args=[article.pk]), {"open": "0", "reason": "Heat."}
    )

    article.refresh_from_db()
    assert not article.comments_open and not article.latest_revision.as_object().comments_open
    assert article.last_published_at == published and article.revisions.count() == revisions
    entry = ModerationAction.objects.get()
    assert entry.action == "close_discussion" and entry.article_id == article.pk
    assert entry.reason == "Heat."


def test_bulk_confirmation_names_the_comments_and_sets_apart_the_ones_it_skips(
    client, article, moderator
):
    author = UserFactory(display_name="Aki M", slug="aki-m")
    held = CommentFactory(
        article=article, author=author, body="Please publish me.", status="pending"
    )
    gone = CommentFactory(
        article=article, author=author, body="I took this back.", status="deleted_by_author"
    )
    client.force_login(moderator)

    page = client.get(bulk_url("approve", [held.pk, gone.pk])).content.decode()
    client.post(bulk_url("approve", [held.pk, gone.pk]))

    assert "<li>“Please publish me.” by Aki M</li>" in page
    assert "“I took this back.” by Aki M (deleted by author)" in page
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {held.pk: "published", gone.pk: "deleted_by_author"}


def test_a_held_comment_shows_each_models_score_and_the_rules_that_held_it(
    client, article, moderator, settings
):
    settings.NEWSROOM_TOXICITY_HOLD = 0.9
    held = CommentFactory(
        article=article,
        status=Comment.Status.PENDING,
        toxicity=0.91,
        toxicity_scores={"profanity_check": 0.42, "tox_block": 0.98, "newsroom": 0.95},
        moderation_flags=["DETECTED_TOXIC"],
    )
    client.force_login(moderator)

    html = client.get(reverse("moderation:queue")).content.decode()
    item = html[html.index(f'id="mod-comment-{held.pk}"') :].split("</aside>")[0]

    assert "Toxicity 0.91" in item and "Toxicity above the hold threshold" in item
    assert '<span class="mod-score">profanity-check 0.42</span>' in item
    assert '<span class="mod-score mod-score--high">tox-block 0.98</span>' in item
    assert '<span class="mod-score mod-score--high">newsroom 0.95</span>' in item


def test_the_sanction_confirmation_only_links_back_into_the_workspace(client, moderator):
    reader = UserFactory()
    client.force_login(moderator)
    url = reverse("moderation:reader-sanction", args=[reader.pk])

    html = client.get(url + "?kind=ban&next=javascript:alert(1)").content.decode()

    assert "javascript:" not in html
    assert 'href="/admin/moderation/" data-mod-cancel' in html
