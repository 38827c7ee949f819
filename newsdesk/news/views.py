"""Reader pages that are not Wagtail pages: author pages and tag pages."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag
from wagtail.models import Locale
from wagtail.views import serve as wagtail_serve

from newsdesk.people.models import Author

from . import routing
from .models import LISTING_PAGE_SIZE
from .selectors import articles_by_author, articles_tagged


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An author's photo, role, status and biography, with their articles newest first."""
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    page_obj = Paginator(articles_by_author(author=author), LISTING_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "news/author_detail.html", {"author": author, "page_obj": page_obj})


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Articles with one tag in the current language, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    articles = articles_tagged(tag_slug=tag.slug, locale=Locale.get_active())
    page_obj = Paginator(articles, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
    if not page_obj.object_list and page_obj.number == 1:
        raise Http404("No articles with this tag")
    return render(request, "news/tag_detail.html", {"tag": tag, "page_obj": page_obj})


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News sitemap: articles of the last 48 hours with their publication data."""
    from .sitemaps import news_sitemap_articles

    return render(
        request,
        "news/sitemap_news.xml",
        {"articles": news_sitemap_articles()[:1000]},
        content_type="application/xml; charset=utf-8",
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: keep crawlers out of the admin and personal pages; point to the sitemaps."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /reader/",
        "Disallow: /subscribe/",
        "Disallow: /unsubscribe/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        f"Sitemap: {request.build_absolute_uri('/sitemap-news.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, routed from the root page this process remembers.

    Wagtail's view uses a route already on the request; hooks, privacy checks and
    ``serve()`` run as usual.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = routing.route(request, path)
    return wagtail_serve(request, path)
