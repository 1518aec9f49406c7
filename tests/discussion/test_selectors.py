from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.accounts.services import account_delete
from newsroom.articles.models import ArticlePage
from newsroom.discussion.checks import check_comment_sort_default
from newsroom.discussion.models import Comment, Vote
from newsroom.discussion.selectors import (
    THREADS_AT_ONCE,
    comment_stream_for_article,
    votable_comment,
)
from newsroom.moderation.models import MODERATORS_GROUP
from tests.factories import CommentFactory, SectionPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def comment_at(article, minutes_ago, **kwargs):
    comment = CommentFactory(article=article, **kwargs)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return comment


def order(stream):
    return [comment.pk for comment in stream.threads]


def test_oldest_first_is_the_reference_order(article):
    a, b, c = comment_at(article, 30), comment_at(article, 20), comment_at(article, 10)

    stream = comment_stream_for_article(article=article, viewer=AnonymousUser(), sort="oldest")

    assert order(stream) == [a.pk, b.pk, c.pk]


def test_newest_first(article):
    a, b, c = comment_at(article, 30), comment_at(article, 20), comment_at(article, 10)

    assert order(
        comment_stream_for_article(article=article, viewer=AnonymousUser(), sort="newest")
    ) == [
        c.pk,
        b.pk,
        a.pk,
    ]


def test_best_ranks_by_wilson_lower_bound_not_raw_score(article):
    small_perfect = comment_at(article, 30, upvotes=3, downvotes=0)  # 0.4385
    big_mixed = comment_at(article, 20, upvotes=60, downvotes=10)  # 0.7566, score 50
    unvoted = comment_at(article, 10)  # 0
    split = comment_at(article, 5, upvotes=6, downvotes=5)  # 0.2524

    stream = comment_stream_for_article(article=article, viewer=AnonymousUser(), sort="best")

    assert order(stream) == [big_mixed.pk, small_perfect.pk, split.pk, unvoted.pk]


def test_controversial_puts_evenly_split_busy_comments_first(article):
    loved = comment_at(article, 30, upvotes=40, downvotes=0)  # 0
    split = comment_at(article, 20, upvotes=10, downvotes=10)  # 20
    leaning = comment_at(article, 10, upvotes=10, downvotes=5)  # 3.87

    stream = comment_stream_for_article(
        article=article, viewer=AnonymousUser(), sort="controversial"
    )

    assert order(stream) == [split.pk, leaning.pk, loved.pk]


def test_unknown_sort_falls_back_to_the_site_default(article, settings):
    settings.NEWSROOM_COMMENT_SORT_DEFAULT = "newest"
    a, b = comment_at(article, 30), comment_at(article, 20)

    stream = comment_stream_for_article(article=article, viewer=AnonymousUser(), sort="loudest")

    assert stream.sort == "newest"
    assert order(stream) == [b.pk, a.pk]


def test_replies_nest_under_their_parents_oldest_first(article):
    root = comment_at(article, 50)
    second = comment_at(article, 40, parent=root)
    first_reply_reply = comment_at(article, 30, parent=second)
    third = comment_at(article, 20, parent=root)

    stream = comment_stream_for_article(article=article, viewer=AnonymousUser())

    (thread,) = stream.threads
    assert [c.pk for c in thread.children] == [second.pk, third.pk]
    assert [c.pk for c in thread.children[0].children] == [first_reply_reply.pk]


def test_first_page_holds_fifty_threads_and_offers_more(article, settings):
    for minutes in range(120, 0, -1):
        comment_at(article, minutes)

    first = comment_stream_for_article(article=article, viewer=AnonymousUser())
    last = comment_stream_for_article(article=article, viewer=AnonymousUser(), offset=100)

    assert len(first.threads) == 50 and first.has_more and first.next_offset == 50
    assert len(last.threads) == 20 and not last.has_more
    assert first.comment_count == 120


def test_a_page_longer_than_one_threads_query_shows_every_thread_with_its_replies(
    article, settings
):
    settings.NEWSROOM_COMMENTS_PER_PAGE = THREADS_AT_ONCE + 6
    roots = [comment_at(article, 500 - n) for n in range(THREADS_AT_ONCE + 6)]
    answered = [*roots[::7], roots[-1]]  # in both threads queries
    replies = {root.pk: comment_at(article, 100, parent=root).pk for root in answered}

    with CaptureQueriesContext(connection) as queries:
        stream = comment_stream_for_article(article=article, viewer=AnonymousUser())

    assert order(stream) == [root.pk for root in roots]
    shown = {t.pk: [c.pk for c in t.children] for t in stream.threads if t.children}
    assert shown == {root: [reply] for root, reply in replies.items()}
    assert len(queries) == 5  # one threads query more than a page of one


