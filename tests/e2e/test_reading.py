import re

from playwright.sync_api import Page, expect

from newsroom.articles.models import ArticlePage
from newsroom.demo import content
from tests.demo.loading import USES_DEMO
from tests.e2e.conftest import screenshot

pytestmark = USES_DEMO


def test_reader_opens_the_lead_article_and_follows_view_all(demo_site, page: Page):
    lead = content.ARTICLES[0]
    article = ArticlePage.objects.get(slug=lead.slug)

    page.goto(f"{demo_site.url}{article.url}")

    expect(page.locator("h1")).to_have_text(lead.title)
    expect(page).to_have_title(re.compile(re.escape(lead.title)))
    figure = page.locator("figure.lead-figure")
    expect(figure.locator("img")).to_be_visible()
    expect(figure.locator("figcaption .caption")).to_have_text(lead.caption)
    expect(figure.locator("figcaption .credit")).to_have_text(lead.credit)
    source = next(s for s in content.SOURCES if s.name == lead.source)
    year = article.publication_year
    expect(page.locator(".rights-notice")).to_contain_text(
        f"Copyright {year} {source.rights_holder}. All rights reserved."
    )
    expect(page.locator(".rights-notice")).to_contain_text(source.usage_terms)
    more = page.get_by_role("region", name="More in Politics")
    expect(more).to_be_visible()
    expect(more.get_by_role("listitem")).to_have_count(5)
    expect(page.get_by_role("link", name="Login to leave a comment")).to_be_visible()
    screenshot(page, "article-page")

    more.get_by_role("link", name="View all Politics articles").click()

    expect(page).to_have_url(re.compile(r"/politics/$"))
    expect(page.locator("h1")).to_have_text("Politics")
    expect(page.locator(".teaser-list li").first).to_contain_text(lead.title)
    screenshot(page, "section-page")


def test_phone_reader_sees_the_story_in_one_column(demo_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    article = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)

    page.goto(f"{demo_site.url}{article.url}")

    headline = page.locator("h1").bounding_box()
    image = page.locator("figure.lead-figure img").bounding_box()
    assert image["width"] <= 390 and headline["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "article-page-phone")
    context.close()
