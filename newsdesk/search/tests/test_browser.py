"""A reader searches from the header in Chromium, with and without JavaScript; axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from newsdesk.search.tests.factories import story_make
from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_header_search_finds_word_forms(live_site, page, nojs_page, javascript):
    base_url, _home, sections = live_site
    story_make(
        sections["city"],
        title="Праздник дружбы в парке",
        text="Соседи отметили праздник дружбой и песнями.",
        slug="druzhba",
    )
    tab = page if javascript else nojs_page
    tab.goto(base_url + "/")
    tab.get_by_role("searchbox", name="Что искать").fill("дружба")
    tab.get_by_role("button", name="Найти").click()
    expect(tab).to_have_url(re.compile(r"/search/\?q="))
    result = tab.locator(".search-result").first
    expect(result.locator("mark").first).to_have_text("дружбы")
    result.get_by_role("link").click()
    expect(tab).to_have_url(re.compile(r"/city/druzhba/$"))
    if javascript:
        tab.goto(base_url + "/search/?q=дружба")
        assert axe_violations(tab) == []
        tab.goto(base_url + "/search/?q=" + "а" * 201)
        assert axe_violations(tab) == []
