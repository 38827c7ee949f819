"""Same-origin checks and rate limits shared by write endpoints."""

from django.http import HttpResponse
from django.test import RequestFactory

from newsdesk.core.http import is_same_origin, rate_limit_hit, same_origin_required

factory = RequestFactory()


def test_same_origin_by_fetch_metadata_origin_or_referer():
    assert is_same_origin(factory.post("/", HTTP_SEC_FETCH_SITE="same-origin"))
    assert not is_same_origin(factory.post("/", HTTP_SEC_FETCH_SITE="cross-site"))
    assert is_same_origin(factory.post("/", HTTP_ORIGIN="http://testserver"))
    assert not is_same_origin(factory.post("/", HTTP_ORIGIN="https://evil.example"))
    assert is_same_origin(factory.post("/", HTTP_REFERER="http://testserver/news/"))
    assert not is_same_origin(factory.post("/"))


def test_same_origin_required_refuses_cross_site_posts_only():
    view = same_origin_required(lambda request: HttpResponse("ok"))
    assert view(factory.get("/")).status_code == 200
    assert view(factory.post("/", HTTP_ORIGIN="https://evil.example")).status_code == 403
    assert view(factory.post("/", HTTP_SEC_FETCH_SITE="same-origin")).status_code == 200


def test_rate_limit_counts_per_key_and_window():
    hits = [rate_limit_hit(scope="t", key="a", limit=3, window=60) for _ in range(5)]
    assert hits == [0, 0, 0, 60, 60]
    assert rate_limit_hit(scope="t", key="b", limit=3, window=60) == 0
