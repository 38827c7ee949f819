"""Routing and fragments: remembered pages need no query; what is kept follows purges."""

from __future__ import annotations

from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from newsdesk.news import routing
from newsdesk.news.models import ArticlePage, HomePage
from newsdesk.news.tests.factories import article_make
from newsdesk.pagecache import store
from newsdesk.people.models import Author
from newsdesk.people.tests.factories import AuthorFactory

BODY_TEXT = "Дорожка длиной четыре километра соединила два парка."


def test_sections_articles_and_misses(client, site_tree):
    _home, sections = site_tree
    article = article_make(sections["city"], slug="bike-lane")
    assert client.get(sections["city"].url).status_code == 200
    assert BODY_TEXT in client.get(article.url).content.decode()
    assert client.get(sections["city"].url + "no-such-story/").status_code == 404
    assert client.get(article.url + "deeper/").status_code == 404
    # An article with the right slug in another section is not found under this one.
    assert client.get(sections["sport"].url + "bike-lane/").status_code == 404


def test_unpublished_article_is_not_found(client, site_tree):
    _home, sections = site_tree
    article = article_make(sections["city"], slug="withdrawn")
    assert client.get(article.url).status_code == 200
    Page.objects.get(pk=article.pk).specific.unpublish()
    assert client.get(article.url).status_code == 404


def test_home_page_edit_is_seen_by_routing(client, site_tree, rf):
    home, _sections = site_tree
    assert client.get("/").status_code == 200
    assert routing.site_and_root(rf.get("/"))[1].title == home.title  # remembered now
    revision = HomePage.objects.get(pk=home.pk)
    revision.title = "Новости региона"
    revision.save_revision().publish()  # a purge: every process forgets the root page
    site, root = routing.site_and_root(rf.get("/"))
    assert root.title == "Новости региона" and isinstance(root, HomePage)
    assert site.root_page_id == home.pk


def test_making_a_page_private_drops_its_public_copy(client, site_tree, settings):
    settings.PAGECACHE_ENABLED = True
    _home, sections = site_tree
    article = article_make(sections["city"], slug="private-later")
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "HIT"

    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=article.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="редакция-2026",
    )
    response = client.get(article.url)
    assert response.status_code == 200 and "X-Cache" not in response
    assert BODY_TEXT not in response.content.decode()
    assert 'type="password"' in response.content.decode()

    restriction.delete()
    response = client.get(article.url)
    assert BODY_TEXT in response.content.decode()


def test_private_section_protects_its_articles(client, site_tree):
    _home, sections = site_tree
    article = article_make(sections["city"], slug="inside-private-section")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=sections["city"].pk),
        restriction_type=PageViewRestriction.LOGIN,
    )
    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert ArticlePage.objects.get(pk=article.pk).get_view_restrictions().exists()


def test_fragments_follow_a_purge_made_by_another_process(client, site_tree, settings):
    settings.PAGECACHE_RECHECK_SECONDS = 0
    _home, sections = site_tree
    author = AuthorFactory(name="Данияр Оспанов")
    article = article_make(sections["city"], authors=[author], slug="byline-change")
    assert "Данияр Оспанов" in client.get(article.url).content.decode()
    # The byline changes in another process: no signal here, only its purge reaches us.
    Author.objects.filter(pk=author.pk).update(name="Данияр Оспан")
    assert "Данияр Оспанов" in client.get(article.url).content.decode()  # fragment kept
    cache.set(store.SEQ_KEY, "purged-elsewhere")
    assert "Данияр Оспан<" in client.get(article.url).content.decode().replace("\n", "")


def test_a_remembered_article_follows_each_publish_but_not_drafts(client, site_tree, settings):
    settings.PAGECACHE_ENABLED = False  # every request renders: routing is what is tested
    _home, sections = site_tree
    article = article_make(sections["city"], slug="remembered")
    assert BODY_TEXT in client.get(article.url).content.decode()
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.lede = "Черновик, который читатели не увидят."
    draft.save_revision()
    assert "Черновик" not in client.get(article.url).content.decode()
    draft.get_latest_revision().publish()  # a purge: the article is looked up again
    assert "Черновик" in client.get(article.url).content.decode()


def test_requests_for_missing_pages_do_not_crowd_out_real_ones(
    client, site_tree, settings, django_assert_num_queries
):
    settings.PAGECACHE_ENABLED = False
    _home, sections = site_tree
    article = article_make(sections["city"], slug="crowded")
    for number in range(300):
        assert client.get(f"{sections['city'].url}missing-{number}/").status_code == 404
    client.get(article.url)
    with django_assert_num_queries(0):
        assert client.get(article.url).status_code == 200
