"""Bookmark and reader endpoints: cookies, abuse, personal pages, sign-in with merging."""

import re

import pytest
import time_machine

from newsdesk.news.tests.factories import article_make
from newsdesk.reader.identity import COOKIE_NAME
from newsdesk.reader.models import Bookmark, Reader, ReadingDay

pytestmark = pytest.mark.django_db
SAME = {"HTTP_SEC_FETCH_SITE": "same-origin"}
JSON = {"HTTP_ACCEPT": "application/json", **SAME}


@pytest.fixture
def story(site_tree):
    return article_make(site_tree[1]["city"], slug="zakladka")


def test_reading_sets_no_cookie_but_bookmarking_does(client, story):
    response = client.get(story.url)
    assert COOKIE_NAME not in response.cookies
    response = client.post(f"/reader/bookmarks/{story.pk}/", **JSON)
    assert response.json() == {
        "article": story.pk,
        "bookmarked": True,
        "title": story.title,
        "url": story.url,
    }
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    state = client.get("/reader/state.json").json()
    assert state["bookmarks"] == [story.pk]
    assert state["items"] == [{"id": story.pk, "title": story.title, "url": story.url}]
    assert client.post(f"/reader/bookmarks/{story.pk}/", **JSON).json()["bookmarked"] is False
    assert client.get("/reader/state.json").json()["bookmarks"] == []


def test_without_js_the_button_redirects_to_the_bookmarks_page(client, story):
    response = client.post(f"/reader/bookmarks/{story.pk}/", **SAME)
    assert response.status_code == 303 and response["Location"] == "/reader/bookmarks/"
    page = client.get("/reader/bookmarks/")
    assert story.title in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    client.post(f"/reader/bookmarks/{story.pk}/", {"action": "remove"}, **SAME)
    client.post(f"/reader/bookmarks/{story.pk}/", {"action": "remove"}, **SAME)  # idempotent
    html = client.get("/reader/bookmarks/").content.decode()
    assert "Пока здесь пусто" in html
    assert re.search(
        r"Используйте кнопку «<span class=\"empty-state__icon\"><svg[^»]*</svg></span>» на "
        r"странице публикации, чтобы сохранить её в свой личный список закладок\.",
        html,
    ) or re.search(
        r"Используйте кнопку «<svg[^»]*</svg>» на странице публикации, чтобы сохранить её в "
        r"свой личный список закладок\.",
        html,
    )


def test_bookmarks_list_newest_saved_first(client, site_tree):
    first = article_make(site_tree[1]["city"], slug="first", title="Первая сохранённая")
    second = article_make(site_tree[1]["sport"], slug="second", title="Вторая сохранённая")
    client.post(f"/reader/bookmarks/{first.pk}/", **JSON)
    client.post(f"/reader/bookmarks/{second.pk}/", **JSON)
    html = client.get("/reader/bookmarks/").content.decode()
    assert html.index(second.title) < html.index(first.title)


def test_missing_or_unpublished_article_is_404_and_changes_nothing(client, story):
    assert client.post("/reader/bookmarks/999999/", **JSON).status_code == 404
    story.unpublish()
    response = client.post(f"/reader/bookmarks/{story.pk}/", **JSON)
    assert response.status_code == 404
    assert COOKIE_NAME not in response.cookies
    assert not Bookmark.objects.exists() and not Reader.objects.exists()


def test_cross_site_post_is_refused(client, story):
    response = client.post(f"/reader/bookmarks/{story.pk}/", HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not Bookmark.objects.exists()


def test_tampered_cookie_is_ignored(client, story):
    response = client.post(f"/reader/bookmarks/{story.pk}/", **JSON)
    valid = response.cookies[COOKIE_NAME].value
    victim = Reader.objects.get()
    for forged in (str(victim.pk), valid[:-4] + "abcd"):
        other = client.__class__()
        other.cookies[COOKIE_NAME] = forged
        assert other.get("/reader/state.json").json()["bookmarks"] == []
        other.post(f"/reader/bookmarks/{story.pk}/", **JSON)  # starts a reader of its own
    assert victim.bookmarks.count() == 1
    assert Reader.objects.count() == 3


def test_flooding_gets_429_with_retry_after(client, story, settings):
    from newsdesk.reader import views

    views.WRITE_LIMIT_PER_READER = (3, 60)
    try:
        codes = [
            client.post(f"/reader/bookmarks/{story.pk}/", **JSON).status_code for _ in range(5)
        ]
    finally:
        views.WRITE_LIMIT_PER_READER = (60, 60)
    assert codes[:4] == [200, 200, 200, 200] and codes[4] == 429


def test_sign_in_by_link_merges_bookmarks_and_streak(client, story, mailoutbox):
    client.post(f"/reader/bookmarks/{story.pk}/", **JSON)
    response = client.post("/reader/signin/", {"email": "Reader@Example.kz"})
    unknown = client.__class__().post("/reader/signin/", {"email": "other@example.kz"})
    assert response.status_code == unknown.status_code == 200
    assert response.content.replace(b"Reader", b"") == unknown.content.replace(b"Reader", b"")
    link = re.search(r"http://testserver(/reader/signin/[^\s]+/)", mailoutbox[0].body).group(1)

    assert client.get(link).status_code == 200  # a GET signs nobody in
    assert "_auth_user_id" not in client.session
    response = client.post(link, {"days": "2026-01-01,2026-01-02"})
    assert response.status_code == 303
    reader = Reader.objects.get(user__email="reader@example.kz")
    assert list(reader.bookmarks.values_list("article_id", flat=True)) == [story.pk]
    assert ReadingDay.objects.filter(reader=reader).count() == 2
    assert Reader.objects.filter(user__isnull=True).count() == 0
    assert client.post(link).status_code == 400  # single use

    client.post("/reader/signout/")
    assert client.get("/reader/state.json").json()["bookmarks"] == []
    assert reader.bookmarks.count() == 1  # kept in the account


def test_signed_in_reads_are_stored_per_day(client, story, django_user_model):
    user = django_user_model.objects.create_user("r", "r@example.kz")
    client.force_login(user)
    with time_machine.travel("2026-03-10 23:59:00+05:00"):
        assert client.post("/reader/read/", **SAME).status_code == 204
    with time_machine.travel("2026-03-11 00:01:00+05:00"):
        client.post("/reader/read/", **SAME)
        page = client.get("/reader/").content.decode()
    assert [d.isoformat() for d in ReadingDay.objects.values_list("day", flat=True)] == [
        "2026-03-10",
        "2026-03-11",
    ]
    assert "Провели подряд 2 дня с нами" in page
    assert "Самая длинная серия: 2 дня." in page
    assert client.get("/reader/state.json").json()["days"] == ["2026-03-10", "2026-03-11"]


def test_expired_sign_in_link_is_refused(client, story, mailoutbox):
    with time_machine.travel("2026-03-10 12:00:00+05:00"):
        client.post("/reader/signin/", {"email": "late@example.kz"})
    link = re.search(r"http://testserver(/reader/signin/[^\s]+/)", mailoutbox[0].body).group(1)
    with time_machine.travel("2026-03-10 12:20:00+05:00"):
        response = client.post(link)
    assert response.status_code == 400
    assert "Срок действия ссылки истёк" in response.content.decode()
