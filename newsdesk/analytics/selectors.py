"""Reads: the figures shown on the dashboards and printed by ``analytics_report``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from django.db.models import Count, F, Sum
from django.db.models.functions import TruncDate, TruncMinute
from django.utils import timezone

from .models import ArticleHour, Event

PERIOD = re.compile(r"^(\d{1,3})([hd])$")
PERIODS = ("24h", "7d", "30d", "90d")
REFERRER_KINDS = ("search", "social", "direct", "other", "internal")


def period_parse(text: str) -> timedelta:
    """``24h`` or ``7d`` as a timedelta; ValueError for anything else."""
    match = PERIOD.match(text.strip())
    if not match or int(match[1]) == 0:
        raise ValueError(text)
    amount = int(match[1])
    return timedelta(hours=amount) if match[2] == "h" else timedelta(days=amount)


def _pageviews(since: datetime, until: datetime, article_id: int | None):
    events = Event.objects.filter(name="pageview", is_bot=False, ts__gte=since, ts__lte=until)
    return events if article_id is None else events.filter(article_id=article_id)


def figures(
    *, period: timedelta, article_id: int | None = None, now: datetime | None = None
) -> dict:
    """Every figure of a period, site-wide or for one article.

    Views, engagement and read-through come from the hourly rollups (kept for ever);
    unique visitors, referrers and devices from the raw events (kept for the retention
    period), because distinct visitors cannot be summed across hours.
    """
    until = now or timezone.now()
    since = until - period
    hours = ArticleHour.objects.filter(
        hour__gte=since.astimezone(UTC).replace(minute=0, second=0, microsecond=0),
        hour__lte=until,
    )
    if article_id is not None:
        hours = hours.filter(article_id=article_id)
    totals = hours.aggregate(
        views=Sum("views"),
        bot_views=Sum("bot_views"),
        engaged_views=Sum("engaged_views"),
        engaged_seconds=Sum("engaged_seconds"),
        read_through=Sum("read_through"),
    )
    totals = {key: value or 0 for key, value in totals.items()}
    engaged = totals["engaged_views"]
    pageviews = _pageviews(since, until, article_id)
    visitors = pageviews.exclude(visitor="").values("visitor").distinct().count()
    referrers = dict.fromkeys(REFERRER_KINDS, 0)
    for row in pageviews.values("referrer_kind").annotate(n=Count("id")):
        if row["referrer_kind"] in referrers:
            referrers[row["referrer_kind"]] = row["n"]
    referrer_hosts = list(
        pageviews.exclude(referrer_host="")
        .exclude(referrer_kind="internal")
        .values("referrer_host", "referrer_kind")
        .annotate(views=Count("id"))
        .order_by("-views", "referrer_host")[:20]
    )
    devices = {
        row["device"]: row["n"]
        for row in pageviews.values("device").annotate(n=Count("id")).order_by("-n")
    }
    by_day = period > timedelta(days=2)
    series_rows = (
        hours.annotate(bucket=TruncDate("hour", tzinfo=UTC)).values("bucket")
        if by_day
        else hours.values(bucket=F("hour"))
    )
    views_by_bucket = {
        row["bucket"].isoformat(): row["views"]
        for row in series_rows.annotate(views=Sum("views")).order_by("bucket")
    }
    series = [
        {"bucket": bucket, "views": views_by_bucket.get(bucket, 0)}
        for bucket in _buckets(since, until, by_day=by_day)
    ]
    result = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "views": totals["views"],
        "visitors": visitors,
        "bot_views": totals["bot_views"],
        "avg_engaged_seconds": round(totals["engaged_seconds"] / engaged, 1) if engaged else 0,
        "read_through": round(totals["read_through"] / engaged, 3) if engaged else 0,
        "referrers": referrers,
        "referrer_hosts": referrer_hosts,
        "devices": devices,
        "series": series,
        "series_unit": "day" if by_day else "hour",
    }
    if article_id is None:
        result["top_articles"] = top_articles(hours=hours)
    return result


def _buckets(since: datetime, until: datetime, *, by_day: bool) -> list[str]:
    """Every day or hour of the period, so quiet ones show as empty bars, not gaps."""
    if by_day:
        day, last = since.astimezone(UTC).date(), until.astimezone(UTC).date()
        days = []
        while day <= last:
            days.append(day.isoformat())
            day += timedelta(days=1)
        return days
    hour = since.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    hours = []
    while hour <= until:
        hours.append(hour.isoformat())
        hour += timedelta(hours=1)
    return hours


def top_articles(*, hours, limit: int = 20) -> list[dict]:
    """The most viewed articles among the given rollup rows, with their titles."""
    from wagtail.models import Page

    rows = list(
        hours.exclude(article_id=0)
        .values("article_id")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by("-views", "article_id")[:limit]
    )
    titles = dict(
        Page.objects.filter(id__in=[row["article_id"] for row in rows]).values_list("id", "title")
    )
    for row in rows:
        row["title"] = titles.get(row["article_id"], f"#{row['article_id']}")
    return rows


def realtime(*, now: datetime | None = None, minutes: int = 30) -> dict:
    """Views per minute, visitors and top pages of the last ``minutes`` minutes (raw events)."""
    until = now or timezone.now()
    since = until - timedelta(minutes=minutes)
    pageviews = _pageviews(since, until, None)
    per_minute = {
        row["minute"]: row["n"]
        for row in pageviews.annotate(minute=TruncMinute("ts", tzinfo=UTC))
        .values("minute")
        .annotate(n=Count("id"))
    }
    start = since.astimezone(UTC).replace(second=0, microsecond=0)
    series = [
        {"bucket": (start + timedelta(minutes=i)).isoformat(), "views": 0}
        for i in range(minutes + 1)
    ]
    for row in series:
        row["views"] = per_minute.get(datetime.fromisoformat(row["bucket"]), 0)
    return {
        "views": pageviews.count(),
        "visitors": pageviews.exclude(visitor="").values("visitor").distinct().count(),
        "pages": list(
            pageviews.values("path").annotate(views=Count("id")).order_by("-views", "path")[:10]
        ),
        "series": series,
    }
