from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from newsroom.core import health
from newsroom.core.login import LoginView
from newsroom.core.media import serve_media
from newsroom.discussion.urls import member_urlpatterns
from newsroom.listings.sitemaps import ListingSitemap

SITEMAPS = {"pages": PageSitemap, "listings": ListingSitemap}


handler500 = health.server_error

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # allauth's sign-in, answering 429 during its lockout; the rest of allauth as it is.
    path("accounts/login/", LoginView.as_view(), name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("members/", include("newsroom.accounts.urls")),
    path("members/", include((member_urlpatterns, "members"))),
    path("discussion/", include("newsroom.discussion.urls")),
    path("listings/", include("newsroom.listings.urls")),
    path("feeds/", include("newsroom.feeds.urls")),
    path("search/", include("newsroom.search.urls")),
    path("", include("newsroom.articles.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.NEWSROOM_SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media))

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns.append(path("", include(wagtail_urls)))
