"""What the discussion tests' requests share."""

from django.urls import reverse

HTMX = {"HTTP_HX_REQUEST": "true"}


def create_url(article) -> str:
    return reverse("discussion:comment-create", args=[article.pk])
