"""The beacon and the pixel: validation, classification, cookieless visitors, storage."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from newsdesk.analytics.ingest import (
    GIF,
    beacon_ingest,
    pixel_ingest,
    referrer_classify,
    user_agent_classify,
)
from newsdesk.analytics.models import ArticleHour, Event, VisitorSalt
from newsdesk.analytics.services import events_purge, rollups_build

from .helpers import CHROME, HOST, IPHONE, YANDEXBOT, environ, flush, pageview, send

pytestmark = pytest.mark.django_db


def test_page_view_is_stored_with_page_identity_and_without_the_ip(article):
    authors = [link.author_id for link in article.article_authors.all()]
    referrer = "https://yandex.kz/search/?text=велодорожка"
    event = pageview(a=article.id, s=article.get_parent().id, au=authors, pv="abc123", r=referrer)
    assert send(event, ip="203.0.113.9", ua=IPHONE) == 204
    assert flush() == 1
    stored = Event.objects.get()
    assert (stored.name, stored.article_id, stored.section_id) == (
        "pageview",
        article.id,
        article.get_parent().id,
    )
    assert stored.author_ids == ",".join(map(str, authors))
    assert (stored.path, stored.pageview_id, stored.device) == (
        "/gorod/velodorozhka/",
        "abc123",
        "mobile",
    )
    assert (stored.referrer_host, stored.referrer_kind) == ("yandex.kz", "search")
    assert len(stored.visitor) == 32 and not stored.is_bot
    row = Event.objects.values().get()
    assert "203.0.113.9" not in json.dumps(row, default=str)


def test_batched_beacon_stores_every_event():
    events = {"e": [pageview(pv=f"p{i}") for i in range(20)]}
    assert send(events) == 204
    assert flush() == 20
    assert Event.objects.count() == 20


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "JSON"),
        (b'{"n": "pageview", "u": "https://news.example.kz/' + b"x" * 9000 + b'"}', "8"),
        (json.dumps(pageview(n="purchase")).encode(), "Неизвестное"),
        (json.dumps(pageview(u="javascript:alert(1)")).encode(), "адрес"),
        (json.dumps(pageview(u="https://elsewhere.example.com/")).encode(), "другому"),
        (json.dumps(pageview(a=999_999)).encode(), "статьи"),
        (json.dumps(pageview(a="12abc")).encode(), "a"),
        (json.dumps(pageview(a=-5)).encode(), "a"),
        (json.dumps([]).encode(), "50"),
        (json.dumps([pageview()] * 51).encode(), "50"),
        (
            json.dumps({"n": "outbound", "u": f"https://{HOST}/", "p": {"href": "x"}}).encode(),
            "href",
        ),
        (json.dumps(pageview(p={"k": {"nested": 1}})).encode(), "Свойства"),
        (json.dumps([pageview(), pageview(n="unknown")]).encode(), "Неизвестное"),
    ],
    ids=[
        "malformed",
        "oversized",
        "unknown-name",
        "bad-url",
        "foreign-url",
        "unknown-article",
        "article-not-number",
        "negative-article",
        "empty",
        "too-many",
        "outbound-without-href",
        "nested-props",
        "one-bad-in-batch",
    ],
)
def test_bad_beacons_are_refused_with_a_reason_and_nothing_is_stored(site_tree, body, reason):
    verdict = beacon_ingest(environ(body=body), body)
    assert verdict.status == 400
    assert reason in verdict.reason
    assert flush() == 0
    assert not Event.objects.exists()


def test_cross_site_beacons_are_refused():
    body = json.dumps(pageview()).encode()
    verdict = beacon_ingest(environ(body=body, sec_fetch_site="cross-site"), body)
    assert verdict.status == 403
    assert flush() == 0


def test_rate_limit_answers_429_with_retry_after(settings):
    settings.NEWSDESK_ANALYTICS_RATE_PER_IP = 0.5
    settings.NEWSDESK_ANALYTICS_BURST = 3
    body = json.dumps(pageview()).encode()
    with time_machine.travel(datetime(2026, 5, 1, 9, tzinfo=UTC), tick=False):
        statuses = [beacon_ingest(environ(body=body), body) for _ in range(4)]
        other_ip = beacon_ingest(environ(body=body, ip="10.9.9.9"), body)
    assert [v.status for v in statuses] == [204, 204, 204, 429]
    assert statuses[-1].retry_after >= 1
    assert other_ip.status == 204
    assert flush() == 4


def test_two_ip_ua_pairs_are_two_visitors_and_one_pair_is_one():
    with time_machine.travel(datetime(2026, 5, 1, 9, tzinfo=UTC), tick=False):
        send(pageview(), ip="10.0.0.1", ua=CHROME)
        send(pageview(), ip="10.0.0.1", ua=CHROME)
        send(pageview(), ip="10.0.0.2", ua=CHROME)
        send(pageview(), ip="10.0.0.1", ua=IPHONE)
    flush()
    assert Event.objects.count() == 4
    assert Event.objects.values("visitor").distinct().count() == 3


def test_same_reader_cannot_be_linked_across_days():
    with time_machine.travel(datetime(2026, 5, 1, 22, tzinfo=UTC), tick=False):
        send(pageview())
        send(pageview())
    with time_machine.travel(datetime(2026, 5, 2, 8, tzinfo=UTC), tick=False):
        send(pageview())
        flush()
        events_purge()
    first, second, next_day = Event.objects.order_by("ts").values_list("visitor", flat=True)
    assert first == second
    assert next_day != first
    # Yesterday's salt is gone: nobody can recompute yesterday's hashes any more.
    assert list(VisitorSalt.objects.values_list("day", flat=True)) == [datetime(2026, 5, 2).date()]


def test_global_privacy_control_counts_the_view_without_a_visitor():
    send(pageview(), sec_gpc="1")
    flush()
    event = Event.objects.get()
    assert event.visitor == "" and not event.is_bot


@pytest.mark.parametrize(
    "headers",
    [
        {"ua": YANDEXBOT},
        {"ua": CHROME.replace("Chrome/", "HeadlessChrome/")},
        {"ua": ""},
        {"sec_purpose": "prefetch"},
        {"purpose": "prefetch"},
    ],
    ids=["crawler", "headless", "no-ua", "sec-purpose", "purpose"],
)
def test_bots_and_prefetches_are_counted_apart_and_never_as_visitors(article, headers):
    assert send(pageview(a=article.id), **headers) == 204
    flush()
    event = Event.objects.get()
    assert event.is_bot and event.visitor == ""
    hour = ArticleHour.objects.get(article_id=article.id)
    assert (hour.views, hour.visitors, hour.bot_views) == (0, 0, 1)


def test_referrer_spam_counts_as_bot():
    send(pageview(r="https://semalt.semalt.com/page"))
    flush()
    assert Event.objects.get().is_bot


@pytest.mark.parametrize(
    ("referrer", "kind"),
    [
        ("", "direct"),
        ("https://www.google.com/", "search"),
        ("https://yandex.ru/search/?text=x", "search"),
        ("https://vk.com/wall1", "social"),
        ("https://t.me/channel/5", "social"),
        ("https://other-paper.kz/news/1", "other"),
        (f"https://{HOST}/economy/", "internal"),
        ("https://darodar.com/", "spam"),
    ],
)
def test_referrers_are_grouped(referrer, kind):
    assert referrer_classify(referrer, HOST)[1] == kind


def test_devices_are_classified():
    assert user_agent_classify(CHROME) == (False, "desktop")
    assert user_agent_classify(IPHONE) == (False, "mobile")
    tablet = (
        "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
    )
    assert user_agent_classify(tablet) == (False, "tablet")
    assert user_agent_classify(YANDEXBOT) == (True, "bot")


def test_pixel_records_a_view_from_the_referer(article):
    env = environ(path="/e.gif", referer=f"https://{HOST}{article.url}")
    env.update(REQUEST_METHOD="GET", QUERY_STRING=f"a={article.id}&s=3&au=")
    assert pixel_ingest(env) is True
    flush()
    event = Event.objects.get()
    assert (event.source, event.article_id, event.section_id) == ("pixel", article.id, 3)


@pytest.mark.parametrize(
    "query", ["a=abc", "a=99999999999", "a=1&s=-1", "au=x,y", "a=123456"], ids=str
)
def test_pixel_ignores_bad_parameters(site_tree, query):
    env = environ(path="/e.gif", referer=f"https://{HOST}/")
    env.update(REQUEST_METHOD="GET", QUERY_STRING=query)
    assert pixel_ingest(env) is False
    assert flush() == 0


def test_pixel_without_referer_stores_nothing():
    env = environ(path="/e.gif")
    env.update(REQUEST_METHOD="GET", QUERY_STRING="a=")
    assert pixel_ingest(env) is False
    assert GIF.startswith(b"GIF89a") and len(GIF) == 43


def test_hourly_rollup_equals_raw_count(article):
    other = article.get_parent()
    times = [datetime(2026, 5, 1, 9, m, tzinfo=UTC) for m in (1, 20, 59)]
    times += [datetime(2026, 5, 1, 10, m, tzinfo=UTC) for m in (0, 30)]
    for index, moment in enumerate(times):
        with time_machine.travel(moment, tick=False):
            send(pageview(a=article.id), ip=f"10.0.0.{index % 2}")
            send(pageview(), ip="10.1.1.1")
            send(pageview(a=article.id), ua=YANDEXBOT)
    flush()
    rollups_build(since=datetime(2026, 5, 1, tzinfo=UTC), until=datetime(2026, 5, 2, tzinfo=UTC))
    raw = Event.objects.filter(name="pageview", is_bot=False)
    for hour in ArticleHour.objects.all():
        start = hour.hour
        expected = raw.filter(
            article_id=hour.article_id, ts__gte=start, ts__lt=start + timedelta(hours=1)
        ).count()
        assert hour.views == expected
    nine = ArticleHour.objects.get(article_id=article.id, hour=datetime(2026, 5, 1, 9, tzinfo=UTC))
    assert (nine.views, nine.visitors, nine.bot_views) == (3, 2, 3)
    assert sum(ArticleHour.objects.values_list("views", flat=True)) == raw.count() == 10
    assert other is not None


def test_engagement_rolls_up_into_engaged_time_and_read_through(article):
    moment = datetime(2026, 5, 1, 9, 5, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        send(pageview(a=article.id, pv="one"))
        send(
            {
                "n": "engagement",
                "u": f"https://{HOST}/",
                "a": article.id,
                "pv": "one",
                "es": 10,
                "sd": 40,
            }
        )
        send(
            {
                "n": "engagement",
                "u": f"https://{HOST}/",
                "a": article.id,
                "pv": "one",
                "es": 30,
                "sd": 90,
            }
        )
        send(pageview(a=article.id, pv="two"))
        send(
            {
                "n": "engagement",
                "u": f"https://{HOST}/",
                "a": article.id,
                "pv": "two",
                "es": 10,
                "sd": 20,
            }
        )
    flush()
    hour = ArticleHour.objects.get(article_id=article.id)
    assert (hour.views, hour.engaged_views, hour.engaged_seconds, hour.read_through) == (
        2,
        2,
        40,
        1,
    )


def test_events_other_than_views_are_stored():
    send({"n": "bookmark", "u": f"https://{HOST}/"})
    send({"n": "subscribe", "u": f"https://{HOST}/", "p": {"plan": "daily"}})
    send({"n": "outbound", "u": f"https://{HOST}/", "p": {"href": "https://gov.kz/"}})
    flush()
    assert sorted(Event.objects.values_list("name", flat=True)) == [
        "bookmark",
        "outbound",
        "subscribe",
    ]


def test_retention_deletes_old_raw_events_but_keeps_rollups(settings):
    settings.NEWSDESK_ANALYTICS_RETENTION_DAYS = 30
    with time_machine.travel(datetime(2026, 1, 1, 9, tzinfo=UTC), tick=False):
        send(pageview())
        flush()
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC), tick=False):
        send(pageview())
        flush()
        assert events_purge()[0] == 1
    assert Event.objects.count() == 1
    assert ArticleHour.objects.count() == 2
