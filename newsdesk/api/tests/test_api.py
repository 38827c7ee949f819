"""API v1: published content only, filters, errors, conditional GET, CORS, OpenAPI."""

import pytest
from openapi_spec_validator import validate

from newsdesk.api.openapi import DOCUMENT
from newsdesk.news.services import article_create
from newsdesk.news.tests.factories import article_make
from newsdesk.people.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree):
    _home, sections = site_tree
    author = AuthorFactory(slug="dana", name="Дана Калиева")
    city = article_make(
        sections["city"],
        slug="city-news",
        title="Новый сквер открыли в центре",
        authors=[author],
        tags=("скверы",),
    )
    sport = article_make(sections["sport"], slug="sport-news", title="Команда вышла в финал")
    draft = article_create(
        section=sections["city"],
        title="Черновик",
        slug="draft",
        lede="Лид.",
        body=[],
        authors=[author],
        publish=False,
    )
    gone = article_make(sections["city"], slug="gone", title="Снятая статья")
    gone.unpublish()
    return {"city": city, "sport": sport, "draft": draft, "gone": gone}


def test_articles_list_has_only_published_articles(client, content):
    data = client.get("/api/v1/articles/").json()
    ids = {item["id"] for item in data["results"]}
    assert ids == {content["city"].pk, content["sport"].pk}
    assert data["count"] == 2 and data["next"] is None
    item = next(i for i in data["results"] if i["id"] == content["city"].pk)
    assert item["headline"] == "Новый сквер открыли в центре"
    assert item["authors"][0]["slug"] == "dana"
    assert item["lead_image"]["alt"] and item["lead_image"]["renditions"][0]["url"].startswith(
        "http://testserver/media/"
    )
    assert client.get(f"/api/v1/articles/{content['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v1/articles/{content['gone'].pk}/").status_code == 404


def test_article_detail_has_structured_blocks(client, content):
    data = client.get(f"/api/v1/articles/{content['city'].pk}/").json()
    kinds = [block["type"] for block in data["body"]]
    assert kinds == ["paragraph", "quote", "photo", "paragraph"]
    quote = data["body"][1]
    assert quote == {
        "type": "quote",
        "text": "Теперь до работы можно доехать без машины",
        "verb": "сказала",
        "speaker": "Жанна Ахметова, жительница района",
    }
    assert data["body"][2]["image"]["credit"] == "Фото: Newsdesk"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("section=city", {"city"}),
        ("section=sport", {"sport"}),
        ("tag=скверы", {"city"}),
        ("author=dana", {"city"}),
        ("date_from=2000-01-01", {"city", "sport"}),
        ("date_to=2000-01-01", set()),
        ("language=kk", set()),
    ],
)
def test_filters(client, content, query, expected):
    data = client.get(f"/api/v1/articles/?{query}").json()
    assert {item["id"] for item in data["results"]} == {content[k].pk for k in expected}


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=x",
        "page_size=1000",
        "date_from=yesterday",
        "section=nope",
        "language=de",
        "colour=red",
        "date_from=2026-02-02&date_to=2026-01-01",
    ],
)
def test_bad_parameters_get_400_with_a_reason(client, content, query):
    response = client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]


def test_pagination_links(client, content):
    first = client.get("/api/v1/articles/?page_size=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1
    assert first["next"].endswith("page_size=1&page=2")
    second = client.get("/api/v1/articles/?page_size=1&page=2").json()
    assert second["previous"] and second["next"] is None


def test_conditional_get_and_cors(client, content):
    response = client.get("/api/v1/articles/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert (
        client.get(
            "/api/v1/articles/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
        ).status_code
        == 304
    )
    options = client.options("/api/v1/articles/")
    assert options.status_code == 204 and "GET" in options["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/articles/").status_code == 405


def test_sections_authors_tags(client, content):
    assert {s["slug"] for s in client.get("/api/v1/sections/").json()["results"]} == {
        "city",
        "sport",
    }
    authors = {a["slug"] for a in client.get("/api/v1/authors/").json()["results"]}
    assert "dana" in authors
    assert {t["name"] for t in client.get("/api/v1/tags/").json()["results"]} >= {"скверы"}


def test_search_endpoint_finds_word_forms(client, content):
    data = client.get("/api/v1/search/?q=сквером").json()
    assert [item["id"] for item in data["results"]] == [content["city"].pk]
    assert client.get("/api/v1/search/?q=").status_code == 400
    assert client.get("/api/v1/search/?q=" + "я" * 201).status_code == 400


def test_openapi_document_is_valid_and_served(client):
    validate(DOCUMENT)
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200 and "/articles/" in docs.content.decode()
