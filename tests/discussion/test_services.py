from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.accounts.services import account_delete
from newsroom.discussion.models import Comment, Vote
from newsroom.discussion.services import (
    comment_create,
    comment_delete_by_author,
    comment_edit,
    vote_cast,
)
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No element or attribute in the HTML can run script."""
    collector = ElementCollector()
    collector.feed(html)
    for tag, attrs in collector.elements:
        assert tag in {"p", "br", "em", "strong", "a", "blockquote"}, tag
        assert not [name for name in attrs if name.startswith("on")], attrs
        if tag == "a":
            assert attrs["href"].split(":")[0] in {"http", "https", "mailto"}, attrs


def test_comment_create_renders_markdown_once_and_publishes(article):
    comment = comment_create(
        article=article, author=UserFactory(), body="I *agree*.\n\nSecond thought."
    )

    assert comment.status == Comment.Status.PUBLISHED
    assert comment.body_html == "<p>I <em>agree</em>.</p>\n<p>Second thought.</p>"


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        "<a href='https://evil.example' onclick='alert(1)'>x</a>",
        "![x](https://evil.example/x.png)",
        '[ok](https://example.com "title" onmouseover=alert(1))',
    ],
)
def test_comment_html_never_carries_script(article, body):
    html = comment_create(article=article, author=UserFactory(), body=body).body_html

    assert_inert(html)


def test_links_get_nofollow_ugc_noopener(article):
    html = comment_create(
        article=article, author=UserFactory(), body="See [this](https://example.com)."
    ).body_html

    assert '<a href="https://example.com" rel="nofollow ugc noopener">this</a>' in html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something"),
        ("   \n ", "Write something"),
        ("x" * 3001, "limited to 3,000 characters"),
    ],
)
def test_empty_or_overlong_bodies_are_refused_with_a_clear_message(article, body, message):
    with pytest.raises(ValidationError) as error:
        comment_create(article=article, author=UserFactory(), body=body)

    assert message in str(error.value)
    assert not Comment.objects.exists()


def test_a_body_of_exactly_the_limit_is_accepted(article):
    assert comment_create(article=article, author=UserFactory(), body="x" * 3000).pk


def test_closed_discussion_refuses_comments(home):
    article = ArticlePageFactory(comments_open=False)

    with pytest.raises(PermissionDenied, match="closed"):
        comment_create(article=article, author=UserFactory(), body="Hello")


def test_unverified_reader_cannot_comment(article):
    with pytest.raises(PermissionDenied, match="Verify your email"):
        comment_create(article=article, author=UserFactory(verified=False), body="Hello")


def test_deleted_account_cannot_comment(article):
    reader = account_delete(user=UserFactory())

    with pytest.raises(PermissionDenied, match="no longer take part"):
        comment_create(article=article, author=reader, body="Hello")


def test_replies_nest_three_deep_then_attach_at_the_third_level_naming_whom_they_answer(article):
    level1 = CommentFactory(article=article)
    level2 = comment_create(article=article, author=UserFactory(), body="two", parent=level1)
    level3 = comment_create(article=article, author=UserFactory(), body="three", parent=level2)

    deeper = comment_create(article=article, author=UserFactory(), body="four", parent=level3)

    assert (level2.depth, level3.depth, deeper.depth) == (2, 3, 3)
    assert deeper.parent == level2
    assert deeper.in_reply_to == level3
    assert {level2.thread_id, level3.thread_id, deeper.thread_id} == {level1.pk}


def test_reply_to_a_comment_on_another_article_is_refused(article, home):
    elsewhere = CommentFactory(article=ArticlePageFactory())

    with pytest.raises(ValidationError):
        comment_create(article=article, author=UserFactory(), body="x", parent=elsewhere)


def test_quote_stores_the_reference_and_the_quoted_sentence_with_an_ellipsis(article):
    original = CommentFactory(
        article=article, body="The talks went well. But the details are vague."
    )

    reply = comment_create(
        article=article,
        author=UserFactory(),
        body="Too optimistic.",
        quoted=original,
        quoted_text="The talks went well.",
    )

    assert reply.quoted == original
    assert reply.quoted_text == "The talks went well.…"


def test_quote_without_a_selection_takes_the_whole_comment(article):
    original = CommentFactory(article=article, body="Short and sweet.")

    reply = comment_create(article=article, author=UserFactory(), body="Indeed.", quoted=original)

    assert reply.quoted_text == "Short and sweet."


def test_a_quote_must_be_text_of_the_quoted_comment(article):
    original = CommentFactory(article=article, body="The talks went well.")

    with pytest.raises(ValidationError, match="text from the comment"):
        comment_create(
            article=article,
            author=UserFactory(),
            body="Ha.",
            quoted=original,
            quoted_text="View all Politics articles",
        )


def test_a_quote_may_run_across_a_link_in_the_original(article):
    original = CommentFactory(article=article, body="[Tom](https://example.com/), you are wrong.")

    reply = comment_create(
        article=article,
        author=UserFactory(),
        body="Harsh.",
        quoted=original,
        quoted_text="Tom, you",
    )

    assert reply.quoted_text == "Tom, you…"


def test_quote_survives_edits_of_the_original(article):
    author = UserFactory()
    original = comment_create(article=article, author=author, body="The budget is too small.")
    reply = comment_create(article=article, author=UserFactory(), body="No.", quoted=original)

    comment_edit(comment=original, editor=author, body="I changed my mind entirely.")

    reply.refresh_from_db()
    assert reply.quoted_text == "The budget is too small."


def test_mentions_link_display_names_with_spaces_and_an_opening_name(article):
    UserFactory(display_name="Kenji Sato", slug="kenji-sato")
    UserFactory(display_name="mari", slug="mari")

    html = comment_create(
        article=article, author=UserFactory(), body="Mari, you do know that @Kenji Sato said so?"
    ).body_html

    assert '<a href="/members/mari/" rel="nofollow ugc noopener">mari</a>, you do know' in html
    assert (
        '<a href="/members/kenji-sato/" rel="nofollow ugc noopener">@Kenji Sato</a> said so?'
        in html
    )


def test_unknown_mentions_stay_plain_text(article):
    html = comment_create(
        article=article, author=UserFactory(), body="Nobody, ask @ghost."
    ).body_html

    assert "<a" not in html


def test_author_can_edit_within_ten_minutes_and_it_shows_edited(article):
    author = UserFactory()
    comment = comment_create(article=article, author=author, body="First")

    edited = comment_edit(comment=comment, editor=author, body="Second")

    assert edited.body_html == "<p>Second</p>"
    assert edited.edited_at is not None


def test_editing_after_ten_minutes_is_refused(article):
    author = UserFactory()
    comment = CommentFactory(article=article, author=author)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=11))

    with pytest.raises(PermissionDenied, match="10 minutes"):
        comment_edit(comment=comment, editor=author, body="Too late")


def test_only_the_author_can_edit_or_delete(article):
    comment = CommentFactory(article=article)

    with pytest.raises(PermissionDenied):
        comment_edit(comment=comment, editor=UserFactory(), body="Mine now")
    with pytest.raises(PermissionDenied):
        comment_delete_by_author(comment=comment, author=UserFactory())


def test_deleting_keeps_the_row_and_its_replies(article):
    comment = CommentFactory(article=article)
    reply = CommentFactory(article=article, parent=comment)

    deleted = comment_delete_by_author(comment=comment, author=comment.author)

    assert deleted.status == Comment.Status.DELETED_BY_AUTHOR
    assert Comment.objects.filter(pk=comment.pk).exists()
    reply.refresh_from_db()
    assert reply.parent_id == comment.pk and reply.status == Comment.Status.PUBLISHED


def test_vote_cast_twice_keeps_one_vote(article):
    comment, voter = CommentFactory(article=article), UserFactory()

    vote_cast(comment=comment, voter=voter, value=1)
    voted = vote_cast(comment=comment, voter=voter, value=1)

    assert (voted.upvotes, voted.downvotes, voted.score) == (1, 0, 1)
    assert Vote.objects.filter(comment=comment).count() == 1


def test_changing_and_withdrawing_a_vote_moves_the_counters(article):
    comment, voter = CommentFactory(article=article), UserFactory()

    vote_cast(comment=comment, voter=voter, value=1)
    changed = vote_cast(comment=comment, voter=voter, value=-1)
    assert (changed.upvotes, changed.downvotes, changed.score) == (0, 1, -1)

    withdrawn = vote_cast(comment=comment, voter=voter, value=0)
    assert (withdrawn.upvotes, withdrawn.downvotes, withdrawn.score) == (0, 0, 0)
    assert not Vote.objects.exists()


def test_a_vote_takes_the_lock_standing_old_vote_one_write_and_the_counters(
    article, django_assert_num_queries
):
    comment, voter = CommentFactory(article=article), UserFactory()
    vote_cast(comment=comment, voter=voter, value=1)

    # The savepoint pair, the standing, the lock, the old vote, the update, the counters.
    for value in (-1, 0):
        with django_assert_num_queries(7):
            voted = vote_cast(comment=comment, voter=voter, value=value)
    # A vote that changes nothing stops after reading the old vote.
    with django_assert_num_queries(5):
        vote_cast(comment=comment, voter=voter, value=0)

    assert (voted.upvotes, voted.downvotes) == (0, 0)


def test_a_vote_on_a_comment_deleted_since_it_was_read_is_refused(article):
    comment, voter = CommentFactory(article=article), UserFactory()
    Comment.objects.filter(pk=comment.pk).delete()

    with pytest.raises(PermissionDenied, match="no longer"):
        vote_cast(comment=comment, voter=voter, value=1)
    assert not Vote.objects.exists()


def test_no_votes_on_your_own_comment(article):
    comment = CommentFactory(article=article)

    with pytest.raises(PermissionDenied, match="own comment"):
        vote_cast(comment=comment, voter=comment.author, value=1)


def test_no_votes_in_a_closed_discussion(home):
    comment = CommentFactory(article=ArticlePageFactory(comments_open=False))

    with pytest.raises(PermissionDenied, match="closed"):
        vote_cast(comment=comment, voter=UserFactory(), value=1)

    assert Comment.objects.get(pk=comment.pk).upvotes == 0


def test_an_unverified_reader_cannot_vote(article):
    comment = CommentFactory(article=article)

    with pytest.raises(PermissionDenied, match="Verify your email"):
        vote_cast(comment=comment, voter=UserFactory(verified=False), value=1)

    assert not Vote.objects.exists()


def test_votes_of_a_deleted_account_stay_counted(article):
    comment, voter = CommentFactory(article=article), UserFactory()
    vote_cast(comment=comment, voter=voter, value=-1)

    account_delete(user=voter)

    comment.refresh_from_db()
    assert comment.score == -1
    assert Vote.objects.filter(comment=comment).count() == 1


def test_the_database_allows_one_vote_per_reader_per_comment(article):
    from django.db import IntegrityError, transaction

    comment, voter = CommentFactory(article=article), UserFactory()
    Vote.objects.create(comment=comment, voter=voter, value=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(comment=comment, voter=voter, value=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(comment=comment, voter=UserFactory(), value=2)


def test_a_new_comment_tells_its_section_without_reading_its_article_again(article):
    author = UserFactory()
    with CaptureQueriesContext(connection) as captured:
        comment = comment_create(article=article, author=author, body="A fair point, well made.")

    assert comment.status == Comment.Status.PUBLISHED
    articles_read = [q for q in captured.captured_queries if "articles_articlepage" in q["sql"]]
    assert articles_read == []
