"""Thin views: Django adapters of the beacon endpoints and the admin dashboards.

In production ``newsdesk.wsgi`` answers ``/e/`` and ``/e.gif`` before Django (see
``wsgi.py``); these URL views call the same ingest functions so the endpoints also work
where only Django's handler runs: the test live server and ``runserver``.
"""

from __future__ import annotations

import csv
from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from . import selectors
from .charts import svg_bars
from .ingest import GIF, beacon_ingest, pixel_ingest


@csrf_exempt  # cached pages carry no token; cross-site beacons are refused in ingest
def beacon_view(request: HttpRequest) -> HttpResponse:
    """POST /e/: the JSON beacon."""
    if request.method != "POST":
        response = HttpResponse(status=405)
        response["Allow"] = "POST"
        return response
    verdict = beacon_ingest(request.META, request.body[: 8 * 1024 + 1])
    if verdict.status == 204:
        response = HttpResponse(status=204)
    else:
        response = JsonResponse({"error": verdict.reason}, status=verdict.status)
        if verdict.retry_after:
            response["Retry-After"] = str(verdict.retry_after)
    response["Cache-Control"] = "no-store"
    return response


def pixel_view(request: HttpRequest) -> HttpResponse:
    """GET /e.gif: the noscript pixel; always the GIF."""
    pixel_ingest(request.META)
    response = HttpResponse(GIF, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


def _period(request: HttpRequest) -> tuple[str, timedelta]:
    name = request.GET.get("period", "7d")
    if name not in selectors.PERIODS:
        name = "7d"
    return name, selectors.period_parse(name)


def _csv(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Cyrillic right
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def _tables(data: dict) -> dict[str, tuple[list[str], list[list]]]:
    tables = {
        "series": ([_("Period"), _("Views")], [[r["bucket"], r["views"]] for r in data["series"]]),
        "referrers": ([_("Source"), _("Views")], [[k, v] for k, v in data["referrers"].items()]),
        "sites": (
            [_("Site"), _("Source"), _("Views")],
            [[r["referrer_host"], r["referrer_kind"], r["views"]] for r in data["referrer_hosts"]],
        ),
        "devices": ([_("Device"), _("Views")], [[k, v] for k, v in data["devices"].items()]),
    }
    if "top_articles" in data:
        tables["top"] = (
            [_("Article"), _("ID"), _("Views"), _("Visitors (sum of hours)")],
            [
                [r["title"], r["article_id"], r["views"], r["visitors"]]
                for r in data["top_articles"]
            ],
        )
    return tables


def _dashboard(request: HttpRequest, *, article: Page | None) -> HttpResponse:
    period_name, period = _period(request)
    data = selectors.figures(period=period, article_id=article.id if article else None)
    tables = _tables(data)
    table = request.GET.get("csv")
    if table:
        if table not in tables:
            raise Http404(table)
        name = f"analytics-{article.id if article else 'site'}-{table}-{period_name}"
        return _csv(name, *tables[table])
    context = {
        "article": article,
        "data": data,
        "period_name": period_name,
        "periods": selectors.PERIODS,
        "chart": svg_bars(
            [(row["bucket"][:16].replace("T", " "), row["views"]) for row in data["series"]],
            label=_("Views over the period"),
        ),
        "read_through_percent": round(data["read_through"] * 100),
    }
    if article is None:
        live = selectors.realtime()
        context["realtime"] = live
        context["realtime_chart"] = svg_bars(
            [(row["bucket"][11:16], row["views"]) for row in live["series"]],
            label=_("Views per minute, last 30 minutes"),
            height=90,
        )
    return render(request, "analytics/dashboard.html", context)


def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Site-wide figures in the admin."""
    return _dashboard(request, article=None)


def article_dashboard_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """One article's figures in the admin (linked from its edit screen)."""
    page = Page.objects.filter(id=page_id).first()
    if page is None:
        raise Http404(page_id)
    return _dashboard(request, article=page.specific)
