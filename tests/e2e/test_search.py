import re

from playwright.sync_api import Browser, Page, expect

from newsroom.demo import content
from tests.demo.loading import USES_DEMO
from tests.e2e.conftest import screenshot

pytestmark = USES_DEMO


def test_reader_searches_from_the_header_and_opens_a_result(
    demo_site, page: Page, browser: Browser
):
    story = next(a for a in content.ARTICLES if a.title.startswith("Evacuation orders lifted"))
    page.goto(demo_site.url)

    header = page.locator("header.site-header")
    header.get_by_role("searchbox", name="Search articles").fill("typhoon")
    header.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=typhoon$"))
    expect(page.locator(".search-page__summary")).to_have_text(
        "2 articles match “typhoon”, best match first."
    )
    results = page.locator(".teaser-list li")
    expect(results).to_have_count(2)
    expect(page.get_by_role("searchbox", name="Find articles containing")).to_have_value("typhoon")
    screenshot(page, "search-results")

    results.get_by_role("link", name=story.title).click()

    expect(page.locator("h1")).to_have_text(story.title)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone_page = phone.new_page()
    phone_page.goto(f"{demo_site.url}/search/?q=typhoon")
    box = phone_page.locator("header.site-header").get_by_role("searchbox").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "search-results-phone")
    phone.close()
