from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from newsroom.articles.models import ArticlePage, visible_prepared_q, visible_q
from newsroom.discussion.models import Comment
from tests.factories import ArticlePageFactory, CommentFactory, SectionPageFactory, hours_ago

pytestmark = pytest.mark.django_db


def scheduled_article(section, *, go_live_in: timedelta):
    """An article an editor scheduled: approved for publishing at a future time."""
    article = ArticlePageFactory(parent=section, live=False)
    article.go_live_at = timezone.now() + go_live_in
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_more_in_section_is_the_five_newest_others_newest_first(home):
    section = SectionPageFactory()
    articles = [ArticlePageFactory(parent=section, published_at=hours_ago(h)) for h in range(1, 9)]
    current = articles[2]

    more = current.more_in_section(limit=5)

    assert [a.pk for a in more] == [a.pk for a in articles[:2] + articles[3:6]]


def test_more_in_section_stays_within_the_section(home):
    section, other = SectionPageFactory(), SectionPageFactory()
    current = ArticlePageFactory(parent=section)
    ArticlePageFactory(parent=other)

    assert current.more_in_section(limit=5) == []


def test_drafts_scheduled_and_expired_articles_are_hidden_everywhere(client, home):
    section = SectionPageFactory(title="Politics")
    current = ArticlePageFactory(parent=section, title="Visible story")
    draft = ArticlePageFactory(parent=section, title="Draft story", live=False)
    scheduled = scheduled_article(section, go_live_in=timedelta(hours=2))
    expired = ArticlePageFactory(parent=section, title="Expired story")
    type(expired).objects.filter(pk=expired.pk).update(expire_at=hours_ago(1))
    hidden = {draft.title, scheduled.title, expired.title}

    pages = {
        "article": client.get(current.url),
        "section": client.get(section.url),
        "home": client.get(home.url),
    }

    assert not scheduled.live
    for name, response in pages.items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert not any(title in html for title in hidden), name
    assert client.get(draft.url or f"{section.url}{draft.slug}/").status_code == 404
    assert client.get(f"{section.url}{scheduled.slug}/").status_code == 404


def test_articles_behind_a_view_restriction_are_not_visible(home):
    open_section, private_section = SectionPageFactory(), SectionPageFactory()
    shown = ArticlePageFactory(parent=open_section)
    locked = ArticlePageFactory(parent=open_section)
    under_private = ArticlePageFactory(parent=private_section)
    PageViewRestriction.objects.create(page=locked, restriction_type="login")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type="password", password="secret"
    )

    visible = ArticlePage.objects.visible()

    assert set(visible.values_list("pk", flat=True)) == {shown.pk}
    assert not ArticlePage.objects.visible().filter(pk=under_private.pk).exists()


def test_scheduled_article_appears_once_its_time_has_come(client, home, monkeypatch):
    section = SectionPageFactory()
    scheduled = scheduled_article(section, go_live_in=timedelta(hours=2))
    later = timezone.now() + timedelta(hours=3)

    with monkeypatch.context() as patched:
        patched.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled")

    assert scheduled.title in client.get(section.url).content.decode()


def test_section_index_pages_twenty_articles_newest_first(client, home):
    section = SectionPageFactory()
    articles = [
        ArticlePageFactory(parent=section, title=f"Story {h:02}", published_at=hours_ago(h))
        for h in range(1, 26)
    ]

    first = client.get(section.url).context["articles"]
    second = client.get(section.url, {"page": 2}).context["articles"]

    assert [a.pk for a in first] == [a.pk for a in articles[:20]]
    assert [a.pk for a in second] == [a.pk for a in articles[20:]]
    assert first.paginator.num_pages == 2


@pytest.mark.parametrize("page", ["3", "0", "abc", "-1"])
def test_section_index_answers_404_for_a_page_that_does_not_exist(client, home, page):
    section = SectionPageFactory()
    ArticlePageFactory(parent=section)

    assert client.get(section.url, {"page": page}).status_code == 404


def test_home_page_shows_the_newest_stories_of_each_section_in_menu_order(home):
    politics, sports = SectionPageFactory(title="Politics"), SectionPageFactory(title="Sports")
    politics_articles = [
        ArticlePageFactory(parent=politics, published_at=hours_ago(h)) for h in range(6)
    ]
    sports_article = ArticlePageFactory(parent=sports)

    sections = home.sections()
    stories = home.stories_by_section(sections, per_section=4)

    assert [s.pk for s in sections] == [politics.pk, sports.pk]
    assert [a.pk for a in stories[politics.path]] == [a.pk for a in politics_articles[:4]]
    assert [a.pk for a in stories[sports.path]] == [sports_article.pk]


