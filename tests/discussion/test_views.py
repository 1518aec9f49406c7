import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment, Vote
from tests.discussion.requests import HTMX, create_url
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

# Session, reader, and the comment with its article and author, the article's visibility
# (view restrictions included) asked in the same query; then vote_cast's check of the
# reader's standing (verified email and sanction in one), lock, old vote, one write and the
# counters, and the savepoint pair of its transaction inside the test's. Nothing is read
# back (it was 11, 12, 18, and 21 before that).
VOTE_QUERIES = 10


@pytest.fixture
def reader(client):
    user = UserFactory(display_name="Aiko Tanaka", slug="aiko-tanaka")
    client.force_login(user)
    return user


def test_signed_out_readers_see_comments_and_a_call_to_log_in(client, article):
    CommentFactory(article=article, body_html="<p>Visible to all.</p>", upvotes=2, downvotes=0)

    html = client.get(article.url).content.decode()

    assert "Visible to all." in html
    assert "Login to leave a comment" in html
    assert 'id="comment-form"' not in html
    assert '<span class="vote__score" title="+2 / -0">+2</span>' in html


def test_scores_show_signed_and_zero_like_the_reference(client, article):
    for ups, downs in [(2, 0), (0, 3), (0, 0)]:
        CommentFactory(article=article, upvotes=ups, downvotes=downs)

    html = client.get(article.url).content.decode()

    assert re.findall(r'class="vote__score"[^>]*>([^<]+)<', html) == ["+2", "-3", "0"]