def test_a_linked_comment_deep_in_the_stream_is_shown_first(article):
    comments = [comment_at(article, minutes) for minutes in range(80, 0, -1)]
    deep_reply = comment_at(article, 0, parent=comments[70])

    stream = comment_stream_for_article(article=article, viewer=AnonymousUser(), focus=deep_reply)

    assert stream.threads[0].pk == comments[70].pk
    assert stream.threads[0].children[0].pk == deep_reply.pk
    assert stream.focus_id == deep_reply.pk
    assert len({c.pk for c in stream.threads}) == len(stream.threads)


def test_show_more_after_a_linked_thread_leaves_it_out(article):
    comments = [comment_at(article, minutes) for minutes in range(80, 0, -1)]
    deep_reply = comment_at(article, 0, parent=comments[70])

    first = comment_stream_for_article(article=article, viewer=AnonymousUser(), focus=deep_reply)
    rest = comment_stream_for_article(
        article=article, viewer=AnonymousUser(), offset=first.next_offset, pinned=first.pinned
    )

    assert first.pinned == comments[70].pk
    assert f"pinned={comments[70].pk}" in first.more_query
    shown = [t.pk for t in first.threads + rest.threads]
    assert sorted(shown) == sorted(c.pk for c in comments)
    assert len(set(shown)) == 80 and not rest.has_more


def test_a_linked_thread_just_past_the_page_does_not_promise_more(article):
    comments = [comment_at(article, minutes) for minutes in range(51, 0, -1)]

    first = comment_stream_for_article(article=article, viewer=AnonymousUser(), focus=comments[50])

    assert [t.pk for t in first.threads] == [comments[50].pk] + [c.pk for c in comments[:50]]
    assert not first.has_more


def test_rejected_and_pending_comments_are_hidden_except_pending_from_their_author(article):
    author = UserFactory()
    comment_at(article, 10, status=Comment.Status.REJECTED)
    pending = comment_at(article, 5, status=Comment.Status.PENDING, author=author)

    assert order(comment_stream_for_article(article=article, viewer=AnonymousUser())) == []
    assert order(comment_stream_for_article(article=article, viewer=author)) == [pending.pk]
    assert order(comment_stream_for_article(article=article, viewer=UserFactory())) == []


def test_deleted_accounts_comments_stay_without_a_name(article):
    comment = comment_at(article, 10)
    account_delete(user=comment.author)

    (shown,) = comment_stream_for_article(article=article, viewer=AnonymousUser()).threads

    assert shown.author_name == ""
    assert shown.comment.body_html == comment.body_html


