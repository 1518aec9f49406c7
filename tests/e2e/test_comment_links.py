"""A link to a comment the reader may not see lands once, with a notice (issue 12, defect 1)."""

import pytest
from playwright.sync_api import Page, expect

from newsroom.discussion.models import Comment
from tests.e2e.conftest import screenshot
from tests.factories import ArticlePageFactory, CommentFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_link_to_a_held_comment_loads_once_and_says_why(live_server, home, page: Page):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    CommentFactory(article=article, body_html="<p>A published comment.</p>")
    held = CommentFactory(
        article=article, status=Comment.Status.PENDING, body_html="<p>Held words.</p>"
    )
    loads = []
    page.on(
        "framenavigated",
        lambda frame: loads.append(frame.url) if frame == page.main_frame else None,
    )

    page.goto(f"{live_server.url}{article.url}?comment={held.pk}#{held.anchor}")
    page.wait_for_timeout(1500)  # time enough for a redirect loop to show itself

    expect(page.get_by_text("The comment this link points to is not available")).to_be_visible()
    expect(page.get_by_text("Held words.")).to_have_count(0)
    assert len(loads) == 1, loads

    page.goto(f"{live_server.url}/discussion/comments/{held.pk}/")
    expect(page.get_by_role("heading", name="This comment is not available")).to_be_visible()
    expect(page.get_by_text("Ministers meet in Tokyo")).to_have_count(0)
    screenshot(page, "comment-link-unavailable")
