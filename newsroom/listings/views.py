"""The listings pages. Views only parse the request, ask a selector and render."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from newsroom.core.addresses import public_url
from newsroom.listings import selectors
from newsroom.listings.filters import ListingFilterSet
from newsroom.listings.models import Listing


def listing_index(request: HttpRequest) -> HttpResponse:
    """Listings on the market, filtered and sorted by the URL's query.

    An invalid filter value (say ``min_yield=abc``) answers 400 with the form showing what
    is wrong, and the list filtered by the other, valid fields: the reader can fix it in
    place, and crawlers learn the address is bad.
    """
    filterset = ListingFilterSet(request.GET or None, queryset=Listing.objects.on_market())
    invalid = filterset.is_bound and not filterset.is_valid()
    try:
        page = selectors.listing_index(
            listings=filterset.qs,
            page_number=request.GET.get("page", 1),
            per_page=settings.LISTINGS_PAGE_SIZE,
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of listings.") from error
    context = {
        "filter": filterset,
        "filter_problems": [
            f"{filterset.form.fields[name].label}: {' '.join(errors)}"
            for name, errors in (filterset.errors.items() if invalid else ())
        ],
        "listings": page,
        "updated_at": selectors.listings_last_updated(),
    }
    return render(request, "listings/listing_index.html", context, status=400 if invalid else 200)


def listing_detail(request: HttpRequest, provider: str, listing_id: str) -> HttpResponse:
    try:
        listing = selectors.listing_detail(provider_slug=provider, provider_listing_id=listing_id)
    except Listing.DoesNotExist as error:
        raise Http404("No such listing.") from error
    context = {
        "listing": listing,
        "canonical_url": public_url(listing.get_absolute_url(), request),
    }
    return render(request, "listings/listing_detail.html", context)
