"""The search page. The view only parses the request, asks the selector and renders."""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from newsroom.search.selectors import QUERY_MAX_LENGTH, article_search


def search_results(request: HttpRequest) -> HttpResponse:
    """Articles matching ``?q=``, 20 a page (``&page=``); without a query, only the form.

    An over-long query answers 400 with the form and a message, so the reader can shorten
    it in place; a page number that does not exist is a 404, as on section pages.
    """
    query = request.GET.get("q", "").strip()
    context = {"query": query, "query_max_length": QUERY_MAX_LENGTH, "articles": None}
    if len(query) > QUERY_MAX_LENGTH:
        context["query_too_long"] = True
        return render(request, "search/search_results.html", context, status=400)
    if query:
        try:
            context["articles"] = article_search(
                query=query, page_number=request.GET.get("page", 1)
            )
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of search results.") from error
    return render(request, "search/search_results.html", context)
