"""The index's filters and sorts: plain GET parameters, so they work without JavaScript."""

import django_filters
from django import forms
from django.db.models import F

from newsroom.listings.models import Listing, PropertyType
from newsroom.listings.prefectures import Prefecture

PRICE_STEPS = (
    10_000_000,
    20_000_000,
    30_000_000,
    50_000_000,
    80_000_000,
    100_000_000,
    200_000_000,
    300_000_000,
    500_000_000,
    1_000_000_000,
)
YIELD_STEPS = (3, 4, 5, 6, 7, 8, 10)


class Sort:
    NEWEST = "newest"
    PRICE_LOW = "price"
    PRICE_HIGH = "-price"
    YIELD_HIGH = "-yield"

    CHOICES = (
        (NEWEST, "Newest"),
        (PRICE_LOW, "Price: low to high"),
        (PRICE_HIGH, "Price: high to low"),
        (YIELD_HIGH, "Yield: high to low"),
    )
    ORDER_BY = {
        NEWEST: (F("first_seen").desc(), F("pk").desc()),
        PRICE_LOW: (F("price_yen").asc(), F("pk").asc()),
        PRICE_HIGH: (F("price_yen").desc(), F("pk").desc()),
        # Land has no yield: it goes last, not first (PostgreSQL sorts NULL high).
        YIELD_HIGH: (F("gross_yield").desc(nulls_last=True), F("pk").desc()),
    }


def _price_choices(any_label: str) -> list[tuple[str, str]]:
    return [("", any_label)] + [(str(step), f"¥{step:,}") for step in PRICE_STEPS]


class ListingFilterSet(django_filters.FilterSet):
    prefecture = django_filters.ChoiceFilter(
        choices=Prefecture.choices, empty_label="All prefectures"
    )
    property_type = django_filters.ChoiceFilter(
        label="Property type", choices=PropertyType.choices, empty_label="All types"
    )
    min_price = django_filters.NumberFilter(
        field_name="price_yen",
        lookup_expr="gte",
        label="Price from",
        min_value=0,
        widget=forms.Select(choices=_price_choices("No minimum")),
    )
    max_price = django_filters.NumberFilter(
        field_name="price_yen",
        lookup_expr="lte",
        label="Price up to",
        min_value=0,
        widget=forms.Select(choices=_price_choices("No maximum")),
    )
    min_yield = django_filters.NumberFilter(
        field_name="gross_yield",
        lookup_expr="gte",
        label="Minimum yield",
        min_value=0,
        max_value=100,
        widget=forms.Select(choices=[("", "Any yield")] + [(str(y), f"{y}%") for y in YIELD_STEPS]),
    )
    # Without a (valid) sort, django-filter skips this filter: Listing.Meta.ordering, newest
    # first, stays.
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=Sort.CHOICES, empty_label=None, method="sort_by"
    )

    class Meta:
        model = Listing
        fields = ["prefecture", "property_type"]

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*Sort.ORDER_BY[value])

    @property
    def active_filters(self) -> bool:
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        return any(data.get(name) not in (None, "") for name in self.filters if name != "sort")
