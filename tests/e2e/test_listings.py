import re

from playwright.sync_api import Page, expect

from newsroom.articles.models import ArticlePage
from newsroom.demo import content
from newsroom.listings.models import Listing
from tests.demo.loading import USES_DEMO
from tests.e2e.conftest import screenshot

pytestmark = USES_DEMO


def test_reader_follows_the_box_to_a_listing_and_filters_the_index(demo_site, page: Page):
    article = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)
    page.goto(f"{demo_site.url}{article.url}")

    box = page.get_by_role("region", name="Japan Investment")
    expect(box).to_be_visible()
    expect(box).to_contain_text("Listings updated daily")
    expect(box.locator("time")).to_contain_text("JST")
    expect(box.locator(".listing-mini")).to_have_count(4)
    expect(box.locator(".listing-mini img").first).to_be_visible()
    # The thumbnails load at the size they are shown (96x72), not the 960x640 originals.
    sizes = box.locator(".listing-mini img").evaluate_all(
        "images => images.map(i => [i.currentSrc, i.naturalWidth, i.naturalHeight])"
    )
    assert all("/renditions/96x72/" in src and (w, h) == (96, 72) for src, w, h in sizes), sizes
    screenshot(page, "listings-article-box")

    first = box.locator(".listing-mini__title a").first
    title = first.inner_text()
    first.click()

    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".listing__keyfacts")).to_contain_text("¥")
    provider_link = page.get_by_role("link", name=re.compile("View on Sakura Estate Data"))
    expect(provider_link).to_have_attribute("href", re.compile(r"^https://sakura-estate\.example/"))
    screenshot(page, "listing-detail")

    page.get_by_role("link", name="← All property listings").click()

    expect(page).to_have_url(re.compile(r"/listings/$"))
    expect(page.locator("h1")).to_have_text("Property investment listings")
    # Each card loads the smallest rendition at least as wide as it shows the photo.
    cards_shown = page.locator(".listing-card__photo").evaluate_all(
        "images => images.map(i => [i.currentSrc, i.getBoundingClientRect().width])"
    )
    loaded_cards = [(src, shown) for src, shown in cards_shown if src]  # the rest are lazy
    assert loaded_cards
    for src, shown in loaded_cards:
        loaded = int(re.search(r"/renditions/(\d+)x", src).group(1))
        assert shown <= loaded <= 640, (src, shown)
    screenshot(page, "listings-index")

    page.get_by_label("Prefecture").select_option(label="Tokyo")
    page.get_by_label("Minimum yield").select_option(label="5%")
    page.get_by_role("button", name="Show listings").click()

    expect(page).to_have_url(re.compile(r"prefecture=tokyo.*min_yield=5"))
    expect(page.get_by_label("Prefecture")).to_have_value("tokyo")
    cards = page.locator(".listing-card")
    expected = Listing.objects.on_market().filter(prefecture="tokyo", gross_yield__gte=5).count()
    assert expected > 0
    expect(page.locator(".listing-results__count")).to_contain_text(f"{expected} listing")
    for card in cards.all():
        expect(card.locator(".listing-card__location")).to_contain_text(", Tokyo")
        yield_text = card.locator(".listing-card__figures dd").nth(1).inner_text()
        assert float(yield_text.rstrip("%")) >= 5.0
    screenshot(page, "listings-index-filtered")


def test_a_withdrawn_listing_says_so(demo_site, page: Page):
    withdrawn = Listing.objects.filter(status=Listing.Status.WITHDRAWN).first()

    page.goto(f"{demo_site.url}{withdrawn.get_absolute_url()}")

    expect(page.get_by_role("status")).to_contain_text("Withdrawn.")
    screenshot(page, "listing-withdrawn")


def test_phone_reader_sees_listings_in_one_column(demo_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()

    page.goto(f"{demo_site.url}/listings/")

    expect(page.locator(".listing-card").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "listings-index-phone")
    context.close()
