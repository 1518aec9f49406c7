"""The read paths: which listings the box picks, and how many queries each screen costs."""

from datetime import timedelta

import pytest
from django.template import Context, Template

from newsroom.listings.models import Listing
from newsroom.listings.selectors import (
    listing_box_for_article,
    listing_detail,
    listing_index,
    listings_last_updated,
)
from tests.listings.factories import FIRST_SEEN, ImportRunFactory, ListingFactory

pytestmark = pytest.mark.django_db


def box_ids(article_id: int, size: int = 4) -> list[int]:
    return [listing.pk for listing in listing_box_for_article(article_id=article_id, size=size)]


def test_the_box_shows_the_same_listings_for_the_same_article():
    ListingFactory.create_batch(30)

    assert box_ids(17) == box_ids(17)
    assert len(box_ids(17)) == 4


def test_the_box_shows_different_listings_across_articles():
    ListingFactory.create_batch(40)

    selections = {tuple(box_ids(article_id)) for article_id in range(1, 21)}

    assert len(selections) >= 10
    seen = {pk for selection in selections for pk in selection}
    assert len(seen) >= 20  # readers moving between articles see much of the catalogue


def test_the_box_shows_only_active_listings():
    ListingFactory.create_batch(3)
    for status in ("under_offer", "sold", "withdrawn"):
        ListingFactory.create_batch(5, status=status)

    for article_id in range(1, 30):
        chosen = listing_box_for_article(article_id=article_id, size=5)
        assert len(chosen) == 3
        assert {listing.status for listing in chosen} == {"active"}


def test_the_box_wraps_around_to_fill_its_places():
    ListingFactory.create_batch(6)

    # Any article whose point lies past the highest key still gets a full box.
    for article_id in range(1, 200):
        assert len(box_ids(article_id, size=5)) == 5


def test_the_box_costs_one_query_whatever_the_catalogue(django_assert_num_queries):
    ListingFactory.create_batch(5)
    with django_assert_num_queries(1):
        small = listing_box_for_article(article_id=3, size=4)
        [listing.get_absolute_url() for listing in small]  # the provider is joined in

    ListingFactory.create_batch(60)
    with django_assert_num_queries(1):
        listing_box_for_article(article_id=3, size=4)


def test_the_box_tag_renders_in_two_queries(django_assert_num_queries, rf):
    ListingFactory.create_batch(10)
    ImportRunFactory()
    template = Template("{% load listings_tags %}{% listings_box article=article %}")

    class Article:
        pk = 42

    with django_assert_num_queries(2):
        html = template.render(Context({"article": Article()}))

    assert html.count('class="listing-mini"') == 4


def test_updated_is_the_last_successful_run():
    ImportRunFactory(finished_at=FIRST_SEEN)
    ImportRunFactory(finished_at=FIRST_SEEN + timedelta(days=1))
    ImportRunFactory(finished_at=FIRST_SEEN + timedelta(days=2), status="failed")

    assert listings_last_updated() == FIRST_SEEN + timedelta(days=1)


def test_the_index_page_costs_the_same_queries_for_any_number_of_listings(
    django_assert_num_queries,
):
    ListingFactory.create_batch(3)
    with django_assert_num_queries(2):  # count, then the page with providers joined
        page = listing_index(listings=Listing.objects.on_market(), page_number=1, per_page=24)
        [listing.get_absolute_url() for listing in page]

    ListingFactory.create_batch(40)
    with django_assert_num_queries(2):
        page = listing_index(listings=Listing.objects.on_market(), page_number=2, per_page=24)
        [listing.get_absolute_url() for listing in page]


def test_a_listing_and_its_history_cost_two_queries(django_assert_num_queries):
    listing = ListingFactory()
    listing.changes.create(changed_at=FIRST_SEEN, changes={"price_yen": [1, 2]})

    with django_assert_num_queries(2):
        found = listing_detail(
            provider_slug=listing.provider.slug, provider_listing_id=listing.provider_listing_id
        )
        assert found.provider.name and len(found.changes.all()) == 1
