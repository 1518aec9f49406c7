"""The discussion with the keyboard (issue 12, items 5 and 9): focus stays on the control or
moves to what is new, changes are announced in one polite live region, Escape and Cancel
close the reply and edit forms, and Post shows that it is busy and posts once."""

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from newsroom.discussion.models import Comment
from tests.e2e.conftest import SCREENSHOTS, screenshot, sign_in
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("trusted_readers"),
]


@pytest.fixture
def discussion(live_server, home):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    hana = UserFactory(display_name="Hana K", slug="hana-k")
    earlier = CommentFactory(
        article=article,
        author=hana,
        body="The talks went well.",
        body_html="<p>The talks went well.</p>",
    )
    reader = UserFactory(display_name="Kaito M", slug="kaito-m")
    return article, earlier, reader


def focused(page: Page) -> dict:
    """What has keyboard focus: its tag, id, text and accessible label."""
    return page.evaluate(
        """() => { const e = document.activeElement;
                   return { tag: e.tagName.toLowerCase(), id: e.id,
                            text: (e.innerText || e.value || "").trim().slice(0, 80),
                            label: e.getAttribute("aria-label") || "" }; }"""
    )


def live_region(page: Page):
    """The page's one polite live region."""
    region = page.locator("[aria-live=polite]:not(.comment *)")
    expect(region).to_have_count(1)
    return region


def test_a_vote_keeps_focus_on_the_button_and_announces_the_score(live_server, discussion, page):
    article, earlier, reader = discussion
    sign_in(page, live_server.url, reader.email, article.url)

    up = page.get_by_role("button", name=re.compile(r"^Vote up comment by Hana K"))
    up.focus()
    page.keyboard.press("Enter")

    expect(page.locator(f"#comment-{earlier.pk} .vote__score").first).to_have_text("+1")
    now = focused(page)
    assert now["tag"] == "button" and now["label"].startswith("Vote up comment by Hana K"), now
    expect(live_region(page)).to_have_text(re.compile(r"Score now \+1 for the comment by Hana K"))

    page.keyboard.press("Tab")  # the next control, not the top of the page
    assert focused(page)["label"].startswith("Vote down comment by Hana K")


def test_escape_and_cancel_close_the_reply_form_and_return_focus(live_server, discussion, page):
    article, earlier, reader = discussion
    sign_in(page, live_server.url, reader.email, article.url)
    comment = page.locator(f"#comment-{earlier.pk}")
    reply = comment.get_by_role("link", name="Reply to comment by Hana K")

    reply.focus()
    page.keyboard.press("Enter")
    box = page.get_by_label("Your reply to Hana K")
    expect(box).to_be_focused()
    cancel = comment.get_by_role("button", name="Cancel")
    expect(cancel).to_be_visible()
    screenshot(page, "discussion-reply-form-with-cancel")

    page.keyboard.press("Escape")
    expect(box).to_have_count(0)
    expect(reply).to_be_focused()

    page.keyboard.press("Enter")
    expect(page.get_by_label("Your reply to Hana K")).to_be_focused()
    comment.get_by_role("button", name="Cancel").click()
    expect(page.get_by_label("Your reply to Hana K")).to_have_count(0)
    expect(reply).to_be_focused()


def test_the_reply_page_without_javascript_cancels_with_a_link_back(
    live_server, discussion, browser: Browser
):
    article, earlier, reader = discussion
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, reader.email, article.url)
    page.locator(f"#comment-{earlier.pk}").get_by_role(
        "link", name="Reply to comment by Hana K"
    ).click()

    page.get_by_role("link", name="Cancel").click()

    expect(page).to_have_url(re.compile(rf"\?comment={earlier.pk}#comment-{earlier.pk}$"))
    context.close()


def test_a_reply_posted_moves_focus_to_it_and_is_announced(live_server, discussion, page):
    article, earlier, reader = discussion
    sign_in(page, live_server.url, reader.email, article.url)
    page.locator(f"#comment-{earlier.pk}").get_by_role(
        "link", name="Reply to comment by Hana K"
    ).click()
    box = page.get_by_label("Your reply to Hana K")
    # htmx binds the form it swapped in, then focuses its box: a reader types after that.
    expect(box).to_be_focused()
    box.fill("The details will follow.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Post reply

    reply = Comment.objects.filter(body="The details will follow.")
    expect(page.locator("article.comment--focus")).to_contain_text("The details will follow.")
    expect(page.locator(f"#comment-{reply.get().pk}")).to_be_focused()
    expect(live_region(page)).to_have_text("Your reply was posted.")


def test_an_edit_saved_in_place_keeps_focus_in_the_comment(live_server, discussion, page):
    article, _, reader = discussion
    own = CommentFactory(article=article, author=reader, body="Frist.", body_html="<p>Frist.</p>")
    sign_in(page, live_server.url, reader.email, article.url)
    comment = page.locator(f"#comment-{own.pk}")
    edit = comment.get_by_role("link", name="Edit")

    edit.focus()
    page.keyboard.press("Enter")
    box = page.get_by_label("Edit your comment")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")  # closes the form: the comment as it was, focus on Edit
    expect(box).to_have_count(0)
    expect(page.locator(f"#comment-{own.pk}").get_by_role("link", name="Edit")).to_be_focused()

    page.keyboard.press("Enter")
    page.get_by_label("Edit your comment").fill("First.")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(f"#comment-{own.pk} [data-comment-body]")).to_have_text("First.")
    expect(page.locator(f"#comment-{own.pk}")).to_be_focused()
    expect(live_region(page)).to_have_text("Your edit was saved.")


