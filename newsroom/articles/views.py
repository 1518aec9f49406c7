"""The tag pages: every visible article carrying one tag. The views parse, select, render."""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsroom.articles.selectors import articles_tagged
from newsroom.core import page_cache


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The articles tagged ``slug``, newest first, 20 a page (``?page=``).

    Shared by anonymous readers through the page cache: it shows pages (the site scope)
    and teasers' comment counts (the teasers scope).
    """
    tag = get_object_or_404(Tag, slug=slug)

    def render_page() -> HttpResponse:
        try:
            articles = articles_tagged(tag=tag, page_number=request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of articles.") from error
        return render(request, "articles/tag_detail.html", {"tag": tag, "articles": articles})

    return page_cache.serve_cacheable(
        request, render_page, scopes=(page_cache.SITE, page_cache.TEASERS)
    )
