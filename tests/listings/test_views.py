"""The listings pages and the box beside articles, as readers get them."""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from newsroom.listings.formats import percent, square_metres, yen
from newsroom.listings.models import ListingChange
from tests.factories import ArticlePageFactory
from tests.listings.factories import FIRST_SEEN, ImportRunFactory, ListingFactory

pytestmark = pytest.mark.django_db

INDEX = "/listings/"


def titles(response) -> list[str]:
    html = response.content.decode()
    return [
        unescape(t) for t in re.findall(r'class="listing-card__title"><a [^>]*>([^<]*)</a>', html)
    ]


def test_prices_yields_and_areas_print_as_readers_expect():
    assert yen(58_000_000) == "¥58,000,000"
    assert percent(Decimal("6.20")) == "6.2%"
    assert percent(Decimal("6.25")) == "6.3%"
    assert square_metres(Decimal("120.00")) == "120 m²"
    assert square_metres(Decimal("1240.50")) == "1,240.5 m²"
    assert yen(None) == percent(None) == ""


def test_a_listings_history_rounds_yields_as_its_facts_do():
    change = ListingChange(changes={"gross_yield": ["6.25", "6.35"]})

    assert change.lines == [f"Gross yield: {percent('6.25')} → {percent('6.35')}"]
    assert change.lines == ["Gross yield: 6.3% → 6.4%"]


def test_the_index_lists_listings_on_the_market_newest_first(client):
    ListingFactory(title="Older", first_seen=FIRST_SEEN)
    ListingFactory(title="Newer", first_seen=FIRST_SEEN + timedelta(days=1))
    ListingFactory(title="Offered", status="under_offer", first_seen=FIRST_SEEN)
    ListingFactory(title="Sold one", status="sold")
    ListingFactory(title="Withdrawn one", status="withdrawn")

    response = client.get(INDEX)

    assert response.status_code == 200
    assert titles(response) == ["Newer", "Offered", "Older"]
    assert "3 listings" in response.content.decode()


def test_the_index_filters_by_prefecture_type_price_and_yield(client):
    ListingFactory(title="Tokyo cheap high", prefecture="tokyo", price_yen=20_000_000,
                   gross_yield=Decimal("8.1"))  # fmt: skip
    ListingFactory(title="Tokyo dear low", prefecture="tokyo", price_yen=90_000_000,
                   gross_yield=Decimal("4.0"))  # fmt: skip
    ListingFactory(title="Osaka condo", prefecture="osaka", property_type="condominium",
                   price_yen=15_000_000, gross_yield=Decimal("6.0"))  # fmt: skip
    ListingFactory(title="Tokyo land", prefecture="tokyo", property_type="land",
                   price_yen=30_000_000, gross_yield=None)  # fmt: skip

    def shown(query: str) -> set[str]:
        response = client.get(f"{INDEX}?{query}")
        assert response.status_code == 200
        return set(titles(response))

    assert shown("prefecture=tokyo") == {"Tokyo cheap high", "Tokyo dear low", "Tokyo land"}
    assert shown("property_type=condominium") == {"Osaka condo"}
    assert shown("min_price=20000000&max_price=50000000") == {"Tokyo cheap high", "Tokyo land"}
    assert shown("prefecture=tokyo&min_yield=6") == {"Tokyo cheap high"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sort=price", ["Cheap", "Middle", "Dear"]),
        ("sort=-price", ["Dear", "Middle", "Cheap"]),
        ("sort=-yield", ["Middle", "Cheap", "Dear"]),  # no yield (land) sorts last
        # By first seen, not by creation: Cheap, created first, was seen last.
        ("sort=newest", ["Cheap", "Dear", "Middle"]),
        # No sort, or an empty one, is newest first too.
        ("sort=", ["Cheap", "Dear", "Middle"]),
        ("min_price=0", ["Cheap", "Dear", "Middle"]),
        ("", ["Cheap", "Dear", "Middle"]),
    ],
)
def test_the_index_sorts_by_newest_price_or_yield(client, query, expected):
    ListingFactory(title="Cheap", price_yen=10_000_000, gross_yield=Decimal("5.0"),
                   first_seen=FIRST_SEEN + timedelta(hours=2))  # fmt: skip
    ListingFactory(title="Middle", price_yen=20_000_000, gross_yield=Decimal("7.5"))
    ListingFactory(title="Dear", price_yen=30_000_000, gross_yield=None,
                   first_seen=FIRST_SEEN + timedelta(hours=1))  # fmt: skip

    assert titles(client.get(f"{INDEX}?{query}")) == expected


def test_the_index_pages_keep_the_filters_in_their_links(client, settings):
    settings.LISTINGS_PAGE_SIZE = 2
    ListingFactory.create_batch(5, prefecture="kyoto")

    response = client.get(f"{INDEX}?prefecture=kyoto&sort=price")

    html = unescape(response.content.decode())
    assert 'href="?prefecture=kyoto&sort=price&page=2"' in html
    assert len(titles(client.get(f"{INDEX}?prefecture=kyoto&sort=price&page=3"))) == 1


def test_an_invalid_filter_answers_400_says_why_and_lists_by_the_valid_ones(client):
    ListingFactory(title="In Tokyo", prefecture="tokyo")
    ListingFactory(title="In Osaka", prefecture="osaka")

    response = client.get(f"{INDEX}?prefecture=tokyo&min_yield=abc")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Minimum yield: Enter a number." in html
    assert titles(response) == ["In Tokyo"]


@pytest.mark.parametrize(
    "query", ["prefecture=atlantis", "sort=cheapest", "max_price=-5", "min_yield=1e999"]
)
def test_other_bad_filter_values_are_400_not_500(client, query):
    assert client.get(f"{INDEX}?{query}").status_code == 400


