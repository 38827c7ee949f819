"""Raw reader events, their hourly rollups and the daily salts of cookieless visitor ids.

Article, section and author ids are plain integers rather than foreign keys: events are
written in bulk from the write-ahead log, and an article deleted later must not take its
history (or a flush) down with it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """One thing a reader did: a page view, an engagement update or a named event."""

    class Source(models.TextChoices):
        SCRIPT = "js", _("script")
        PIXEL = "pixel", _("noscript image")

    uid = models.UUIDField(unique=True)  # replaying a WAL segment twice stores nothing twice
    ts = models.DateTimeField(db_index=True)
    name = models.CharField(max_length=16)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.SCRIPT)
    article_id = models.PositiveIntegerField(default=0)  # 0: not an article page
    section_id = models.PositiveIntegerField(default=0)
    author_ids = models.CharField(max_length=100, blank=True)
    path = models.CharField(max_length=500)
    pageview_id = models.CharField(max_length=32, blank=True)
    referrer_host = models.CharField(max_length=255, blank=True)
    referrer_kind = models.CharField(max_length=8, blank=True)
    device = models.CharField(max_length=8, blank=True)
    # Hash of (daily salt, site, IP, user agent); empty for bots and Global Privacy Control.
    visitor = models.CharField(max_length=32, blank=True)
    is_bot = models.BooleanField(default=False)
    engaged_seconds = models.PositiveIntegerField(default=0)
    scroll_depth = models.PositiveSmallIntegerField(default=0)
    props = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["article_id", "ts"], name="analytics_event_article_ts")]

    def __str__(self) -> str:
        return f"{self.name} {self.path} {self.ts:%Y-%m-%d %H:%M}"


class ArticleHour(models.Model):
    """Figures of one article (0: other pages) in one hour, built by the worker."""

    article_id = models.PositiveIntegerField()
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)
    visitors = models.PositiveIntegerField(default=0)
    bot_views = models.PositiveIntegerField(default=0)
    engaged_views = models.PositiveIntegerField(default=0)
    engaged_seconds = models.PositiveBigIntegerField(default=0)
    read_through = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("hourly rollup")
        verbose_name_plural = _("hourly rollups")
        constraints = [
            models.UniqueConstraint(fields=["article_id", "hour"], name="analytics_hour_unique")
        ]
        indexes = [models.Index(fields=["hour"], name="analytics_hour_hour")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.hour:%Y-%m-%d %H}: {self.views}"


class VisitorSalt(models.Model):
    """The secret of one day: without it yesterday's visitor hashes link to nobody."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("visitor salt")
        verbose_name_plural = _("visitor salts")

    def __str__(self) -> str:
        return str(self.day)
