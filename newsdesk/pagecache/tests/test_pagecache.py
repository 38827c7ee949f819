"""Page cache: hits, misses, 304s, compressed variants, purges, bypasses and privacy."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from django.core.cache import cache, caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory
from wagtail.models import Page

from newsdesk.news.models import ArticlePage
from newsdesk.news.tests.factories import article_make
from newsdesk.pagecache import store
from newsdesk.pagecache.middleware import PageCacheMiddleware
from newsdesk.pagecache.wsgi import PageCacheApplication
from newsdesk.people.tests.factories import AuthorFactory, UserFactory

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def pagecache_on(settings):
    settings.PAGECACHE_ENABLED = True
    store.hot.clear()
    yield
    store.hot.clear()


def state(client, url: str, **headers) -> str:
    """X-Cache of a GET: HIT, MISS, or "" when the cache did not take part."""
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response.get("X-Cache", "")


def test_miss_then_hit_with_headers(client, article):
    first = client.get(article.url)
    second = client.get(article.url)
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert first.content == second.content and article.title.encode() in second.content
    assert second["Cache-Control"] == (
        "public, max-age=60, s-maxage=300, stale-while-revalidate=600"
    )
    assert second["Vary"] == "Accept-Encoding"
    assert second["ETag"].startswith('W/"') and second["Last-Modified"].endswith("GMT")
    assert second["Content-Type"].startswith("text/html")
    assert "Set-Cookie" not in second


def test_cache_control_is_configurable(client, article, settings):
    settings.PAGECACHE_CACHE_CONTROL = "public, max-age=5"
    assert client.get(article.url)["Cache-Control"] == "public, max-age=5"


def test_conditional_requests_get_304(client, article):
    first = client.get(article.url)
    by_etag = client.get(article.url, headers={"If-None-Match": first["ETag"]})
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(article.url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert by_date.status_code == 304
    stale = client.get(article.url, headers={"If-None-Match": 'W/"something-else"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_compressed_variants_made_at_store_time(client, article):
    plain = client.get(article.url).content
    br = client.get(article.url, headers={"Accept-Encoding": "gzip, br"})
    assert br["Content-Encoding"] == "br" and brotli.decompress(br.content) == plain
    gz = client.get(article.url, headers={"Accept-Encoding": "gzip"})
    assert gz["Content-Encoding"] == "gzip" and gzip.decompress(gz.content) == plain
    refused = client.get(article.url, headers={"Accept-Encoding": "br;q=0, identity"})
    assert "Content-Encoding" not in refused and refused.content == plain
    # Compression happened once: a hit serves the stored bytes, it does not compress.
    entry = next(iter(store.hot.items.values())).entry
    assert entry.br == br.content and entry.gzip == gz.content


def test_head_is_answered_from_the_cache(client, article):
    client.get(article.url)
    response = client.head(article.url)
    assert response["X-Cache"] == "HIT" and response.content == b""


def test_signed_in_users_bypass_the_cache(client, article):
    client.get(article.url)
    client.force_login(UserFactory())
    response = client.get(article.url)
    assert response.status_code == 200 and "X-Cache" not in response


def test_pages_the_cache_does_not_keep_are_compressed_too(client, article):
    client.force_login(UserFactory())
    plain = client.get(article.url)
    compressed = client.get(article.url, headers={"Accept-Encoding": "gzip, br"})
    assert "X-Cache" not in compressed and compressed["Content-Encoding"] == "gzip"
    assert article.title in gzip.decompress(compressed.content).decode()
    assert "Content-Encoding" not in plain and article.title in plain.content.decode()


def test_reader_cookie_does_not_bypass_the_cache(client, article):
    client.get(article.url)
    client.cookies["nd_reader"] = "r-123"
    client.cookies["csrftoken"] = "x" * 32
    assert state(client, article.url) == "HIT"


def test_admin_is_never_cached(client, site_tree):
    client.get("/admin/login/")
    response = client.get("/admin/login/")
    assert "X-Cache" not in response


def test_personal_and_cookie_setting_responses_are_never_stored():
    factory = RequestFactory()

    def private_view(request):
        response = JsonResponse({"bookmarks": [1]})
        response["Cache-Control"] = "private, no-store"
        return response

    def html_private(request):
        response = HttpResponse("<p>Ваши закладки</p>")
        response["Cache-Control"] = "no-store"
        return response

    def sets_cookie(request):
        response = HttpResponse("<p>Привет</p>")
        response.set_cookie("nd_reader", "r-1")
        return response

    for view in (private_view, html_private, sets_cookie):
        middleware = PageCacheMiddleware(view)
        for _ in range(2):
            response = middleware(factory.get("/me/"))
            assert "X-Cache" not in response
    assert not store.hot.items


def test_feeds_content_types_are_cached():
    factory = RequestFactory()
    calls = []

    def feed(request):
        calls.append(1)
        return HttpResponse("<rss></rss>" * 40, content_type="application/rss+xml; charset=utf-8")

    middleware = PageCacheMiddleware(feed)
    assert middleware(factory.get("/feeds/latest/"))["X-Cache"] == "MISS"
    assert middleware(factory.get("/feeds/latest/"))["X-Cache"] == "HIT"
    assert len(calls) == 1
    # Every article change purges the feeds and sitemaps (one shared token).
    store.purge_paths({"/feeds/"})
    assert middleware(factory.get("/kk/feeds/latest/"))["X-Cache"] == "MISS"
    assert middleware(factory.get("/feeds/latest/"))["X-Cache"] == "MISS"


def wsgi_call(app, path: str, **headers):
    """Call a WSGI app like a server would; return (status line, headers, body)."""
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", **headers)
    environ["wsgi.input"] = io.BytesIO(b"")
    result = {}

    def start_response(status, response_headers, exc_info=None):
        result["status"], result["headers"] = status, dict(response_headers)

    body = b"".join(app(environ, start_response))
    return result["status"], result["headers"], body


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_wsgi_layer_serves_hits_without_django(article, keep_test_connection):
    calls = []
    django_app = WSGIHandler()

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return django_app(environ, start_response)

    app = PageCacheApplication(counting)
    status, headers, plain = wsgi_call(app, article.url)
    assert status.startswith("200") and headers["X-Cache"] == "MISS" and len(calls) == 1
    status, headers, body = wsgi_call(app, article.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert headers["X-Cache"] == "HIT" and headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == plain and len(calls) == 1
    status, headers, body = wsgi_call(app, article.url, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert status == "304 Not Modified" and body == b"" and len(calls) == 1
    wsgi_call(app, article.url, HTTP_COOKIE="sessionid=abc")
    assert len(calls) == 2  # a signed-in session goes to Django


def test_hot_pages_follow_a_purge_made_by_another_process(article, keep_test_connection, settings):
    app = PageCacheApplication(WSGIHandler())
    settings.PAGECACHE_RECHECK_SECONDS = 3600
    assert wsgi_call(app, article.url)[1]["X-Cache"] == "MISS"
    status, headers, _body = wsgi_call(app, article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert headers["X-Cache"] == "HIT" and headers["Content-Encoding"] == "gzip"
    # Another process purges the article: new tokens and sequence in the shared cache only.
    cache.set_many({store.version_key(article.url): "elsewhere", store.SEQ_KEY: "elsewhere"})
    assert wsgi_call(app, article.url)[1]["X-Cache"] == "HIT"  # until this process checks
    settings.PAGECACHE_RECHECK_SECONDS = 0
    assert wsgi_call(app, article.url)[1]["X-Cache"] == "MISS"
    assert wsgi_call(app, article.url)[1]["X-Cache"] == "HIT"


def test_a_page_looked_up_before_a_drop_is_not_kept():
    entry = store.entry_make(headers=[("Content-Type", "text/html")], body=b"<p>" * 100)
    epoch = store.hot.epoch
    store.hot.clear()  # a purge lands while the lookup was under way
    store.hot.put(("testserver", "http", "/old/", ""), entry, epoch)
    assert not store.hot.items
    store.hot.put(("testserver", "http", "/old/", ""), entry, store.hot.epoch)
    assert list(store.hot.items) == [("testserver", "http", "/old/", "")]


def test_a_purge_drops_this_process_renditions_too():
    renditions = caches["renditions"]
    renditions.set("wagtail-rendition-1-fill-800x600", "a rendition")
    store.purge_paths({"/city/"})
    assert renditions.get("wagtail-rendition-1-fill-800x600") is None


def test_publish_purges_exactly_the_affected_pages(client, site_tree):
    home, sections = site_tree
    shared = AuthorFactory(slug="shared")
    mine, other = AuthorFactory(slug="mine"), AuthorFactory(slug="other")
    target = article_make(sections["city"], authors=[mine], tags=("велосипед",), slug="target")
    unrelated = article_make(
        sections["sport"], authors=[other, shared], tags=("футбол",), slug="unrelated"
    )
    affected = ["/", sections["city"].url, target.url, "/authors/mine/", "/tags/велосипед/"]
    untouched = [unrelated.url, sections["sport"].url, "/authors/other/", "/tags/футбол/"]
    for url in affected + untouched:
        state(client, url)
        assert state(client, url) == "HIT", url

    revision = ArticlePage.objects.get(pk=target.pk)
    revision.title = "Велодорожку продлили до аэропорта"
    revision.save_revision().publish()

    assert [state(client, url) for url in affected] == ["MISS"] * len(affected)
    assert [state(client, url) for url in untouched] == ["HIT"] * len(untouched)
    assert "Велодорожку продлили до аэропорта" in client.get(target.url).content.decode()


def test_unpublish_and_delete_purge(client, site_tree):
    _home, sections = site_tree
    target = article_make(sections["city"], slug="to-go", tags=("мост",))
    for url in (target.url, "/", "/tags/мост/"):
        state(client, url)
    Page.objects.get(pk=target.pk).specific.unpublish()
    assert client.get(target.url).status_code == 404
    assert state(client, "/") == "MISS"

    again = article_make(sections["city"], slug="to-delete")
    state(client, again.url)
    state(client, "/")
    Page.objects.get(pk=again.pk).delete()
    assert client.get(again.url).status_code == 404
    assert state(client, "/") == "MISS"


def test_tag_removed_on_publish_purges_its_page(client, site_tree):
    _home, sections = site_tree
    target = article_make(sections["city"], slug="tagged", tags=("мост", "река"))
    state(client, "/tags/мост/")
    page = ArticlePage.objects.get(pk=target.pk)
    page.tags.set(["река"])
    page.save_revision().publish()
    assert client.get("/tags/мост/").status_code == 404


def test_move_purges_old_and_new_places(client, site_tree):
    _home, sections = site_tree
    target = article_make(sections["city"], slug="moving")
    old_url = target.url
    for url in (old_url, sections["city"].url, sections["sport"].url):
        state(client, url)
    Page.objects.get(pk=target.pk).move(sections["sport"], pos="last-child")
    # The old address no longer serves the cached article (Wagtail redirects it).
    assert client.get(old_url).status_code in (301, 404)
    assert state(client, sections["city"].url) == "MISS"
    assert state(client, sections["sport"].url) == "MISS"


def test_author_save_purges_their_pages(client, site_tree):
    _home, sections = site_tree
    author = AuthorFactory(slug="renamed")
    target = article_make(sections["city"], authors=[author], slug="bylined")
    for url in (target.url, "/authors/renamed/"):
        state(client, url)
    author.name = "Айгерим Новое Имя"
    author.save()
    assert "Айгерим Новое Имя" in client.get(target.url).content.decode()
    assert state(client, "/authors/renamed/") == "MISS"


def test_cdn_purge_hook_posts_urls(
    client, site_tree, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSDESK_CDN_PURGE_URL = "https://cdn.example.test/purge"
    posted = []

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def fake_urlopen(request, timeout):
        posted.append((request.full_url, request.data))
        return Answer()

    monkeypatch.setattr("urllib.request.urlopen", fake_urlopen)
    _home, sections = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        target = article_make(sections["city"], slug="cdn")
    assert posted and posted[-1][0] == "https://cdn.example.test/purge"
    assert target.url.encode() in posted[-1][1]


def test_s3_storage_switches_on_with_the_bucket_setting():
    code = (
        "import importlib, json; s = importlib.import_module('newsdesk.settings.base');"
        "print(json.dumps([s.STORAGES['default']['BACKEND'], s.NEWSDESK_SERVE_MEDIA,"
        " s.STORAGES['default'].get('OPTIONS', {}).get('endpoint_url')]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_S3")}
    plain = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "FileSystemStorage" in plain.stdout
    env |= {"NEWSDESK_S3_BUCKET": "media", "NEWSDESK_S3_ENDPOINT_URL": "http://minio:9000"}
    s3 = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert s3.stdout.strip() == '["storages.backends.s3.S3Storage", false, "http://minio:9000"]'


def test_hashed_static_files_are_compressed_and_cached_for_a_year(settings, tmp_path):
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command
    from whitenoise.middleware import WhiteNoiseMiddleware

    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed_url = staticfiles_storage.url("css/site.css")
    assert hashed_url != "/static/css/site.css"
    hashed = tmp_path / hashed_url.removeprefix("/static/")
    assert hashed.with_name(hashed.name + ".gz").exists()
    assert hashed.with_name(hashed.name + ".br").exists()
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = middleware(RequestFactory().get(hashed_url, headers={"Accept-Encoding": "br"}))
    assert response.status_code == 200 and response["Content-Encoding"] == "br"
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600 and "immutable" in response["Cache-Control"]
