from django.urls import path

from newsroom.feeds.feeds import (
    LatestArticlesAtomFeed,
    LatestArticlesFeed,
    SectionAtomFeed,
    SectionFeed,
)

app_name = "feeds"
# "latest" comes first: a section with that slug would be shadowed by the site-wide feed.
urlpatterns = [
    path("latest/", LatestArticlesFeed(), name="latest"),
    path("latest/atom/", LatestArticlesAtomFeed(), name="latest-atom"),
    path("<slug:slug>/", SectionFeed(), name="section"),
    path("<slug:slug>/atom/", SectionAtomFeed(), name="section-atom"),
]
