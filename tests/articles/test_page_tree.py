from newsroom.articles.models import ArticlePage, HomePage, SectionPage
from tests.factories import ArticlePageFactory, SectionPageFactory


def test_articles_can_only_be_created_under_a_section(home):
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section)

    assert ArticlePage.can_create_at(section)
    assert not ArticlePage.can_create_at(home)
    assert not ArticlePage.can_create_at(article)


def test_sections_can_only_be_created_under_the_home_page(home):
    section = SectionPageFactory()

    assert SectionPage.can_create_at(home)
    assert not SectionPage.can_create_at(section)


def test_there_is_only_one_home_page(home):
    assert not HomePage.can_create_at(home.get_parent())