def test_posting_requires_signing_in(client, article):
    response = client.post(create_url(article), {"body": "Hello"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Comment.objects.exists()


def test_plain_form_post_redirects_to_the_new_comment(client, article, reader):
    response = client.post(create_url(article), {"body": "A fair point, well made."})

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{article.url}?comment={comment.pk}&sort=oldest#comment-{comment.pk}"
    page = client.get(response.url).content.decode()
    assert "A fair point, well made." in page
    assert "comment--focus" in page


def test_htmx_post_returns_the_discussion_with_the_new_comment_in_focus(client, article, reader):
    response = client.post(create_url(article), {"body": "Posted in place."}, **HTMX)

    html = response.content.decode()
    comment = Comment.objects.get()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="comments"')
    assert f'id="comment-{comment.pk}" class="comment comment--depth-1 comment--focus"' in html
    assert (
        '<a id="comment-count" class="article__comments" href="#comments" hx-swap-oob="true">'
        "1 comment</a>" in html
    )


def test_an_overlong_comment_comes_back_with_a_message_and_the_text_kept(client, article, reader):
    text = "Long words. " * 300

    response = client.post(create_url(article), {"body": text}, **HTMX)

    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Comments are limited to 3,000 characters" in html
    assert text.strip() in html
    assert not Comment.objects.exists()


def test_an_empty_comment_without_javascript_gets_a_page_with_the_message(client, article, reader):
    response = client.post(create_url(article), {"body": "  "})

    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()


def test_closed_discussion_answers_403_and_says_so(client, home, reader):
    article = ArticlePageFactory(comments_open=False)

    response = client.post(create_url(article), {"body": "Hello"}, **HTMX)
    page = client.get(article.url).content.decode()

    assert response.status_code == 403
    assert "The discussion of this article is closed." in page
    assert 'id="comment-form"' not in page


def test_unverified_reader_is_told_to_verify(client, article):
    client.force_login(UserFactory(verified=False))

    page = client.get(article.url).content.decode()
    response = client.post(create_url(article), {"body": "Hello"})

    assert "Verify your email address before commenting." in page
    assert response.status_code == 403


def test_comment_posting_is_rate_limited_with_a_429(client, article, reader, settings):
    settings.NEWSROOM_RATE_LIMITS = {**settings.NEWSROOM_RATE_LIMITS, "comment": "2/m"}

    statuses = [
        client.post(create_url(article), {"body": f"Take {n}"}, **HTMX).status_code
        for n in range(3)
    ]
    last = client.post(create_url(article), {"body": "Kept text"}, **HTMX)

    assert statuses == [200, 200, 429]
    assert "You are posting too fast" in last.content.decode()
    assert "Kept text" in last.content.decode()
    assert Comment.objects.count() == 2


def test_vote_with_htmx_returns_the_new_score(client, article, reader):
    comment = CommentFactory(article=article, upvotes=1)
    Vote.objects.create(comment=comment, voter=UserFactory(), value=1)
    url = reverse("discussion:comment-vote", args=[comment.pk])

    response = client.post(url, {"value": "up"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="vote__score" title="+2 / -0">+2</span>' in html
    assert 'value="clear" class="vote__button vote__button--up" aria-pressed="true"' in html
    assert (
        f'aria-label="Vote up comment by {comment.author.display_name}, current score +2"' in html
    )


def test_vote_without_javascript_redirects_back_to_the_comment(client, article, reader):
    comment = CommentFactory(article=article)

    response = client.post(reverse("discussion:comment-vote", args=[comment.pk]), {"value": "down"})

    assert response.status_code == 302
    assert response.url.endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.score == -1


@pytest.mark.parametrize("value", ["sideways", "", "2"])
def test_a_bad_vote_is_a_400(client, article, reader, value):
    comment = CommentFactory(article=article)

    response = client.post(reverse("discussion:comment-vote", args=[comment.pk]), {"value": value})

    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_voting_on_your_own_comment_is_a_403(client, article, reader):
    comment = CommentFactory(article=article, author=reader)

    response = client.post(reverse("discussion:comment-vote", args=[comment.pk]), {"value": "up"})

    assert response.status_code == 403


def test_a_vote_is_refused_on_a_comment_readers_see_but_not_published_and_hidden_otherwise(
    client, article, reader
):
    removed = CommentFactory(article=article, status=Comment.Status.REMOVED)
    CommentFactory(article=article, parent=removed)  # its reply keeps it shown, as a tombstone
    held = CommentFactory(article=article, status=Comment.Status.PENDING)

    def vote_on(comment: Comment) -> int:
        url = reverse("discussion:comment-vote", args=[comment.pk])
        return client.post(url, {"value": "up"}, **HTMX).status_code

    assert vote_on(removed) == 403
    assert vote_on(held) == 404  # someone else's comment awaiting review: said nothing of
    assert not Vote.objects.exists()


def test_comments_behind_a_view_restriction_cannot_be_voted_on_or_answered(client, article, reader):
    comment = CommentFactory(article=article)
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type="login")

    vote = client.post(reverse("discussion:comment-vote", args=[comment.pk]), {"value": "up"})
    reply = client.get(reverse("discussion:comment-reply", args=[comment.pk]))

    assert vote.status_code == reply.status_code == 404
    assert not Vote.objects.exists()


def test_votes_are_rate_limited(client, article, reader, settings):
    settings.NEWSROOM_RATE_LIMITS = {**settings.NEWSROOM_RATE_LIMITS, "vote": "1/m"}
    first, second = CommentFactory(article=article), CommentFactory(article=article)

    client.post(reverse("discussion:comment-vote", args=[first.pk]), {"value": "up"})
    response = client.post(reverse("discussion:comment-vote", args=[second.pk]), {"value": "up"})

    assert response.status_code == 429


def test_state_changes_need_post(client, article, reader):
    comment = CommentFactory(article=article)

    assert client.get(reverse("discussion:comment-vote", args=[comment.pk])).status_code == 405
    own = CommentFactory(article=article, author=reader)
    assert client.get(reverse("discussion:comment-delete", args=[own.pk])).status_code == 200
    own.refresh_from_db()
    assert own.status == Comment.Status.PUBLISHED  # the GET only asks
    assert client.get(create_url(article)).status_code == 405


def test_state_changes_need_the_csrf_token(article, reader):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader)

    response = strict.post(create_url(article), {"body": "Forged"})

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_reply_without_javascript_uses_a_form_page(client, article, reader):
    parent = CommentFactory(article=article)

    form_page = client.get(reverse("discussion:comment-reply", args=[parent.pk]))
    response = client.post(create_url(article), {"body": "Replying", "parent": parent.pk})

    assert f'name="parent" value="{parent.pk}"' in form_page.content.decode()
    reply = Comment.objects.get(parent=parent)
    assert response.url.endswith(f"#comment-{reply.pk}")
    page = client.get(article.url).content.decode()
    assert (
        f'in reply to <a href="/discussion/comments/{parent.pk}/">{parent.author.display_name}</a>'
        in page
    )


def test_quote_without_javascript_prefills_the_reference(client, article, reader):
    original = CommentFactory(
        article=article, body="Japan should do more.", body_html="<p>Japan should do more.</p>"
    )

    form_page = client.get(reverse("discussion:comment-reply", args=[original.pk]) + "?quote")
    client.post(create_url(article), {"body": "Agreed.", "quoted": original.pk})
    page = client.get(article.url).content.decode()

    assert f'name="quoted" value="{original.pk}"' in form_page.content.decode()
    assert f"{original.author.display_name} wrote</a>:" in page
    assert "<p>Japan should do more.</p>" in page


def test_quote_of_a_later_removed_comment_shows_removed_without_its_words(client, article, reader):
    original = CommentFactory(
        article=article, body="Original words.", body_html="<p>Original words.</p>"
    )
    client.post(
        create_url(article),
        {"body": "Reply.", "quoted": original.pk, "quoted_text": "Original words."},
    )
    Comment.objects.filter(pk=original.pk).update(status=Comment.Status.REMOVED)

    page = client.get(article.url).content.decode()

    # A takedown removes the words wherever they were quoted (issue 14).
    assert '<p class="comment__quote-source">[removed]</p>' in page
    assert "Original words." not in page


def test_display_names_and_quoted_text_are_escaped(client, article, reader):
    villain = UserFactory(display_name="x", slug="x")
    villain.display_name = "<img src=x onerror=alert(1)>"
    villain.save()
    original = CommentFactory(
        article=article, author=villain, body="<b>hi</b>", body_html="<p>&lt;b&gt;hi&lt;/b&gt;</p>"
    )
    client.post(
        create_url(article), {"body": "Reply.", "quoted": original.pk, "quoted_text": "<b>hi</b>"}
    )

    page = client.get(article.url).content.decode()

    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>hi</b>" not in page


def test_edit_in_place_and_show_edited(client, article, reader):
    comment = CommentFactory(article=article, author=reader)
    url = reverse("discussion:comment-edit", args=[comment.pk])

    form = client.get(url, **HTMX)
    response = client.post(url, {"body": "Corrected text"}, **HTMX)

    assert "Edit your comment" in form.content.decode()
    html = response.content.decode()
    assert "<p>Corrected text</p>" in html and ">edited</span>" in html


def test_editing_in_place_never_shows_other_readers_held_or_rejected_replies(
    client, article, reader
):
    comment = CommentFactory(article=article, author=reader)
    for status in (Comment.Status.PENDING, Comment.Status.REJECTED):
        CommentFactory(
            article=article, parent=comment, status=status, body_html=f"<p>Hidden {status}</p>"
        )

    html = client.post(
        reverse("discussion:comment-edit", args=[comment.pk]), {"body": "Revised."}, **HTMX
    ).content.decode()

    assert "Revised." in html
    assert "Hidden" not in html and "[removed by a moderator]" not in html


def test_a_vote_in_place_costs_the_same_queries_however_long_the_thread(client, article, reader):
    short, long = CommentFactory(article=article), CommentFactory(article=article)
    CommentFactory.create_batch(30, article=article, parent=long)
    quoting_reply = CommentFactory(
        article=article, parent=long, in_reply_to=long, quoted=short, quoted_text="Quoted."
    )

    def queries_to_vote_on(comment) -> int:
        url = reverse("discussion:comment-vote", args=[comment.pk])
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, {"value": "up"}, **HTMX)
        assert 'title="+1 / -0">+1</span>' in response.content.decode()
        return len(captured.captured_queries)

    assert queries_to_vote_on(short) == queries_to_vote_on(long) == VOTE_QUERIES
    # The buttons show nothing of what a reply answers or quotes: nothing more is loaded.
    assert queries_to_vote_on(quoting_reply) == VOTE_QUERIES


def test_comments_on_an_expired_article_cannot_be_answered(client, article, reader):
    comment = CommentFactory(article=article)
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )

    response = client.get(reverse("discussion:comment-reply", args=[comment.pk]))

    assert response.status_code == 404


