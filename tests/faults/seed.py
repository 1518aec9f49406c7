"""Seed a fault-test database (run as a script against DATABASE_URL): a site with one
article, a comment on it and a reader who may vote; prints what the test needs, as JSON."""

import json

import django

django.setup()

from wagtail.models import Page, Site  # noqa: E402

from newsroom.articles.models import HomePage  # noqa: E402
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory  # noqa: E402

PASSWORD = "correct horse battery staple"

root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="The Newsroom", slug="front"))
Site.objects.update_or_create(
    is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
)
article = ArticlePageFactory(title="Ministers meet in Tokyo")
comment = CommentFactory(article=article, body="A comment to vote on.")
reader = UserFactory(email="voter@newsroom.invalid")
print(json.dumps({"article_url": article.url, "comment_id": comment.pk, "email": reader.email}))
