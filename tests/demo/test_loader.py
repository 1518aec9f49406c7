from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage, HomePage, SectionPage, Source
from newsroom.core.addresses import site_url
from newsroom.demo import content
from newsroom.demo.loader import DEMO_ACCOUNTS
from newsroom.discussion.models import Comment, Vote
from newsroom.listings.models import Listing, ListingChange, Provider
from tests.demo.loading import USES_DEMO, demo_loaded

pytestmark = USES_DEMO

COUNTED = (Page, ArticlePage, SectionPage, HomePage, Image, Revision, Source, User, EmailAddress)
COUNTED += (Listing, ListingChange, Provider, Comment, Vote)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded(django_db_blocker, tmp_path_factory.getbasetemp() / "media"):
        yield


def test_loading_the_demo_twice_changes_nothing():
    first = row_counts()

    call_command("load_demo", stdout=StringIO())

    assert row_counts() == first
    assert first["ArticlePage"] == len(content.ARTICLES) >= 16
    assert first["SectionPage"] == 4
    assert first["Image"] == len(content.ARTICLES)


def test_the_demo_points_its_site_at_where_it_serves():
    call_command("load_demo", address="http://127.0.0.1:8123", stdout=StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site_url() == "http://127.0.0.1:8123"


def test_demo_site_is_rooted_at_the_home_page_with_four_sections():
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    sections = [page.title for page in home.get_children().live().in_menu()]
    assert sections == ["Politics", "National", "Business", "Sports"]
    assert all(article.live for article in ArticlePage.objects.all())


def test_lead_story_is_a_wire_politics_story_whose_terms_forbid_republication():
    lead = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)
    assert lead.section.title == "Politics"
    assert "may not be published" in lead.rights.usage_terms
    assert lead.lead_image_caption and lead.lead_image_credit
    assert lead.lead_image.description


def test_demo_staff_can_sign_in_to_the_admin(client):
    for account in DEMO_ACCOUNTS:
        assert client.login(username=account.username, password=account.password)
        assert client.get("/admin/").status_code == 200
        assert User.objects.get(username=account.username).groups.filter(name=account.group)
        client.logout()


def test_demo_lead_article_has_a_discussion_like_the_reference():
    lead = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)

    comments = list(Comment.objects.filter(article=lead).published().order_by("created_at"))

    assert len(comments) >= 8
    scores = [c.score for c in comments]
    assert any(s > 0 for s in scores) and any(s < 0 for s in scores) and 0 in scores
    assert sum(1 for c in comments if not c.author.public_name) >= 3
    assert any(c.quoted_id and c.quoted_text.endswith("…") for c in comments)
    assert any(c.body_html.startswith('<p><a href="/members/') for c in comments)
    assert any(c.parent_id for c in comments)
    for comment in comments:
        votes = Vote.objects.filter(comment=comment)
        assert comment.upvotes == votes.filter(value=1).count()
        assert comment.downvotes == votes.filter(value=-1).count()
