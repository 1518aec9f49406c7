"""The read paths of the listings: the box beside an article, the index and a listing's page.

Each function here is the one place its screen's queries are shaped; tests pin the counts.
"""

import zlib
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q

from newsroom.listings.models import ImportRun, Listing, ListingChange, ListingQuerySet


def listings_last_updated() -> datetime | None:
    """When the last successful import finished: the "Updated" time readers see."""
    return (
        ImportRun.objects.succeeded()
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )


def listing_box_for_article(*, article_id: int, size: int) -> list[Listing]:
    """``size`` active listings for the box beside an article, in one query.

    Every listing has a fixed pseudo-random ``shuffle_key``; the article's id picks a point
    on that circle and the box takes the next ``size`` listings from there (wrapping
    around). The same article always shows the same listings, different articles show
    different ones, and the (status, shuffle_key) index answers it without a sort.
    """
    seed = zlib.crc32(f"listings-box:{article_id}".encode()) & 0x7FFFFFFF
    active = Listing.objects.active()
    after = active.filter(shuffle_key__gte=seed).order_by("shuffle_key").values("pk")[:size]
    wrapped = active.filter(shuffle_key__lt=seed).order_by("shuffle_key").values("pk")[:size]
    # At most twice size rows, put in circle order here: no ORDER BY needed in SQL.
    candidates = list(
        Listing.objects.for_cards().filter(Q(pk__in=after) | Q(pk__in=wrapped)).order_by()
    )
    candidates.sort(key=lambda listing: (listing.shuffle_key < seed, listing.shuffle_key))
    return candidates[:size]


def listing_index(
    *, listings: ListingQuerySet, page_number: int | str, per_page: int
) -> Page[Listing]:
    """One page of (already filtered and ordered) listings, ready for cards.

    Raises EmptyPage or PageNotAnInteger for a page number that does not exist.
    """
    paginator = Paginator(listings.for_cards(), per_page)
    return paginator.page(page_number)


def listing_detail(*, provider_slug: str, provider_listing_id: str) -> Listing:
    """A listing with its provider and its history; raises Listing.DoesNotExist."""
    return (
        Listing.objects.select_related("provider")
        # Oldest first, as the page's history reads.
        .prefetch_related(Prefetch("changes", ListingChange.objects.order_by("changed_at", "pk")))
        .get(provider__slug=provider_slug, provider_listing_id=provider_listing_id)
    )