def test_home_page_stories_cost_five_queries_however_many_comments(home, django_assert_num_queries):
    section = SectionPageFactory()
    busy, quiet = ArticlePageFactory(parent=section), ArticlePageFactory(parent=section)
    CommentFactory.create_batch(30, article=busy)
    CommentFactory(article=busy, status=Comment.Status.PENDING)

    # Sections, the view restrictions (read for each of the two lists), the teasers with
    # their comment counts, their lead images' renditions.
    with django_assert_num_queries(5):
        stories = home.stories_by_section(home.sections(), per_section=4)

    assert {a.pk: a.comment_count for a in stories[section.path]} == {busy.pk: 30, quiet.pk: 0}


def test_article_page_queries_do_not_grow_with_the_section(
    client, home, django_assert_max_num_queries
):
    section = SectionPageFactory()
    current = ArticlePageFactory(parent=section)
    ArticlePageFactory.create_batch(3, parent=section)
    client.get(current.url)  # renditions are made on first view, as in production
    with django_assert_max_num_queries(20) as small:
        client.get(current.url)

    ArticlePageFactory.create_batch(30, parent=section)
    client.get(current.url)
    with django_assert_max_num_queries(20) as large:
        client.get(current.url)

    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize("page_name", ["home", "section"])
def test_index_pages_queries_do_not_grow_with_the_number_of_articles(
    client, home, page_name, django_assert_max_num_queries
):
    section = SectionPageFactory()
    url = home.url if page_name == "home" else section.url
    ArticlePageFactory.create_batch(2, parent=section)
    client.get(url)
    with django_assert_max_num_queries(16) as small:
        client.get(url)

    ArticlePageFactory.create_batch(20, parent=section)
    client.get(url)
    with django_assert_max_num_queries(16) as large:
        client.get(url)

    assert len(large.captured_queries) == len(small.captured_queries)


def test_routing_to_an_article_reads_its_section_and_itself_once_each(rf, home):
    article = ArticlePageFactory()
    section = article.get_parent().specific
    request = rf.get(article.url)

    with CaptureQueriesContext(connection) as routing:
        found = home.route(request, [section.slug, article.slug])

    assert found.page == article and isinstance(found.page, ArticlePage)
    assert found.page.get_parent() == section
    assert len(routing.captured_queries) == 2


def test_a_section_is_kept_for_routing_until_a_wagtail_write_retires_it(rf, home):
    article = ArticlePageFactory()
    section = article.get_parent().specific
    home.route(rf.get(article.url), [section.slug, article.slug])

    with CaptureQueriesContext(connection) as routing:
        found = home.route(rf.get(article.url), [section.slug, article.slug])
    assert len(routing.captured_queries) == 1  # the article alone
    assert found.page.section.title == section.title

    old_slug = section.slug
    section.title, section.slug = "Harbour and coast", "harbour-and-coast"
    section.save_revision().publish()
    found = home.route(rf.get(article.url), ["harbour-and-coast", article.slug])
    assert found.page.section.title == "Harbour and coast"
    with pytest.raises(Http404):
        home.route(rf.get(article.url), [old_slug, article.slug])


def test_a_page_of_another_kind_under_a_section_is_still_found(rf, home):
    section = SectionPageFactory()
    other = section.add_child(instance=Page(title="Corrections", slug="corrections"))

    found = home.route(rf.get("/"), [section.slug, "corrections"])

    assert found.page.pk == other.pk


def test_an_article_is_found_only_under_its_own_section(rf, home):
    """The child is read by a range of tree paths: siblings' children and the parent's
    other descendants are outside it."""
    first, second = SectionPageFactory(), SectionPageFactory()
    mine = ArticlePageFactory(parent=first, slug="harbour-fire")
    theirs = ArticlePageFactory(parent=second, slug="harbour-fire")
    only_there = ArticlePageFactory(parent=second, slug="late-ferry")

    assert home.route(rf.get("/"), [first.slug, "harbour-fire"]).page == mine
    assert home.route(rf.get("/"), [second.slug, "harbour-fire"]).page == theirs
    with pytest.raises(Http404):
        home.route(rf.get("/"), [first.slug, only_there.slug])
    with pytest.raises(Http404):  # an article is no child of the home page
        home.route(rf.get("/"), ["harbour-fire"])


def test_both_forms_of_the_visibility_rule_agree(home):
    """visible_q reads the restricted paths first; visible_prepared_q asks them in the same
    query, for prepared queries. The same articles pass both."""
    open_section, closed_section = SectionPageFactory(), SectionPageFactory()
    shown = ArticlePageFactory(parent=open_section)
    ArticlePageFactory(parent=closed_section)
    private = ArticlePageFactory(parent=open_section)
    expired = ArticlePageFactory(parent=open_section)
    later = ArticlePageFactory(parent=open_section)
    draft = ArticlePageFactory(parent=open_section)
    PageViewRestriction.objects.create(page=closed_section, restriction_type="login")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    ArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    ArticlePage.objects.filter(pk=later.pk).update(expire_at=timezone.now() + timedelta(days=1))
    ArticlePage.objects.filter(pk=draft.pk).update(live=False)

    read_first = set(ArticlePage.objects.filter(visible_q()))
    in_one_query = set(ArticlePage.objects.filter(visible_prepared_q()))

    assert read_first == in_one_query == {shown, later}