@pytest.mark.parametrize("page", ["99", "abc", "0"])
def test_a_page_of_listings_that_does_not_exist_is_404(client, page):
    ListingFactory()

    assert client.get(f"{INDEX}?page={page}").status_code == 404


def test_a_listing_page_shows_every_field_photos_and_the_providers_link(client, settings):
    settings.SITE_URL = "https://news.example"
    listing = ListingFactory(
        title="Eight-unit RC building near Sendai Station",
        prefecture="miyagi",
        city="Sendai, Aoba Ward",
        station="Sendai",
        walk_minutes=9,
        price_yen=58_000_000,
        gross_yield=Decimal("6.20"),
        year_built=1998,
        structure="rc",
        building_area=Decimal("240.50"),
        land_area=Decimal("130.00"),
        units=8,
        description="Fully let to students.",
        photos=["https://photos.example/1.jpg", "https://photos.example/2.jpg"],
        url="https://provider.example/listings/L-1",
    )

    response = client.get(listing.get_absolute_url())

    assert response.status_code == 200
    html = unescape(response.content.decode())
    for text in (
        "Eight-unit RC building near Sendai Station",
        "Sendai, Aoba Ward, Miyagi",
        "9 min walk from Sendai Station",
        "¥58,000,000",
        "6.2%",
        "¥3,596,000",  # the implied annual rent
        "1998",
        "Reinforced concrete (RC)",
        "240.5 m²",
        "130 m²",
        "Whole apartment building",
        "Fully let to students.",
        "For sale",
        listing.provider.name,
    ):
        assert text in html, text
    assert 'src="https://photos.example/2.jpg"' in html
    # The canonical address is the site's public one, not the host the request named.
    assert f'rel="canonical" href="https://news.example{listing.get_absolute_url()}"' in html
    assert 'href="https://provider.example/listings/L-1" rel="nofollow noopener external"' in html
    assert "noindex" not in html


@pytest.mark.parametrize(
    ("status", "says"),
    [("sold", "Sold."), ("withdrawn", "Withdrawn."), ("under_offer", "Under offer.")],
)
def test_a_listing_off_the_market_says_so(client, status, says):
    listing = ListingFactory(status=status)

    html = client.get(listing.get_absolute_url()).content.decode()

    assert f"<strong>{says}</strong>" in html
    assert ('content="noindex"' in html) == (status != "under_offer")


def test_a_listing_page_shows_its_price_history(client):
    listing = ListingFactory(price_yen=55_000_000)
    listing.changes.create(
        changed_at=FIRST_SEEN + timedelta(days=3), changes={"price_yen": [58_000_000, 55_000_000]}
    )

    html = client.get(listing.get_absolute_url()).content.decode()

    assert "Price: ¥58,000,000 → ¥55,000,000" in html


def test_an_unknown_listing_is_404(client, db):
    assert client.get(reverse("listings:listing-detail", args=["nobody", "X-1"])).status_code == 404


def test_every_article_carries_the_box_with_its_heading_update_time_and_index_link(client, home):
    article = ArticlePageFactory()
    ListingFactory.create_batch(6)
    ListingFactory(title="Sold and gone", status="sold")
    ImportRunFactory(finished_at=FIRST_SEEN)  # 15:00 in Tokyo

    html = client.get(article.url).content.decode()

    box = html[
        html.index('class="listings-box"') : html.index(
            "</section>", html.index('class="listings-box"')
        )
    ]
    assert "Japan Investment" in box
    assert "Listings updated daily" in box
    assert "Updated <time" in box and "Mar 1, 3:00 p.m. JST" in box
    assert box.count('class="listing-mini"') == 4
    assert "Sold and gone" not in box
    assert 'href="/listings/"' in box
    assert "¥58,000,000" in box and "Yield 6.2%" in box


def test_the_box_says_so_when_there_are_no_listings(client, home):
    article = ArticlePageFactory()

    html = client.get(article.url).content.decode()

    assert "No listings at the moment." in html


@pytest.mark.parametrize("url", [INDEX, f"{INDEX}?prefecture=tokyo&min_yield=5&sort=-yield"])
def test_the_index_takes_the_same_queries_for_few_or_many_listings(
    client, url, django_assert_max_num_queries
):
    ListingFactory.create_batch(3)
    ImportRunFactory()
    with django_assert_max_num_queries(4) as few:  # count, page, last update (+ session)
        client.get(url)

    ListingFactory.create_batch(60)
    with django_assert_max_num_queries(4) as many:
        client.get(url)

    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_listing_page_takes_the_same_queries_whatever_its_history(
    client, django_assert_max_num_queries
):
    listing = ListingFactory()
    with django_assert_max_num_queries(4) as fresh:  # listing, history (+ site chrome)
        client.get(listing.get_absolute_url())

    for day in range(5):
        listing.changes.create(
            changed_at=FIRST_SEEN + timedelta(days=day), changes={"price_yen": [day, day + 1]}
        )
    with django_assert_max_num_queries(4) as changed:
        assert client.get(listing.get_absolute_url()).status_code == 200

    assert len(changed.captured_queries) == len(fresh.captured_queries)


def test_the_sitemap_lists_articles_and_listings_on_the_market(client, home):
    article = ArticlePageFactory()
    on_sale = ListingFactory()
    sold = ListingFactory(status="sold")

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{article.full_url}</loc>" in xml
    assert f"<loc>http://testserver{on_sale.get_absolute_url()}</loc>" in xml
    assert sold.get_absolute_url() not in xml
