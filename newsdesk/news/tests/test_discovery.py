"""Feeds, sitemaps, robots.txt and the structured data in page heads."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.news.services import article_create
from newsdesk.news.tests.factories import article_make
from newsdesk.people.tests.factories import AuthorFactory
from tests.html_validation import vnu_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree):
    _home, sections = site_tree
    author = AuthorFactory(name="Гульнара Омарова", slug="gulnara")
    published = article_make(
        sections["city"],
        slug="published",
        title="Открыт новый мост",
        authors=[author],
        tags=("мосты",),
    )
    old = article_make(
        sections["sport"],
        slug="old",
        title="Старая новость спорта",
        published_at=timezone.now() - timedelta(days=5),
    )
    draft = article_create(
        section=sections["city"],
        title="Черновик не для читателей",
        slug="draft",
        lede="Лид.",
        body=[],
        authors=[author],
        publish=False,
    )
    gone = article_make(
        sections["city"],
        slug="gone",
        title="Снятая с публикации статья",
        authors=[author],
        tags=("мосты",),
    )
    gone.unpublish()
    return {"published": published, "old": old, "draft": draft, "gone": gone, "author": author}


FEEDS = [
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/yandex/",
    "/feeds/sections/city/rss/",
    "/feeds/sections/city/atom/",
    "/feeds/authors/gulnara/rss/",
    "/feeds/authors/gulnara/atom/",
    "/feeds/tags/мосты/rss/",
    "/feeds/tags/мосты/atom/",
]


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_and_hold_only_published_articles(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert "Открыт новый мост" in titles
    assert "Черновик не для читателей" not in titles
    assert "Снятая с публикации статья" not in titles
    entry = feed.entries[titles.index("Открыт новый мост")]
    assert entry.link.endswith(content["published"].url)
    assert entry.get("published_parsed") or entry.get("updated_parsed")


def test_rss_has_full_text_and_image_enclosure(client, content):
    feed = feedparser.parse(client.get("/feeds/rss/").content)
    entry = next(e for e in feed.entries if e.title == "Открыт новый мост")
    assert "Дорожка длиной четыре километра" in entry.content[0].value
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    assert enclosure.href.startswith("http://testserver/media/")
    assert entry.author == "Гульнара Омарова"


def test_yandex_feed_has_full_text_and_genre(client, content):
    root = ET.fromstring(client.get("/feeds/yandex/").content)
    ns = {"yandex": "http://news.yandex.ru"}
    item = next(i for i in root.iter("item") if i.findtext("title") == "Открыт новый мост")
    assert "Дорожка длиной четыре километра" in item.findtext("yandex:full-text", namespaces=ns)
    assert item.findtext("yandex:genre", namespaces=ns) == "message"
    assert item.find("enclosure").get("type") == "image/jpeg"


def test_unknown_feed_objects_are_404(client, content):
    assert client.get("/feeds/sections/nope/rss/").status_code == 404
    assert client.get("/feeds/authors/nope/rss/").status_code == 404
    assert client.get("/feeds/tags/nope/rss/").status_code == 404


def test_sitemaps_list_only_published_pages(client, content):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>([^<]+)</loc>", index.content.decode())
    assert any(loc.endswith("/sitemap-articles.xml") for loc in sections)
    articles = client.get("/sitemap-articles.xml").content.decode()
    assert content["published"].url in articles and content["old"].url in articles
    assert "/city/draft/" not in articles and "/city/gone/" not in articles
    assert "/authors/gulnara/" in client.get("/sitemap-authors.xml").content.decode()
    assert "/city/" in client.get("/sitemap-sections.xml").content.decode()
    ET.fromstring(client.get("/sitemap-tags.xml").content)


def test_news_sitemap_covers_the_last_48_hours(client, content):
    response = client.get("/sitemap-news.xml")
    root = ET.fromstring(response.content)
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "n": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    titles = [u.findtext("n:news/n:title", namespaces=ns) for u in root.findall("s:url", ns)]
    assert "Открыт новый мост" in titles
    assert "Старая новость спорта" not in titles and "Черновик не для читателей" not in titles
    url = root.find("s:url", ns)
    assert url.findtext("n:news/n:publication/n:language", namespaces=ns) == "ru"


def test_robots_points_to_the_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text


def jsonld(html: str) -> list:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_article_has_newsarticle_jsonld_and_sharing_tags(client, content, tmp_path):
    article = content["published"]
    html = client.get(article.url).content.decode()
    [data] = jsonld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title
    assert len(data["image"]) == 3 and all(
        u.startswith("http://testserver/") for u in data["image"]
    )
    assert data["datePublished"] and data["dateModified"]
    assert data["author"] == [
        {"@type": "Person", "name": "Гульнара Омарова", "url": "http://testserver/authors/gulnara/"}
    ]
    assert data["publisher"]["logo"]["url"].endswith(".png")
    assert f'<link rel="canonical" href="http://testserver{article.url}">' in html
    for tag in (
        'property="og:title"',
        'property="og:image"',
        'name="twitter:card"',
        'property="og:url"',
    ):
        assert tag in html
    author_html = client.get(reverse("news:author", args=["gulnara"])).content.decode()
    assert jsonld(author_html)[0]["@type"] == "Person"
    home_html = client.get("/").content.decode()
    [site_data] = jsonld(home_html)
    assert {d["@type"] for d in site_data} == {"WebSite", "NewsMediaOrganization"}
    assert vnu_errors({"article": html, "author": author_html, "home": home_html}, tmp_path) == []


def test_hreflang_links_where_translations_exist(client, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    from newsdesk.news.models import ArticlePage

    call_command("load_demo", seed=tmp_path / "absent.txt", stdout=StringIO())
    translated = ArticlePage.objects.get(
        slug="astana-weather-spring-snowfall", locale__language_code="ru"
    )
    html = client.get(translated.url).content.decode()
    for code in ("ru", "kk", "en", "x-default"):
        assert f'<link rel="alternate" hreflang="{code}"' in html
    single = (
        ArticlePage.objects.filter(locale__language_code="ru")
        .exclude(slug="astana-weather-spring-snowfall")
        .first()
    )
    assert '<link rel="alternate" hreflang' not in client.get(single.url).content.decode()
