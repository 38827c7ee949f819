"""The search page: ``/search/?q=…`` with section and date filters and pagination."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from newsdesk.news.selectors import sections_for_navigation

from .forms import SearchForm
from .selectors import SearchInputError, search_articles

PER_PAGE = 10
# Results change when articles are published; a minute of shared caching absorbs bursts.
CACHE_SECONDS = 60


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """Show the form and, for a query, one page of results in the current language.

    Bad input (overlong query, unknown section, bad date or page) answers 400 with the
    reason on the page; a page past the last answers 404 with a link back.
    """
    locale = Locale.get_active()
    form = SearchForm(request.GET or None, sections=sections_for_navigation(locale=locale))
    context: dict = {"form": form, "results": None, "error": None}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        context["error"] = " ".join(
            str(message) for messages in form.errors.values() for message in messages
        )
    elif form.is_bound and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        try:
            results = search_articles(
                query=data["q"],
                section_slug=data["section"] or None,
                date_from=data["date_from"],
                date_to=data["date_to"],
                locale=locale,
                page=data["page"] or 1,
                per_page=PER_PAGE,
            )
        except SearchInputError as error:
            status = 400
            context["error"] = str(error)
        else:
            context["results"] = results
            if results.page > results.num_pages:
                status = 404
    response = render(request, "search/search_page.html", context, status=status)
    if status == 400:
        patch_cache_control(response, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
