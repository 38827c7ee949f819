"""A reader clicks the real bookmark button, opens «Закладки», removes the article and sees
the empty state — with JavaScript and without."""

import re

import pytest
from playwright.sync_api import expect

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
    expect(page).to_have_url(base_url + story.url)  # no reload, no navigation
    page.reload()  # the cached HTML is the same; the pressed state comes from state.json
    page.locator("article").get_by_role("button", name="Убрать из закладок").wait_for()
    assert axe_violations(page) == []

    # The header panel lists the saved article; «Все закладки» opens the full page.
    panel = page.locator("[data-bookmarks-panel]")
    panel.locator("summary").click()
    expect(panel.get_by_role("link", name=story.title)).to_be_visible()
    panel.get_by_role("link", name="Все закладки").click()
    expect(page).to_have_url(base_url + "/reader/bookmarks/")
    expect(page.get_by_role("link", name=story.title)).to_be_visible()
    page.get_by_role("button", name=f"Удалить: {story.title}").click()
    expect(page.locator("main").get_by_text("Пока здесь пусто", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text(EMPTY_HINT)
    assert axe_violations(page) == []


def test_bookmark_without_javascript(live_site, nojs_page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="s-nojs", title="Парк откроют после ремонта")
    nojs_page.goto(base_url + story.url)
    nojs_page.locator("article").get_by_role("button", name="Добавить в закладки").click()
    expect(nojs_page).to_have_url(base_url + "/reader/bookmarks/")
    expect(nojs_page.get_by_role("link", name=story.title)).to_be_visible()
    nojs_page.get_by_role("button", name=f"Удалить: {story.title}").click()
    main = nojs_page.locator("main")
    expect(main.get_by_text("Пока здесь пусто", exact=True)).to_be_visible()
    expect(main).to_contain_text(EMPTY_HINT)
    expect(nojs_page.locator("[data-streak]")).to_be_hidden()  # no JS, no widget


def test_header_panel_lists_and_removes_bookmarks(live_site, page):
    base_url, _home, sections = live_site
    story = article_make(sections["city"], slug="panel", title="В городе открыли каток")
    page.goto(base_url + story.url)
    page.locator("article").get_by_role("button", name="Добавить в закладки").click()
    page.locator("article").get_by_role("button", name="Убрать из закладок").wait_for()
    panel = page.locator("[data-bookmarks-panel]")
    panel.locator("summary").click()
    panel.get_by_role("link", name=story.title).wait_for()
    panel.get_by_role("button", name=f"Удалить: {story.title}").click()
    panel.get_by_text("Пока здесь пусто", exact=True).wait_for()
    expect(panel).to_contain_text(EMPTY_HINT)
    article_button = page.locator("article form[data-bookmark] button")
    expect(article_button).to_have_attribute("aria-pressed", "false")
    assert axe_violations(page) == []


def test_header_panel_without_javascript_links_to_the_list(live_site, nojs_page):
    base_url, _home, _sections = live_site
    nojs_page.goto(base_url + "/")
    panel = nojs_page.locator("[data-bookmarks-panel]")
    panel.locator("summary").click()
    panel.get_by_role("link", name="Все закладки").click()
    expect(nojs_page).to_have_url(base_url + "/reader/bookmarks/")
    expect(nojs_page.locator("main").get_by_text("Пока здесь пусто", exact=True)).to_be_visible()
