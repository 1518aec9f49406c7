"""Property-investment listings, the providers whose daily feeds carry them, and the import log.

Listings are never deleted: a listing that leaves a full feed is marked withdrawn, and
what an import changed is kept as a ListingChange, so a listing's history stays readable.
"""

import zlib

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property

from newsroom.core.models import ImportRunRecord
from newsroom.listings.formats import percent, yen
from newsroom.listings.prefectures import Prefecture


class Provider(models.Model):
    """A listings provider: a company that delivers a feed of its listings every day."""

    slug = models.SlugField(max_length=50, unique=True, help_text="Used in listing addresses.")
    name = models.CharField(max_length=120)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PropertyType(models.TextChoices):
    APARTMENT_BUILDING = "apartment_building", "Whole apartment building"
    CONDOMINIUM = "condominium", "Condominium unit"
    HOUSE = "house", "House"
    LAND = "land", "Land"
    COMMERCIAL = "commercial", "Commercial building"


class Structure(models.TextChoices):
    RC = "rc", "Reinforced concrete (RC)"
    SRC = "src", "Steel-reinforced concrete (SRC)"
    STEEL = "steel", "Steel frame"
    WOOD = "wood", "Wood"


class ListingQuerySet(models.QuerySet["Listing"]):
    def active(self) -> "ListingQuerySet":
        """For sale and not yet under offer: what the sidebar box shows."""
        return self.filter(status=Listing.Status.ACTIVE)

    def on_market(self) -> "ListingQuerySet":
        """Still on the market (active or under offer): what the index shows by default."""
        return self.filter(status__in=Listing.ON_MARKET)

    def for_cards(self) -> "ListingQuerySet":
        """What a listing card reads: the provider (for the address), no long description."""
        return self.select_related("provider").defer("description")