def test_delete_leaves_a_tombstone_and_keeps_replies(client, article, reader):
    comment = CommentFactory(article=article, author=reader)
    CommentFactory(article=article, parent=comment, body_html="<p>The reply stays.</p>")

    response = client.post(reverse("discussion:comment-delete", args=[comment.pk]), **HTMX)

    html = response.content.decode()
    assert "[deleted by author]" in html and "The reply stays." in html
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.DELETED_BY_AUTHOR


def test_delete_without_javascript_asks_on_a_page_of_its_own_then_posts(client, article, reader):
    comment = CommentFactory(article=article, author=reader, body_html="<p>My hasty words.</p>")
    url = reverse("discussion:comment-delete", args=[comment.pk])

    page = client.get(url)

    html = page.content.decode()
    assert "<h1>Delete your comment?</h1>" in html
    assert "My hasty words." in html
    assert re.search(rf'<form method="post" action="{url}"[^>]*>', html)
    assert "Keep it</a>" in html
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment={comment.pk}#{comment.anchor}"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED_BY_AUTHOR


def test_the_delete_page_of_a_deleted_comment_leads_back_to_the_discussion(client, article, reader):
    comment = CommentFactory(
        article=article, author=reader, status=Comment.Status.DELETED_BY_AUTHOR
    )

    response = client.get(reverse("discussion:comment-delete", args=[comment.pk]))

    assert response.status_code == 302


