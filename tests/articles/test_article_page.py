import json
import re
from datetime import UTC, datetime
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from newsroom.articles.models import house_rights_notice
from tests.factories import ArticlePageFactory, SectionPageFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_article_page_renders_caption_then_credit_and_the_sources_rights_notice(client, home):
    source = SourceFactory(
        name="Pacific Wire Service",
        usage_terms="This material may not be published, broadcast, rewritten or redistributed.",
    )
    article = ArticlePageFactory(
        title="Ministers meet in Tokyo",
        source=source,
        lead_image_caption="From left, the four ministers before their meeting.",
        lead_image_credit="Pacific Wire pool photo",
        published_at=datetime(2024, 12, 31, 20, 0, tzinfo=UTC),  # 2025-01-01 05:00 in Tokyo
    )

    html = client.get(article.url).content.decode()

    caption = html.index("From left, the four ministers before their meeting.")
    credit = html.index("Pacific Wire pool photo")
    assert caption < credit
    assert "Copyright 2025 Pacific Wire Service. All rights reserved." in html
    assert "may not be published, broadcast, rewritten or redistributed" in html


def test_staff_article_shows_the_sites_own_notice(client, home, settings):
    article = ArticlePageFactory(source=None, published_at=datetime(2023, 6, 1, tzinfo=UTC))

    html = client.get(article.url).content.decode()

    assert f"Copyright 2023 {settings.NEWSROOM_RIGHTS_HOLDER}. All rights reserved." in html
    assert settings.NEWSROOM_USAGE_TERMS in html


def test_imported_wire_copy_keeps_its_own_notice(home):
    source = SourceFactory(name="Harbour News Agency")
    article = ArticlePageFactory(
        source=source, wire_rights_notice="(c) 2024 Harbour News Agency. Reprinted by licence."
    )

    assert article.rights.notice == "(c) 2024 Harbour News Agency. Reprinted by licence."
    assert article.rights.usage_terms == source.usage_terms


def test_source_with_a_custom_template_fills_in_year_and_holder():
    source = SourceFactory.build(rights_holder="Northern Wire", notice_template="© {year} {holder}")

    assert source.rights_notice(2026).notice == "© 2026 Northern Wire"


def test_a_holder_ending_in_a_full_stop_gets_no_second_one():
    source = SourceFactory.build(rights_holder="Pacific Wire K.K.")

    notice = source.rights_notice(2026).notice

    assert notice == "Copyright 2026 Pacific Wire K.K. All rights reserved."


def test_a_notice_keeps_an_ellipsis_the_source_wrote():
    source = SourceFactory.build(
        rights_holder="Wire", notice_template="© {year} {holder}... and so on"
    )

    assert source.rights_notice(2026).notice == "© 2026 Wire... and so on"


def test_the_sites_own_notice_gets_no_second_full_stop(settings):
    settings.NEWSROOM_RIGHTS_HOLDER = "The Newsroom K.K."

    notice = house_rights_notice(2026).notice

    assert notice == "Copyright 2026 The Newsroom K.K. All rights reserved."


@pytest.mark.parametrize("template", ["Copyright {yaer} {holder}", "Copyright {year"])
def test_source_rejects_a_broken_notice_template(template):
    source = SourceFactory.build(notice_template=template)

    with pytest.raises(ValidationError) as error:
        source.clean()
    assert "notice_template" in error.value.message_dict


def test_headline_is_the_h1_title_open_graph_and_json_ld_headline(client, home):
    article = ArticlePageFactory(title="Rail line reopens after typhoon </script>")

    html = client.get(article.url).content.decode()

    assert re.search(r"<h1[^>]*>Rail line reopens after typhoon &lt;/script&gt;</h1>", html)
    assert "<title>Rail line reopens after typhoon &lt;/script&gt; · The Newsroom</title>" in html
    assert 'property="og:title" content="Rail line reopens after typhoon &lt;/script&gt;"' in html
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(json_ld)["headline"] == "Rail line reopens after typhoon </script>"


def test_lead_photo_is_served_as_responsive_renditions(client, home):
    article = ArticlePageFactory(lead_image__file__width=1600, lead_image__file__height=1000)

    html = client.get(article.url).content.decode()

    srcset = re.search(r'<img[^>]*class="lead-figure__image"[^>]*>', html).group(0)
    widths = re.findall(r" (\d+)w", re.search(r'srcset="([^"]*)"', srcset).group(1))
    assert widths == ["480", "800", "1200", "1600"]
    assert 'sizes="(min-width: 64em) 44rem, 100vw"' in srcset


def test_lead_photo_alt_is_the_images_description_never_its_file_name(client, home):
    article = ArticlePageFactory(
        lead_image__title="DSC_0042.jpg", lead_image__description="Two ministers shake hands."
    )

    html = client.get(article.url).content.decode()

    image = re.search(r'<img[^>]*class="lead-figure__image"[^>]*>', html).group(0)
    assert 'alt="Two ministers shake hands."' in image
    assert "DSC_0042" not in html


def test_lead_photo_without_a_description_has_empty_alt_and_its_caption_below(client, home):
    article = ArticlePageFactory(
        lead_image__title="DSC_0042.jpg",
        lead_image__description="",
        lead_image_caption="From left, the two ministers in Tokyo on Saturday.",
    )

    html = client.get(article.url).content.decode()

    image = re.search(r'<img[^>]*class="lead-figure__image"[^>]*>', html).group(0)
    assert 'alt=""' in image
    assert "DSC_0042" not in html
    caption = re.search(r"<figcaption>.*?</figcaption>", html, re.S).group(0)
    assert "From left, the two ministers in Tokyo on Saturday." in caption


def test_article_page_shows_a_link_to_its_sections_feed(client, home):
    section = SectionPageFactory(title="Politics", slug="politics")
    article = ArticlePageFactory(parent=section)

    html = client.get(article.url).content.decode()

    assert (
        '<a href="/feeds/politics/" type="application/rss+xml">RSS<span class="visually-hidden">'
        " feed of Politics</span></a>"
    ) in html


def test_home_page_title_names_the_site_once(client, home):
    html = client.get(home.url).content.decode()

    assert "<title>The Newsroom</title>" in html


def test_home_page_shows_a_link_to_the_latest_articles_feed(client, home):
    html = client.get(home.url).content.decode()

    assert (
        '<a href="/feeds/latest/" type="application/rss+xml">RSS<span class="visually-hidden">'
        " feed of the latest articles</span></a>"
    ) in html


def test_signed_out_reader_is_asked_to_log_in_to_comment(client, home):
    article = ArticlePageFactory()

    html = client.get(article.url).content.decode()

    link = re.search(r'<a href="([^"]*)">Login to leave a comment</a>', html).group(1)
    url = urlsplit(unescape(link))
    assert url.path == "/accounts/login/"
    assert parse_qs(url.query) == {"next": [f"{article.url}#comment-form"]}


def test_unknown_path_is_a_404_with_the_site_chrome(client, home):
    SectionPageFactory(title="Politics")

    response = client.get("/politics/no-such-story/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