class ListingStatus(models.TextChoices):
    ACTIVE = "active", "For sale"
    UNDER_OFFER = "under_offer", "Under offer"
    SOLD = "sold", "Sold"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Listing(models.Model):
    Status = ListingStatus

    ON_MARKET = (Status.ACTIVE, Status.UNDER_OFFER)

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="listings")
    provider_listing_id = models.CharField(
        "provider's listing id", max_length=64, help_text="The id the provider's feed uses."
    )
    title = models.CharField(max_length=200)
    property_type = models.CharField(max_length=20, choices=PropertyType.choices)
    prefecture = models.CharField(max_length=16, choices=Prefecture.choices)
    city = models.CharField("city or ward", max_length=100)
    station = models.CharField("nearest station", max_length=100, blank=True)
    walk_minutes = models.PositiveSmallIntegerField("minutes on foot", null=True, blank=True)
    price_yen = models.BigIntegerField("price (yen)")
    gross_yield = models.DecimalField(
        "gross yield (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    year_built = models.PositiveSmallIntegerField(null=True, blank=True)
    structure = models.CharField(max_length=8, choices=Structure.choices, blank=True)
    building_area = models.DecimalField(
        "building area (m²)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    land_area = models.DecimalField(
        "land area (m²)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    units = models.PositiveIntegerField("number of units", null=True, blank=True)
    description = models.TextField(blank=True)
    photos = models.JSONField(
        default=list, blank=True, help_text="Photo addresses, as the provider hosts them."
    )
    url = models.URLField("provider's page", max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    first_seen = models.DateTimeField(help_text="When a feed first carried this listing.")
    last_seen = models.DateTimeField(help_text="When a feed last carried this listing.")
    last_changed = models.DateTimeField(help_text="When an import last changed this listing.")
    # A fixed pseudo-random position, so the sidebar box can pick a different run of
    # listings for each article with one indexed range scan.
    shuffle_key = models.PositiveIntegerField(editable=False)

    objects = ListingQuerySet.as_manager()

    # The fields a feed row sets; an import compares exactly these.
    FEED_FIELDS = (
        "title",
        "property_type",
        "prefecture",
        "city",
        "station",
        "walk_minutes",
        "price_yen",
        "gross_yield",
        "year_built",
        "structure",
        "building_area",
        "land_area",
        "units",
        "description",
        "photos",
        "url",
        "status",
    )

    class Meta:
        ordering = ["-first_seen", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_listing_id"], name="listing_unique_per_provider"
            ),
            models.CheckConstraint(
                condition=Q(price_yen__gte=0), name="listing_price_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(gross_yield__isnull=True) | Q(gross_yield__gte=0, gross_yield__lte=100),
                name="listing_yield_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(building_area__isnull=True) | Q(building_area__gte=0),
                name="listing_building_area_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(land_area__isnull=True) | Q(land_area__gte=0),
                name="listing_land_area_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in ListingStatus]),
                name="listing_status_is_known",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "shuffle_key"], name="listing_box_idx"),
            models.Index(fields=["status", "-first_seen"], name="listing_newest_idx"),
            models.Index(fields=["status", "price_yen"], name="listing_price_idx"),
            models.Index(fields=["status", "gross_yield"], name="listing_yield_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "listings:listing-detail",
            kwargs={"provider": self.provider.slug, "listing_id": self.provider_listing_id},
        )

    @staticmethod
    def shuffle_key_for(provider_id: int, provider_listing_id: str) -> int:
        return zlib.crc32(f"{provider_id}:{provider_listing_id}".encode()) & 0x7FFFFFFF

    @property
    def is_on_market(self) -> bool:
        return self.status in self.ON_MARKET

    @property
    def gross_annual_income(self) -> int | None:
        """The rent a gross yield implies: price times yield, before any costs."""
        if self.gross_yield is None:
            return None
        return round(self.price_yen * self.gross_yield / 100)

    @property
    def photo(self) -> str | None:
        return self.photos[0] if self.photos else None

    @property
    def location(self) -> str:
        return f"{self.city}, {self.get_prefecture_display()}"

    @property
    def access(self) -> str:
        """ "8 min walk from Sendai Station", or the station alone when the minutes are unknown."""
        if not self.station:
            return ""
        if self.walk_minutes is None:
            return f"{self.station} Station"
        return f"{self.walk_minutes} min walk from {self.station} Station"


class ImportRunQuerySet(models.QuerySet):
    def succeeded(self) -> "ImportRunQuerySet":
        return self.filter(status=ImportRun.Status.SUCCEEDED)


class ImportRun(ImportRunRecord):
    """One import of one feed file: when, which file, what it did and which rows it refused."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed: file unreadable"
        ABANDONED = "abandoned", "Abandoned: the import stopped before it finished"

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="import_runs")
    file_name = models.CharField(max_length=500)
    file_size = models.BigIntegerField("file size (bytes)", null=True, blank=True)
    sha256 = models.CharField("SHA-256 of the file", max_length=64, blank=True)
    full = models.BooleanField(
        "full feed", help_text="A full feed withdraws the listings it no longer carries."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    withdrawn = models.PositiveIntegerField(default=0)
    errors = models.JSONField(
        "rejected rows",
        default=list,
        blank=True,
        help_text="Line, listing id and reason of each rejected row (the first thousand).",
    )
    failure = models.TextField("why the run failed", blank=True)

    objects = ImportRunQuerySet.as_manager()

    own_counter = "withdrawn"
    error_item = "<li>line {}: {}{}</li>"

    def __str__(self) -> str:
        return f"{self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"

    def error_parts(self, error: dict) -> tuple:
        return error["line"], error["reason"], f" (id {error['id']})" if error.get("id") else ""


class ListingChange(models.Model):
    """What one import changed on one listing: {field: [old, new]} in feed terms."""

    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="changes")
    import_run = models.ForeignKey(
        ImportRun, on_delete=models.PROTECT, related_name="changes", null=True, blank=True
    )
    changed_at = models.DateTimeField()
    changes = models.JSONField()

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.listing_id} at {self.changed_at:%Y-%m-%d %H:%M}: {', '.join(self.changes)}"

    @cached_property
    def lines(self) -> list[str]:
        """Readable lines, e.g. "Price: ¥60,000,000 → ¥58,000,000", for the listing's history.

        In the order of the listing's fields: PostgreSQL's jsonb does not keep key order.
        """
        return [
            f"{_FIELD_LABELS[name]}: {_display(name, old)} → {_display(name, new)}"
            for name in Listing.FEED_FIELDS
            if name in _FIELD_LABELS and name in self.changes
            for old, new in [self.changes[name]]
        ]


_FIELD_LABELS = {
    "price_yen": "Price",
    "gross_yield": "Gross yield",
    "status": "Status",
    "title": "Title",
}


def _display(name: str, value) -> str:
    if value is None or value == "":
        return "none"
    if name == "price_yen":
        return yen(value)
    if name == "gross_yield":
        return percent(str(value))
    if name == "status":
        return Listing.Status(value).label
    return str(value)
