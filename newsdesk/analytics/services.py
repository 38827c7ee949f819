"""Writes: WAL segments into the database, hourly rollups, retention."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncHour
from django.utils import timezone

from .models import ArticleHour, Event, VisitorSalt
from .wal import segments_claim

logger = logging.getLogger(__name__)
READ_THROUGH_DEPTH = 75


def _event_from_record(record: dict) -> Event:
    return Event(
        uid=uuid.UUID(record["uid"]),
        ts=datetime.fromtimestamp(record["ts"], tz=UTC),
        name=record["n"],
        source=record["src"],
        article_id=record["a"],
        section_id=record["s"],
        author_ids=record["au"],
        path=record["path"],
        pageview_id=record["pv"],
        referrer_host=record["rh"],
        referrer_kind=record["rk"],
        device=record["dev"],
        visitor=record["v"],
        is_bot=record["bot"],
        engaged_seconds=record["es"],
        scroll_depth=record["sd"],
        props=record["p"],
    )


def wal_flush() -> tuple[int, datetime | None]:
    """Move every finished WAL segment into the database; return (events, earliest time).

    One transaction per segment with ``bulk_create``; the segment is deleted only after the
    commit. Events carry a unique id, so a segment replayed after a crash between commit
    and delete stores nothing twice.
    """
    stored, earliest = 0, None
    for segment in segments_claim():
        try:
            events = []
            for line in segment.data.split(b"\n"):
                if not line:
                    continue
                try:
                    events.append(_event_from_record(json.loads(line)))
                except (ValueError, KeyError, TypeError):
                    # Only a write cut short by a kill can leave a broken line, and such a
                    # request was never acknowledged.
                    logger.warning("Skipping a broken line in %s", segment.path.name)
            with transaction.atomic():
                Event.objects.bulk_create(events, batch_size=1000, ignore_conflicts=True)
            segment.unlink()
        finally:
            segment.release()
        stored += len(events)
        if events:
            first = min(event.ts for event in events)
            earliest = first if earliest is None else min(earliest, first)
    return stored, earliest


def rollups_build(*, since: datetime, until: datetime | None = None) -> int:
    """Recompute the hourly rollups of every hour from ``since`` to ``until``.

    Rebuilding is idempotent, so the worker may run it as often as it likes; returns the
    number of rollup rows written.
    """
    start = since.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    end = (until or timezone.now()).astimezone(UTC)
    events = Event.objects.filter(ts__gte=start, ts__lte=end).annotate(
        hour=TruncHour("ts", tzinfo=UTC)
    )
    rows: dict[tuple[int, datetime], ArticleHour] = {}

    def row(article_id: int, hour: datetime) -> ArticleHour:
        key = (article_id, hour)
        if key not in rows:
            rows[key] = ArticleHour(article_id=article_id, hour=hour)
        return rows[key]

    pageviews = events.filter(name="pageview").values("article_id", "hour")
    for item in pageviews.annotate(
        views=Count("id", filter=Q(is_bot=False)),
        bots=Count("id", filter=Q(is_bot=True)),
        visitors=Count("visitor", distinct=True, filter=Q(is_bot=False) & ~Q(visitor="")),
    ):
        target = row(item["article_id"], item["hour"])
        target.views, target.bot_views, target.visitors = (
            item["views"],
            item["bots"],
            item["visitors"],
        )
    engagement = (
        events.filter(name="engagement", is_bot=False)
        .exclude(pageview_id="")
        .values("article_id", "hour", "pageview_id")
        .annotate(seconds=Max("engaged_seconds"), depth=Max("scroll_depth"))
    )
    for item in engagement:
        target = row(item["article_id"], item["hour"])
        target.engaged_views += 1
        target.engaged_seconds += item["seconds"]
        target.read_through += item["depth"] >= READ_THROUGH_DEPTH
    with transaction.atomic():
        ArticleHour.objects.filter(hour__gte=start, hour__lte=end).delete()
        ArticleHour.objects.bulk_create(rows.values(), batch_size=1000)
    return len(rows)


def events_purge(*, now: datetime | None = None) -> tuple[int, int]:
    """Delete raw events past the retention period and salts older than a day.

    Returns (events deleted, salts deleted). Rollups are kept: they hold no visitor ids.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NEWSDESK_ANALYTICS_RETENTION_DAYS)
    events, _ = Event.objects.filter(ts__lt=cutoff).delete()
    salts, _ = VisitorSalt.objects.filter(day__lt=now.date()).delete()
    return events, salts


def analytics_flush_all() -> int:
    """Flush the WAL and rebuild the rollups of the hours it touched; returns events stored."""
    stored, earliest = wal_flush()
    if earliest is not None:
        rollups_build(since=earliest)
    return stored