def test_show_more_moves_focus_to_the_first_new_comment(live_server, discussion, page, settings):
    settings.NEWSROOM_COMMENTS_PER_PAGE = 3
    article, _, reader = discussion
    for number in range(1, 6):
        CommentFactory(
            article=article,
            author=reader,
            body=f"Comment number {number}.",
            body_html=f"<p>Comment number {number}.</p>",
        )
    page.goto(f"{live_server.url}{article.url}?sort=oldest")
    shown = page.locator("ol.comment-list > li > article.comment")
    expect(shown).to_have_count(3)
    first_new = page.locator("ol.comment-list > li").nth(3)

    page.get_by_role("link", name="Show more comments").focus()
    page.keyboard.press("Enter")

    expect(shown).to_have_count(6)
    new_comment = first_new.locator("article.comment").first
    expect(new_comment).to_be_focused()
    expect(live_region(page)).to_have_text("3 more comments loaded.")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "discussion-focus-after-show-more.png"))

    page.keyboard.press("Tab")  # into the new comment, not back to the page's top
    assert page.evaluate(
        "id => document.getElementById(id).contains(document.activeElement)",
        new_comment.get_attribute("id"),
    )


def test_every_aria_describedby_in_the_discussion_points_at_an_element(
    live_server, discussion, page
):
    article, earlier, reader = discussion
    own = CommentFactory(article=article, author=reader, body="Mine.", body_html="<p>Mine.</p>")
    sign_in(page, live_server.url, reader.email, article.url)
    page.locator(f"#comment-{earlier.pk}").get_by_role(
        "link", name="Reply to comment by Hana K"
    ).click()
    expect(page.get_by_label("Your reply to Hana K")).to_be_visible()
    page.locator(f"#comment-{own.pk}").get_by_role("link", name="Edit").click()
    expect(page.get_by_label("Edit your comment")).to_be_visible()
    page.get_by_role("button", name="Post comment").click()  # empty: the form with its error
    expect(page.locator("#comment-form .form-errors")).to_be_visible()

    described = page.evaluate(
        """() => [...document.querySelectorAll("#comments [aria-describedby]")].map(e => ({
                 field: e.name || e.id,
                 missing: e.getAttribute("aria-describedby").split(/\\s+/)
                           .filter(id => !document.getElementById(id)) }))"""
    )
    assert described, "the comment box is described by its help text"
    assert [d for d in described if d["missing"]] == []


def hold_posts(page: Page) -> list[Route]:
    """Requests to post a comment wait here until the test lets them go."""
    held: list[Route] = []
    page.route(re.compile(r"/comments/new/$"), lambda route: held.append(route))
    return held


def test_post_is_busy_while_the_request_runs_and_a_double_click_posts_once(
    live_server, discussion, page
):
    article, _, reader = discussion
    sign_in(page, live_server.url, reader.email, article.url)
    held = hold_posts(page)
    page.get_by_role("textbox", name="Your comment").fill("Posted once, clicked twice.")
    post = page.get_by_role("button", name="Post comment")

    post.dblclick()

    busy = page.locator("#comment-form button[type=submit]")
    expect(busy).to_be_disabled()
    expect(busy).to_have_text("Posting…")
    expect(page.locator("#comment-form")).to_have_attribute("aria-busy", "true")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#comment-form").screenshot(path=str(SCREENSHOTS / "discussion-post-busy.png"))
    assert len(held) == 1
    held[0].continue_()

    expect(page.locator("article.comment--focus")).to_contain_text("Posted once, clicked twice.")
    assert Comment.objects.filter(body="Posted once, clicked twice.").count() == 1
    expect(page.get_by_role("button", name="Post comment")).to_be_enabled()


def test_post_is_busy_and_posts_once_when_htmx_does_not_load(live_server, discussion, page):
    article, _, reader = discussion
    page.route(re.compile(r"htmx[^/]*\.js$"), lambda route: route.abort())
    sign_in(page, live_server.url, reader.email, article.url)
    held = hold_posts(page)
    page.get_by_role("textbox", name="Your comment").fill("A plain form post.")
    # While a plain post is on its way the page cannot be asked: it notes its own state.
    page.evaluate(
        """() => document.addEventListener("submit", event => setTimeout(() => {
               const button = event.target.querySelector("button[type=submit]");
               sessionStorage.setItem("whilePosting", JSON.stringify({
                   disabled: button.disabled, label: button.textContent,
                   busy: event.target.getAttribute("aria-busy") }));
           }))"""
    )

    page.get_by_role("button", name="Post comment").dblclick()
    page.wait_for_timeout(500)  # time for a second post to set off, if it could
    for route in held:
        route.continue_()

    expect(page.locator("article.comment--focus")).to_contain_text("A plain form post.")
    assert len(held) == 1
    assert page.evaluate("JSON.parse(sessionStorage.getItem('whilePosting'))") == {
        "disabled": True,
        "label": "Posting…",
        "busy": "true",
    }
    assert Comment.objects.filter(body="A plain form post.").count() == 1