def test_viewer_flags_follow_authorship_and_votes(article):
    viewer = UserFactory()
    own = comment_at(article, 2, author=viewer)
    other = comment_at(article, 1)
    Vote.objects.create(comment=other, voter=viewer, value=-1)

    shown = {c.pk: c for c in comment_stream_for_article(article=article, viewer=viewer).threads}

    assert shown[own.pk].can_edit and shown[own.pk].can_delete and not shown[own.pk].can_vote
    assert shown[other.pk].can_vote and not shown[other.pk].can_edit
    assert shown[other.pk].viewer_vote == -1


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_stream_takes_the_same_queries_for_10_or_5000_comments(article, signed_in):
    viewer = UserFactory() if signed_in else AnonymousUser()

    def build(count):
        authors = UserFactory.create_batch(5)
        comments = Comment.objects.bulk_create(
            Comment(article=article, author=authors[i % 5], body="x", body_html="<p>x</p>")
            for i in range(count)
        )
        replies = Comment.objects.bulk_create(
            Comment(
                article=article,
                author=authors[i % 5],
                parent=parent,
                thread=parent,
                in_reply_to=parent,
                depth=2,
                body="y",
                body_html="<p>y</p>",
                quoted=parent,
                quoted_text="x",
            )
            for i, parent in enumerate(comments[: count // 3])
        )
        if signed_in:
            Vote.objects.bulk_create(
                Vote(comment=c, voter=viewer, value=1) for c in comments + replies
            )

    def measure():
        with CaptureQueriesContext(connection) as context:
            comment_stream_for_article(article=article, viewer=viewer)
        return len(context.captured_queries)

    build(10)
    small = measure()
    build(4990)
    large = measure()

    # The page's ids, its threads whole with their replies, count, moderator notes; signed in
    # also votes and the reader's standing (verified email and sanction, in one query).
    assert (small, large) == ((6, 6) if signed_in else (4, 4))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
@pytest.mark.parametrize("sort", ["oldest", "newest"])
def test_a_page_of_threads_is_read_in_index_order_not_sorted_from_the_whole_article(article, sort):
    comment_at(article, 5)
    with CaptureQueriesContext(connection) as context:
        comment_stream_for_article(article=article, viewer=AnonymousUser(), sort=sort)
    page = next(q["sql"] for q in context.captured_queries if " LIMIT " in q["sql"])

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {page}")
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())

    assert f"comment_{sort}_idx" in plan
    assert "TEMP B-TREE" not in plan  # no sort of every comment the article has


def test_an_unknown_default_sort_fails_the_system_check(settings):
    settings.NEWSROOM_COMMENT_SORT_DEFAULT = "top"

    (error,) = check_comment_sort_default()

    assert error.id == "discussion.E001" and "oldest, newest, best, controversial" in error.hint
    settings.NEWSROOM_COMMENT_SORT_DEFAULT = "best"
    assert check_comment_sort_default() == []


@pytest.mark.parametrize("viewer", ["anonymous", "author", "moderator"])
def test_the_article_page_reads_nothing_more_for_each_comment_it_shows(client, article, viewer):
    """The stream selects only the columns its cards read; the page (cards, fragments,
    template) must not go back for one it left out, whoever is looking."""
    author = UserFactory()
    if viewer == "author":
        client.force_login(author)
    elif viewer == "moderator":
        moderator = UserFactory()
        moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        client.force_login(moderator)

    def add(count):
        for _ in range(count):
            parent = CommentFactory(article=article)
            CommentFactory(article=article, parent=parent, quoted=parent, quoted_text="x")
            CommentFactory(
                article=article,
                author=author,
                status=Comment.Status.PENDING,
                moderation_flags=["DETECTED_LINKS"],
            )
            CommentFactory(
                article=article,
                author=author,
                status=Comment.Status.REJECTED,
                rejection_reason="spam",
            )

    def measure():
        """Queries with every comment rendered (nothing kept), then joined from the cache."""
        counts = []
        for fragments_kept in (False, True):
            if not fragments_kept:
                cache.clear()
            with CaptureQueriesContext(connection) as context:
                assert client.get(article.url).status_code == 200
            counts.append(len(context.captured_queries))
        return counts

    client.get(article.url)  # the lead photo's renditions are made on the first view
    add(1)
    small = measure()
    add(12)
    assert measure() == small


def test_a_vote_reads_its_comment_article_and_author_in_one_query(article):
    comment = CommentFactory(article=article, upvotes=3, downvotes=1)

    with CaptureQueriesContext(connection) as queries:
        voted = votable_comment(comment.pk)
        seen = (voted.score, voted.article.comments_open, voted.author.public_name)
    assert len(queries) == 1
    assert seen == (2, True, comment.author.display_name)
    assert voted.article.url == article.url
    # Anything else is deferred: read when asked for, never a blank stand-in.
    with CaptureQueriesContext(connection) as queries:
        assert voted.body_html == comment.body_html
    assert len(queries) == 1


def test_a_vote_finds_no_comment_readers_may_not_vote_on(article):
    other_section = SectionPageFactory()
    held = CommentFactory(article=article, status=Comment.Status.PENDING)
    comment = CommentFactory(article=article)

    assert votable_comment(held.pk) is None
    # A restriction elsewhere on the site hides nothing here.
    PageViewRestriction.objects.create(page=other_section, restriction_type="login")
    assert votable_comment(comment.pk) is not None
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert votable_comment(comment.pk) is None
    restriction.delete()
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type="login")
    assert votable_comment(comment.pk) is None
    PageViewRestriction.objects.all().delete()
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    assert votable_comment(comment.pk) is None
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=None, live=False)
    assert votable_comment(comment.pk) is None


def test_each_reader_sees_their_own_held_comments_and_no_one_elses(article):
    """The page's ids come from a query prepared once per thread: each reader's id goes
    into it, and no reader's held comment reaches another's stream."""
    ana, ben = UserFactory(), UserFactory()
    public = CommentFactory(article=article)
    held = {
        reader: CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
        for reader in (ana, ben)
    }

    def shown(viewer) -> set[int]:
        stream = comment_stream_for_article(article=article, viewer=viewer)
        return {card.comment.pk for card in stream.threads}

    for _ in range(2):
        assert shown(ana) == {public.pk, held[ana].pk}
        assert shown(ben) == {public.pk, held[ben].pk}
        assert shown(AnonymousUser()) == {public.pk}
