"""One visibility rule for every view that loads a comment (issues 12 and 14).

A comment the viewer may not see (someone else's held, rejected, removed or withdrawn
comment) is a 404 that reveals neither its words nor its article; its author and a
moderator following the queue's link see it in context; a link to it never loops.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from newsroom.discussion.models import Comment
from newsroom.discussion.services import comment_delete_by_author
from newsroom.moderation.models import MODERATORS_GROUP
from tests.discussion.requests import HTMX
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Sensitive words the moderators took down"
HIDDEN_STATUSES = [Comment.Status.PENDING, Comment.Status.REJECTED]
TAKEN_DOWN = [Comment.Status.REMOVED, Comment.Status.DELETED_BY_AUTHOR]


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="Ministers meet in Tokyo")


def hidden_comment(article, status) -> Comment:
    return CommentFactory(
        article=article,
        status=status,
        body=SECRET,
        body_html=f"<p>{SECRET}</p>",
        rejection_reason="abusive" if status == Comment.Status.REJECTED else "",
    )


@pytest.mark.parametrize("status", HIDDEN_STATUSES + TAKEN_DOWN)
@pytest.mark.parametrize(
    "view", ["comment-reply", "comment-report", "comment-edit"], ids=lambda v: v
)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_another_readers_hidden_comment_is_a_404_that_shows_nothing(
    client, reader, article, status, view, htmx
):
    comment = hidden_comment(article, status)
    url = reverse(f"discussion:{view}", args=[comment.pk])
    headers = HTMX if htmx else {}

    for response in (client.get(url, **headers), client.get(url + "?quote", **headers)):
        assert response.status_code == 404
        assert SECRET not in response.content.decode()


def test_only_its_author_can_open_a_comment_for_editing(client, reader, article):
    others = CommentFactory(article=article, body=SECRET)
    own = CommentFactory(article=article, author=reader, body="My own words")

    assert client.get(reverse("discussion:comment-edit", args=[others.pk])).status_code == 404
    response = client.get(reverse("discussion:comment-edit", args=[own.pk]))
    assert response.status_code == 200 and "My own words" in response.content.decode()


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
@pytest.mark.parametrize("signed_in", [False, True])
def test_the_permalink_of_a_comment_you_may_not_see_reveals_nothing(
    client, article, status, signed_in
):
    if signed_in:
        client.force_login(UserFactory())
    comment = hidden_comment(article, status)

    response = client.get(reverse("discussion:comment-permalink", args=[comment.pk]))

    html = response.content.decode()
    assert response.status_code == 404
    assert "This comment is not available" in html
    assert SECRET not in html and article.title not in html and article.url not in html


def test_the_permalink_of_an_id_that_does_not_exist_reads_the_same(client, article):
    hidden = hidden_comment(article, Comment.Status.PENDING)
    pages = {}
    for pk in (hidden.pk, hidden.pk + 1000):
        response = client.get(reverse("discussion:comment-permalink", args=[pk]))
        assert response.status_code == 404
        # The page names its own address (the sign-in link returns to it); nothing else differs.
        pages[pk] = response.content.decode().replace(f"/comments/{pk}/", "/comments/ID/")

    assert pages[hidden.pk] == pages[hidden.pk + 1000]


def test_the_author_follows_the_permalink_of_a_held_comment_to_its_place(client, article):
    comment = hidden_comment(article, Comment.Status.PENDING)
    client.force_login(comment.author)

    response = client.get(reverse("discussion:comment-permalink", args=[comment.pk]), follow=True)

    html = response.content.decode()
    assert response.redirect_chain[0][0] == f"{article.url}?comment={comment.pk}#{comment.anchor}"
    assert len(response.redirect_chain) == 1
    assert "Your comment is awaiting review." in html and SECRET in html


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
def test_a_moderator_sees_a_held_or_rejected_comment_in_context(client, article, status):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    client.force_login(moderator)
    comment = hidden_comment(article, status)
    CommentFactory(article=article, body_html="<p>Another reader's comment</p>")

    response = client.get(reverse("discussion:comment-permalink", args=[comment.pk]), follow=True)

    html = response.content.decode()
    assert SECRET in html and "Another reader's comment" in html
    assert "readers do not see it" in html
    # Only the comment asked for: other held comments stay out of the moderator's stream.
    other = hidden_comment(article, status)
    page = client.get(f"{article.url}?comment={comment.pk}").content.decode()
    assert f'id="{other.anchor}"' not in page


def test_an_article_link_to_a_hidden_comment_says_it_is_not_available(client, article):
    comment = hidden_comment(article, Comment.Status.PENDING)

    html = client.get(f"{article.url}?comment={comment.pk}").content.decode()

    assert "The comment this link points to is not available" in html
    assert SECRET not in html


def test_a_held_comment_withdrawn_by_its_author_leaves_no_trace(client, article):
    published = CommentFactory.create_batch(2, article=article)
    held = hidden_comment(article, Comment.Status.PENDING)
    comment_delete_by_author(comment=held, author=held.author)

    for viewer in (None, held.author, UserFactory()):
        if viewer is not None:
            client.force_login(viewer)
        html = client.get(article.url).content.decode()
        assert f'id="{held.anchor}"' not in html and "[deleted by author]" not in html
        assert html.count('class="comment comment--depth') == len(published)
        assert 'Comments <span class="discussion__count">(2)</span>' in html


def test_a_tombstone_stays_only_while_replies_hang_from_it(client, article):
    answered = CommentFactory(article=article, status=Comment.Status.REMOVED)
    CommentFactory(article=article, parent=answered, body_html="<p>The answer</p>")
    alone = CommentFactory(article=article, status=Comment.Status.REMOVED)

    html = client.get(article.url).content.decode()

    assert f'id="{answered.anchor}"' in html and "The answer" in html
    assert f'id="{alone.anchor}"' not in html


def test_a_taken_down_comment_keeps_its_place_but_not_its_authors_name(client, article):
    comment = CommentFactory(article=article, status=Comment.Status.DELETED_BY_AUTHOR)
    CommentFactory(article=article, parent=comment)

    html = client.get(article.url).content.decode()

    assert "[deleted by author]" in html
    assert comment.author.display_name not in html
