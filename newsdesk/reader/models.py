"""Readers (with or without an account), their bookmarks and the days they read."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reader(models.Model):
    """A reader, known by a signed cookie until they sign in; then tied to their account."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reader",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reader")
        verbose_name_plural = _("readers")

    def __str__(self) -> str:
        return str(self.user) if self.user_id else str(self.id)


class Bookmark(models.Model):
    """An article a reader saved to «Закладки»."""

    reader = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="bookmarks")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.UniqueConstraint(fields=["reader", "article"], name="one_bookmark_per_article")
        ]
        indexes = [models.Index(fields=["reader", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.reader} → {self.article_id}"


class ReadingDay(models.Model):
    """A calendar day (site time zone) on which a signed-in reader read an article."""

    reader = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="reading_days")
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("reading day")
        verbose_name_plural = _("reading days")
        constraints = [models.UniqueConstraint(fields=["reader", "day"], name="one_row_per_day")]

    def __str__(self) -> str:
        return f"{self.reader} {self.day}"


class UsedSignInToken(models.Model):
    """Sign-in links are single-use: the hash of each used token is kept until it expires."""

    token_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("used sign-in link")
        verbose_name_plural = _("used sign-in links")

    def __str__(self) -> str:
        return self.token_hash