def test_nobody_gets_the_delete_page_of_someone_elses_comment(client, article, reader):
    comment = CommentFactory(article=article)

    assert client.get(reverse("discussion:comment-delete", args=[comment.pk])).status_code == 404


def test_show_more_loads_the_next_fifty_in_place_or_as_a_page(client, article):
    CommentFactory.create_batch(60, article=article)
    url = reverse("discussion:comment-list", args=[article.pk])

    first_page = client.get(article.url).content.decode()
    partial = client.get(url, {"offset": 50}, **HTMX).content.decode()
    page = client.get(url, {"offset": 50}).content.decode()

    assert first_page.count('class="comment comment--depth-1') == 50
    assert "Show more comments" in first_page
    assert partial.count('class="comment comment--depth-1') == 10
    assert "<html" not in partial and "Show more comments" not in partial
    assert "<html" in page and page.count('class="comment comment--depth-1') == 10


@pytest.mark.parametrize("query", [{"offset": "abc"}, {"offset": "-5"}, {"pinned": "x"}])
def test_a_bad_page_query_is_a_400(client, article, query):
    response = client.get(reverse("discussion:comment-list", args=[article.pk]), query)

    assert response.status_code == 400


def test_permalink_opens_the_article_with_the_comment_shown(client, article):
    comments = CommentFactory.create_batch(55, article=article)

    response = client.get(reverse("discussion:comment-permalink", args=[comments[-1].pk]))
    page = client.get(response.url).content.decode()

    assert response.url == f"{article.url}?comment={comments[-1].pk}#comment-{comments[-1].pk}"
    assert f'id="comment-{comments[-1].pk}"' in page


def test_show_more_after_a_permalink_does_not_repeat_the_linked_comment(client, article):
    comments = CommentFactory.create_batch(55, article=article)
    linked = comments[-1]

    page = client.get(article.url, {"comment": linked.pk}).content.decode()
    more_url = unescape(re.search(r'hx-get="([^"]*offset=[^"]*)"', page).group(1))
    more = client.get(more_url, **HTMX).content.decode()

    assert f"pinned={linked.pk}" in more_url
    assert page.count(f'id="comment-{linked.pk}"') == 1
    assert f'id="comment-{linked.pk}"' not in more
    assert more.count('class="comment comment--depth-1') == 4


def test_sort_order_is_in_the_url(client, article):
    CommentFactory(article=article, body_html="<p>Old and loved</p>", upvotes=9)
    CommentFactory(article=article, body_html="<p>New and unloved</p>")

    newest = client.get(article.url, {"sort": "newest"}).content.decode()
    best = client.get(article.url, {"sort": "best"}).content.decode()

    assert newest.index("New and unloved") < newest.index("Old and loved")
    assert best.index("Old and loved") < best.index("New and unloved")
    assert 'href="' + article.url + '?sort=best#comments" aria-current="true"' in best


def test_comment_counts_show_on_article_section_and_home(client, article):
    CommentFactory.create_batch(3, article=article)
    CommentFactory(article=article, status=Comment.Status.REJECTED)
    section = article.get_parent()

    for url in (article.url, section.url, "/"):
        assert "3 comments" in client.get(url).content.decode(), url


@pytest.mark.parametrize(
    "hidden_by", ["restricted", "section restricted", "expired", "unpublished"]
)
def test_nothing_can_be_posted_to_an_article_readers_cannot_see(client, article, reader, hidden_by):
    if hidden_by == "restricted":
        PageViewRestriction.objects.create(page=article, restriction_type="login")
    elif hidden_by == "section restricted":
        PageViewRestriction.objects.create(page=article.get_parent(), restriction_type="login")
    elif hidden_by == "expired":
        ArticlePage.objects.filter(pk=article.pk).update(
            expire_at=timezone.now() - timedelta(seconds=1)
        )
    else:
        ArticlePage.objects.filter(pk=article.pk).update(live=False)

    response = client.post(create_url(article), {"body": "Can anyone read this?"})

    assert response.status_code == 404
    assert not Comment.objects.exists()
