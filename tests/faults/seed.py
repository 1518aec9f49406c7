"""Seed a fault-test database (`python -m tests.faults.seed`, against DATABASE_URL): a site
with one article, a comment on it and a reader who may vote; prints what the test needs."""

import json

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def seed() -> dict:
    from wagtail.models import Page, Site

    from newsroom.articles.models import HomePage
    from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="The Newsroom", slug="front"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    comment = CommentFactory(article=article, body="A comment to vote on.")
    reader = UserFactory(email="voter@newsroom.invalid")
    return {"article_url": article.url, "comment_id": comment.pk, "email": reader.email}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(seed()))
