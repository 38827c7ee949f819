"""A reader clicks the real bookmark button, opens «Закладки», removes the article and sees
the empty state — with JavaScript and without."""

import re

import pytest

from newsdesk.news.tests.factories import article_make
from tests.browser.axe import axe_violations

pytestmark = pytest.mark.browser
EMPTY_HINT = re.compile(
    r"Используйте кнопку «\s*» на странице публикации, чтобы сохранить её в свой личный "
    r"список закладок\."
)


def test_bookmark_with_javascript(live_site, page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="s-js", title="Новые автобусы вышли на линию")
    page.goto(base_url + story.url)
    button = page.locator("article").get_by_role("button", name="Добавить в закладки")
    button.click()
    pressed = page.locator("article").get_by_role("button", name="Убрать из закладок")
    pressed.wait_for()
    assert pressed.get_attribute("aria-pressed") == "true"
    assert page.url == base_url + story.url  # no reload, no navigation
    page.reload()  # the cached HTML is the same; the pressed state comes from state.json
    page.locator("article").get_by_role("button", name="Убрать из закладок").wait_for()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Закладки").click()
    assert page.get_by_role("link", name=story.title).is_visible()
    page.get_by_role("button", name=f"Удалить: {story.title}").click()
    assert page.get_by_text("Пока здесь пусто", exact=True).is_visible()
    assert EMPTY_HINT.search(page.inner_text("main"))
    assert axe_violations(page) == []


def test_bookmark_without_javascript(live_site, nojs_page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="s-nojs", title="Парк откроют после ремонта")
    nojs_page.goto(base_url + story.url)
    nojs_page.locator("article").get_by_role("button", name="Добавить в закладки").click()
    assert nojs_page.url == base_url + "/reader/bookmarks/"
    assert nojs_page.get_by_role("link", name=story.title).is_visible()
    nojs_page.get_by_role("button", name=f"Удалить: {story.title}").click()
    assert nojs_page.get_by_text("Пока здесь пусто", exact=True).is_visible()
    assert EMPTY_HINT.search(nojs_page.inner_text("main"))
    assert not nojs_page.locator("[data-streak]").is_visible()  # no JS, no widget
