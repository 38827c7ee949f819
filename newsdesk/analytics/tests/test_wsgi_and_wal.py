"""The WSGI layer in front of Django, its Django URL twins and the write-ahead log."""

import json
import shutil

import pytest

from newsdesk.analytics.ingest import GIF
from newsdesk.analytics.models import Event
from newsdesk.analytics.services import wal_flush
from newsdesk.analytics.wal import segments_claim, wal_dir, wal_writer
from newsdesk.analytics.wsgi import beacon_dispatch

from .helpers import environ, flush, pageview, send

pytestmark = pytest.mark.django_db


class Inner:
    """Stands in for Django: records that it was called."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"django"]


def call(app, env):
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(app(env, start_response))
    return answer["status"], answer["headers"], body


def test_dispatch_answers_beacon_paths_itself_and_passes_the_rest_to_django():
    inner = Inner()
    app = beacon_dispatch(inner)
    body = json.dumps(pageview()).encode()
    status, headers, _ = call(app, environ(body=body))
    assert status.startswith("204") and headers["Cache-Control"] == "no-store"
    assert call(app, environ(path="/gorod/", body=b""))[2] == b"django"
    assert inner.calls == 1
    assert flush() == 1


def test_dispatch_refuses_bad_beacons_with_a_json_reason():
    app = beacon_dispatch(Inner())
    status, headers, body = call(app, environ(body=b"[oops"))
    assert status.startswith("400")
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"] == "Сигнал не является корректным JSON."
    env = environ(body=b"")
    env["REQUEST_METHOD"] = "GET"
    assert call(app, env)[0].startswith("405")
    assert flush() == 0


def test_dispatch_rate_limits_with_retry_after(settings):
    settings.NEWSDESK_ANALYTICS_RATE_PER_IP = 0.001
    settings.NEWSDESK_ANALYTICS_BURST = 1
    app = beacon_dispatch(Inner())
    body = json.dumps(pageview()).encode()
    assert call(app, environ(body=body))[0].startswith("204")
    status, headers, _ = call(app, environ(body=body))
    assert status.startswith("429") and int(headers["Retry-After"]) >= 1


@pytest.mark.parametrize("query", ["", "a=abc&s=%ZZ", "a=1" * 2000])
def test_pixel_always_answers_the_gif_without_caching(query):
    env = environ(path="/e.gif")
    env.update(REQUEST_METHOD="GET", QUERY_STRING=query)
    status, headers, body = call(beacon_dispatch(Inner()), env)
    assert status == "200 OK" and body == GIF
    assert (headers["Content-Type"], headers["Cache-Control"]) == ("image/gif", "no-store")


def test_django_url_views_serve_the_same_endpoints(client, article):
    url = f"http://testserver{article.url}"
    body = json.dumps({"e": [{"n": "pageview", "u": url, "a": article.id}]})
    response = client.post("/e/", body, content_type="text/plain")
    assert response.status_code == 204
    bad = client.post("/e/", "{", content_type="text/plain")
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]
    pixel = client.get(f"/e.gif?a={article.id}", HTTP_REFERER=url)
    assert pixel.status_code == 200 and pixel.content == GIF
    assert pixel["Cache-Control"] == "no-store"
    assert client.get("/e.gif?a=nonsense").content == GIF
    assert client.get("/e/").status_code == 405
    assert flush() == 2
    assert sorted(Event.objects.values_list("source", flat=True)) == ["js", "pixel"]


def test_a_segment_a_live_writer_holds_is_not_flushed_until_rotated():
    send(pageview())
    assert list(segments_claim()) == []  # the writer still holds its lock
    assert wal_flush()[0] == 0
    wal_writer().rotate()
    assert wal_flush()[0] == 1
    assert list(wal_dir().glob("*.wal")) == []


def test_replaying_a_segment_stores_nothing_twice(tmp_path):
    send({"e": [pageview(), pageview()]})
    wal_writer().rotate()
    (segment,) = wal_dir().glob("*.wal")
    shutil.copy(segment, tmp_path / "copy")
    assert flush() == 2
    # As if the flusher died after the commit and before deleting the segment.
    shutil.copy(tmp_path / "copy", segment)
    flush()
    assert Event.objects.count() == 2
    assert list(wal_dir().glob("*.wal")) == []


def test_a_line_cut_short_by_a_kill_is_skipped_and_the_rest_stored():
    send(pageview())
    wal_writer().rotate()
    (segment,) = wal_dir().glob("*.wal")
    with segment.open("ab") as handle:
        handle.write(b'{"uid": "cut sho')
    assert flush() == 1
    assert Event.objects.count() == 1


def test_fsync_always_policy_stores_events(settings):
    from newsdesk.analytics.wal import wal_writer_reset

    settings.NEWSDESK_ANALYTICS_FSYNC = "always"
    wal_writer_reset()
    assert wal_writer().fsync_always
    send(pageview())
    assert flush() == 1


def test_segments_rotate_when_full(settings):
    from newsdesk.analytics.wal import wal_writer_reset

    settings.NEWSDESK_ANALYTICS_WAL_SEGMENT_BYTES = 200
    wal_writer_reset()
    for _ in range(3):
        send(pageview())
    assert len(list(wal_dir().glob("*.wal"))) == 3
    assert flush() == 3
    assert wal_dir() == settings.NEWSDESK_ANALYTICS_WAL_DIR


def test_housekeeping_closes_the_segment_and_the_worker_jobs_store_and_roll_up(article):
    from newsdesk.analytics.models import ArticleHour
    from newsdesk.analytics.wsgi import _Flusher

    send(pageview(a=article.id))
    send(pageview(a=article.id), ip="10.0.0.7")
    # The test settings run tasks at once, as the worker would a moment later.
    _Flusher(interval=1).tick()
    assert Event.objects.count() == 2
    assert ArticleHour.objects.get(article_id=article.id).views == 2
    assert list(wal_dir().glob("*.wal")) == []
