"""Reader pages pass the Nu HTML checker."""

import re

import pytest

from newsdesk.news.tests.factories import article_make
from tests.html_validation import vnu_errors

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json", "HTTP_SEC_FETCH_SITE": "same-origin"}


def test_reader_pages_are_valid_html(client, site_tree, tmp_path, mailoutbox, django_user_model):
    story = article_make(site_tree[1]["city"], slug="valid")
    pages = {
        "empty": client.get("/reader/bookmarks/"),
        "signin": client.get("/reader/signin/"),
        "profile-anonymous": client.get("/reader/"),
    }
    client.post(f"/reader/bookmarks/{story.pk}/", **JSON)
    pages["bookmarks"] = client.get("/reader/bookmarks/")
    pages["signin-error"] = client.post("/reader/signin/", {"email": "bad"})
    pages["signin-sent"] = client.post("/reader/signin/", {"email": "ok@example.kz"})
    link = re.search(r"http://testserver(/reader/signin/[^\s]+/)", mailoutbox[0].body).group(1)
    pages["signin-confirm"] = client.get(link)
    pages["signin-bad-link"] = client.get("/reader/signin/broken/")
    client.force_login(django_user_model.objects.create_user("v", "v@example.kz"))
    pages["profile"] = client.get("/reader/")
    assert pages["signin-error"].status_code == 400
    assert vnu_errors({k: r.content.decode() for k, r in pages.items()}, tmp_path) == []
