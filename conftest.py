"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Each test starts with empty caches and in Russian, the site's default language."""
    from newsdesk.pagecache import store

    cache.clear()
    store.hot.clear()  # also empties what routing remembers (store.PurgeMemo)
    with translation.override("ru"):
        yield
    cache.clear()
    store.hot.clear()


@pytest.fixture
def site_tree(db):
    """A home page, two sections and the newsroom's groups and workflow."""
    from newsdesk.news.tests.factories import site_tree_create

    return site_tree_create()


@pytest.fixture
def article(site_tree):
    """One published article in the «Город» section."""
    from newsdesk.news.tests.factories import article_make

    _home, sections = site_tree
    return article_make(sections["city"])
