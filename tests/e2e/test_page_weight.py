"""What a reader downloads and sees around the story, in Chromium on the demo: photos at the
sizes shown, the first one first, feed and tag links, credits that can be read."""

import re

from playwright.sync_api import Browser, Page, expect

from newsroom.articles.models import ArticlePage
from newsroom.demo import content
from tests.demo.loading import USES_DEMO
from tests.e2e.conftest import screenshot

pytestmark = USES_DEMO

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Each photo of the list, once loaded: [src, natural width, shown width, srcset].
LOADED_PHOTOS = """async selector => {
  const images = [...document.querySelectorAll(selector)];
  for (const image of images) {
    image.scrollIntoView();
    if (!image.complete)
      await new Promise(done => image.addEventListener("load", done, {once: true}));
  }
  window.scrollTo(0, 0);
  return images.map(image => [image.currentSrc, image.naturalWidth,
                              image.getBoundingClientRect().width, image.getAttribute("srcset")]);
}"""

# WCAG's contrast ratio of an element's text against the first opaque background behind it.
CONTRAST = """element => {
  const rgb = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map(c => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  let behind = element, background = null;
  while (behind) {
    const colour = rgb(getComputedStyle(behind).backgroundColor);
    if (colour.length < 4 || colour[3] > 0) { background = colour; break; }
    behind = behind.parentElement;
  }
  background = background || [255, 255, 255];
  const [light, dark] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)]
    .sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


def open_page(browser: Browser, url: str, viewport: dict) -> Page:
    context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE)
    page = context.new_page()
    page.goto(url)
    return page


def assert_photos_fit(page: Page, selector: str) -> None:
    """Each photo comes from a srcset, at no more than twice the width it is shown at."""
    photos = page.evaluate(LOADED_PHOTOS, selector)
    assert photos, f"no photos match {selector}"
    for src, natural, shown, srcset in photos:
        assert srcset, f"{src} has no srcset"
        assert natural <= 2 * shown, f"{src} is {natural}px wide, shown at {shown:.0f}px"


def test_home_page_photos_come_at_the_sizes_shown_and_the_lead_first(demo_site, browser):
    for name, viewport in (("home-page", DESKTOP), ("home-page-phone", PHONE)):
        page = open_page(browser, demo_site.url + "/", viewport)

        expect(page).to_have_title("The Newsroom")
        assert_photos_fit(page, ".teaser__image")
        photos = page.locator("main img")
        first = photos.first
        expect(first).to_have_attribute("fetchpriority", "high")
        assert first.get_attribute("loading") is None  # eager
        assert page.locator("main img[fetchpriority]").count() == 1
        assert page.locator("main img[loading=lazy]").count() == photos.count() - 1
        feed = page.get_by_role("link", name="RSS feed of the latest articles")
        expect(feed).to_be_visible()
        expect(feed).to_have_attribute("href", "/feeds/latest/")
        screenshot(page, name)
        page.context.close()


def test_article_page_photos_feed_tags_notice_and_a_readable_credit(demo_site, browser):
    lead = next(a for a in content.ARTICLES if a.source == content.MERIDIAN and a.tags)
    article = ArticlePage.objects.get(slug=lead.slug)
    holder = next(s.rights_holder for s in content.SOURCES if s.name == content.MERIDIAN)
    assert holder.endswith(".")

    for name, viewport in (("article-page-weight", DESKTOP), ("article-page-weight-phone", PHONE)):
        page = open_page(browser, demo_site.url + article.url, viewport)

        assert_photos_fit(page, ".more-in-section .teaser__image")
        assert_photos_fit(page, ".listing-mini__photo")
        lead_photo = page.locator("figure.lead-figure img")
        expect(lead_photo).to_have_attribute("alt", lead.image_alt)
        credit = page.locator("figure.lead-figure .credit")
        expect(credit).to_have_text(lead.credit)
        assert credit.evaluate(CONTRAST) >= 4.5
        notice = page.locator(".rights-notice")
        expect(notice).to_contain_text(f"{holder} All rights reserved.")
        expect(notice).not_to_contain_text("..")
        feed = page.get_by_role("link", name=f"RSS feed of {article.section.title}")
        expect(feed).to_be_visible()
        tags = page.get_by_role("navigation", name="Tags").get_by_role("link")
        expect(tags).to_have_count(len(lead.tags))
        screenshot(page, name)
        page.context.close()

    page = open_page(browser, demo_site.url + article.url, DESKTOP)
    tag = sorted(lead.tags, key=str.casefold)[0]
    page.get_by_role("navigation", name="Tags").get_by_role("link", name=tag).click()

    expect(page).to_have_url(re.compile(r"/tags/[^/]+/$"))
    expect(page.locator("h1")).to_have_text(f"Tagged “{tag}”")
    expect(page.get_by_role("link", name=lead.title)).to_be_visible()
    assert_photos_fit(page, ".teaser__image")
    screenshot(page, "tag-page")
    page.context.close()


def test_section_and_search_teasers_come_at_the_sizes_shown(demo_site, browser):
    for viewport in (DESKTOP, PHONE):
        page = open_page(browser, demo_site.url + "/politics/", viewport)
        assert_photos_fit(page, ".teaser__image")
        page.goto(demo_site.url + "/search/?q=Japan")
        assert_photos_fit(page, ".teaser__image")
        page.context.close()
