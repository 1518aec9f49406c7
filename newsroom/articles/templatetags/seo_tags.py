"""Open Graph tags and schema.org JSON-LD for an article, built from its fields."""

import json

from django import template
from django.utils.safestring import mark_safe

from newsroom.articles.models import ArticlePage
from newsroom.core.addresses import public_url

register = template.Library()

# Like django.utils.html.json_script: keep "</script>" and friends out of the JSON.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("articles/partials/_article_meta.html", takes_context=True)
def article_meta(context, article: ArticlePage) -> dict:
    request = context["request"]
    url = public_url(article.get_url(request), request)
    image_url = None
    if article.lead_image:
        rendition = article.lead_image.get_rendition("fill-1200x630|format-jpeg")
        image_url = public_url(rendition.url, request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "mainEntityOfPage": url,
        "articleSection": article.section.title,
        "copyrightNotice": article.rights.notice,
    }
    if article.first_published_at:
        data["datePublished"] = article.first_published_at.isoformat()
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    if image_url:
        data["image"] = [image_url]
    json_ld = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return {
        "article": article,
        "url": url,
        "image_url": image_url,
        "description": article.search_description or article.standfirst,
        "json_ld": mark_safe(json_ld),
    }
