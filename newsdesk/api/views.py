"""API v1 views: read-only JSON with pagination, conditional GET and CORS.

Every view answers GET/HEAD/OPTIONS only, with ``Access-Control-Allow-Origin: *``; bad
parameters get 400 with ``{"error": ...}``; only published, public content is exposed.
"""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from taggit.models import Tag

from newsdesk.news.models import ArticlePage, SectionPage
from newsdesk.news.selectors import articles_live
from newsdesk.people.models import Author

from . import serializers
from .openapi import DOCUMENT

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
PAGE_PARAMS = {"page", "page_size"}


class BadRequest(Exception):
    """A parameter the API cannot use; the message goes back to the client."""


def _json(data, request: HttpRequest, *, last_modified=None, status: int = 200) -> HttpResponse:
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    # HTTP dates have whole seconds; a fraction would make every If-Modified-Since miss.
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if status == 200:
        conditional = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if conditional is not None:
            return conditional
    response = HttpResponse(body, status=status, content_type="application/json")
    if status == 200:
        response["ETag"] = etag
        if timestamp:
            response["Last-Modified"] = http_date(timestamp)
        response["Cache-Control"] = "public, max-age=60"
    return response


def api_view(*, allowed: set[str]):
    """GET/HEAD/OPTIONS only, CORS for everyone, unknown parameters refused with 400."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
            elif request.method not in ("GET", "HEAD"):
                response = JsonResponse({"error": _("This API is read-only.")}, status=405)
                response["Allow"] = "GET, HEAD, OPTIONS"
            else:
                unknown = sorted(set(request.GET) - allowed)
                try:
                    if unknown:
                        raise BadRequest(_("Unknown parameter: %(name)s.") % {"name": unknown[0]})
                    response = view(request, *args, **kwargs)
                except BadRequest as error:
                    response = JsonResponse({"error": str(error)}, status=400)
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            return response

        return wrapper

    return decorator


def _int_param(request: HttpRequest, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < 1 or (maximum and int(raw) > maximum):
        limit = f"1–{maximum}" if maximum else _("a positive whole number")
        raise BadRequest(_("%(name)s must be %(limit)s.") % {"name": name, "limit": limit})
    return int(raw)


def _date_param(request: HttpRequest, name: str) -> date | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise BadRequest(_("%(name)s must be a date as YYYY-MM-DD.") % {"name": name}) from error


def _paginate(request: HttpRequest, items, serialize) -> dict:
    page = _int_param(request, "page", 1)
    size = _int_param(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    count = len(items) if isinstance(items, list) else items.count()
    start = (page - 1) * size
    results = [serialize(item) for item in items[start : start + size]]

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": page,
        "page_size": size,
        "next": link(page + 1) if start + size < count else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": results,
    }


@api_view(allowed={"section", "tag", "author", "date_from", "date_to", "language"} | PAGE_PARAMS)
def articles(request: HttpRequest) -> HttpResponse:
    """Published articles, newest first, filtered by section, tag, author, dates, language."""
    queryset = articles_live()
    if section := request.GET.get("section"):
        queryset = queryset.filter(path__startswith=_section_path(section))
    if tag := request.GET.get("tag"):
        queryset = queryset.filter(tags__slug=tag).distinct()
    if author := request.GET.get("author"):
        queryset = queryset.filter(article_authors__author__slug=author).distinct()
    date_from, date_to = _date_param(request, "date_from"), _date_param(request, "date_to")
    if date_from and date_to and date_from > date_to:
        raise BadRequest(_("date_from is later than date_to."))
    if date_from:
        queryset = queryset.filter(first_published_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(first_published_at__date__lte=date_to)
    if language := request.GET.get("language"):
        if language not in ("ru", "kk", "en"):
            raise BadRequest(_("language must be ru, kk or en."))
        queryset = queryset.filter(locale__language_code=language)
    data = _paginate(request, queryset, lambda a: serializers.article_summary(a, request))
    latest = queryset.aggregate(latest=Max("last_published_at"))["latest"]
    return _json(data, request, last_modified=latest)


def _section_path(slug: str) -> str:
    section = SectionPage.objects.live().filter(slug=slug).first()
    if section is None:
        raise BadRequest(_("Unknown section: %(slug)s.") % {"slug": slug})
    return section.path


@api_view(allowed=set())
def article(request: HttpRequest, article_id: int) -> HttpResponse:
    """One published article with its body as blocks; 404 for anything unpublished."""
    # Ids beyond a 64-bit integer cannot exist (and would overflow the database driver).
    found = articles_live().filter(pk=article_id).first() if article_id < 2**63 else None
    if found is None:
        return JsonResponse({"error": _("No published article with this id.")}, status=404)
    return _json(
        serializers.article_detail(found, request), request, last_modified=found.last_published_at
    )


@api_view(allowed=PAGE_PARAMS)
def sections(request: HttpRequest) -> HttpResponse:
    queryset = SectionPage.objects.live().public().select_related("locale").order_by("path")
    return _json(
        _paginate(request, queryset, lambda s: serializers.section_data(s, request)), request
    )


@api_view(allowed=PAGE_PARAMS)
def authors(request: HttpRequest) -> HttpResponse:
    live = ArticlePage.objects.live().public().values("pk")
    queryset = Author.objects.filter(article_links__page__in=live).distinct().order_by("slug")
    return _json(
        _paginate(request, queryset, lambda a: serializers.author_data(a, request)), request
    )


@api_view(allowed=PAGE_PARAMS)
def tags(request: HttpRequest) -> HttpResponse:
    live = ArticlePage.objects.live().public().values("pk")
    queryset = (
        Tag.objects.filter(news_articlepagetag_items__content_object__in=live)
        .distinct()
        .order_by("slug")
    )
    return _json(_paginate(request, queryset, lambda t: {"slug": t.slug, "name": t.name}), request)


@api_view(allowed={"q", "section"} | PAGE_PARAMS)
def search(request: HttpRequest) -> HttpResponse:
    """Search with Russian morphology (the same index as the search page)."""
    from newsdesk.search.selectors import SearchInputError, search_articles

    query = request.GET.get("q", "")
    if not query.strip():
        raise BadRequest(_("Give a search query in q."))
    page = _int_param(request, "page", 1)
    size = _int_param(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    try:
        results = search_articles(
            query=query, section_slug=request.GET.get("section") or None, page=page, per_page=size
        )
    except SearchInputError as error:
        raise BadRequest(str(error)) from error
    return _json(_search_page(request, results, page, size), request)


def _search_page(request: HttpRequest, results, page: int, size: int) -> dict:
    found = articles_live().in_bulk([hit.page_id for hit in results.hits])
    ordered = [found[hit.page_id] for hit in results.hits if hit.page_id in found]
    return {
        "count": results.total,
        "page": page,
        "page_size": size,
        "next": None,
        "previous": None,
        "results": [serializers.article_summary(a, request) for a in ordered],
    }


@api_view(allowed=set())
def openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3 document of this API."""
    return _json(DOCUMENT, request)


def docs(request: HttpRequest) -> HttpResponse:
    """Human-readable API documentation, rendered from the OpenAPI document."""
    endpoints = [
        {
            "path": path,
            "summary": operation["get"]["summary"],
            "parameters": operation["get"].get("parameters", []),
        }
        for path, operation in DOCUMENT["paths"].items()
    ]
    return render(request, "api/docs.html", {"document": DOCUMENT, "endpoints": endpoints})
