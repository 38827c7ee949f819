"""Analytics in a real Chromium: the beacon script and the noscript pixel are counted.

Pytest-django's live server runs Django's handler, not ``newsdesk.wsgi``, so these tests
reach the Django URL views at ``/e/`` and ``/e.gif``; they call the same ingest functions
as the WSGI layer, which the durability test and the benchmark exercise directly.
"""

import pytest

from newsdesk.analytics.ingest import caches_clear
from newsdesk.analytics.models import Event
from newsdesk.analytics.services import analytics_flush_all
from newsdesk.analytics.wal import wal_writer_reset
from newsdesk.news.tests.factories import article_make

pytestmark = pytest.mark.browser

# Headless Chromium says "HeadlessChrome", which is rightly filtered as a bot; readers'
# browsers do not, so the tests present a regular desktop Chrome.
READER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/140.0.0.0 Safari/537.36"
)


@pytest.fixture
def analytics_wal(settings, tmp_path):
    settings.NEWSDESK_ANALYTICS_WAL_DIR = tmp_path / "wal"
    wal_writer_reset()
    caches_clear()
    yield
    wal_writer_reset()
    caches_clear()


@pytest.fixture
def reader(browser, browser_context_args):
    def open_context(*, javascript: bool):
        context = browser.new_context(
            **browser_context_args, user_agent=READER_UA, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    contexts = []
    yield open_context
    for context in contexts:
        context.close()


def flush() -> int:
    wal_writer_reset()
    return analytics_flush_all()


def test_beacon_sent_by_chromium_is_counted(live_site, analytics_wal, reader):
    base_url, _home, sections = live_site
    article = article_make(sections["city"])
    tab = reader(javascript=True)
    with tab.expect_response(lambda r: r.url.endswith("/e/")) as answer:
        tab.goto(base_url + article.url)
    assert answer.value.status == 204
    with tab.expect_response(lambda r: r.url.endswith("/e/")) as answer:
        tab.evaluate("window.newsdeskTrack('bookmark', {})")
    assert answer.value.status == 204
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    with tab.expect_response(lambda r: r.url.endswith("/e/")) as answer:
        tab.evaluate(
            "window.dispatchEvent(new Event('scroll')); window.dispatchEvent(new Event('pagehide'))"
        )
    assert answer.value.status == 204

    assert flush() == 3
    view = Event.objects.get(name="pageview")
    assert view.article_id == article.id and view.source == "js"
    assert view.section_id == sections["city"].id
    assert not view.is_bot and len(view.visitor) == 32
    assert view.path == article.url
    bookmark = Event.objects.get(name="bookmark")
    assert bookmark.pageview_id == view.pageview_id
    engagement = Event.objects.get(name="engagement")
    assert engagement.pageview_id == view.pageview_id
    assert engagement.scroll_depth == 100


def test_noscript_pixel_is_counted_with_javascript_off(live_site, analytics_wal, reader):
    base_url, _home, sections = live_site
    article = article_make(sections["city"])
    tab = reader(javascript=False)
    with tab.expect_response(lambda r: "/e.gif" in r.url) as answer:
        tab.goto(base_url + article.url)
    assert answer.value.status == 200
    assert answer.value.headers["cache-control"] == "no-store"

    assert flush() == 1
    view = Event.objects.get()
    assert (view.name, view.source, view.article_id) == ("pageview", "pixel", article.id)
    assert not view.is_bot and len(view.visitor) == 32
