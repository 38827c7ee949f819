"""Newsletter subscribers, digest deliveries and the site's social links."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Subscriber(models.Model):
    """An e-mail address on the newsletter; it receives digests only once confirmed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), max_length=254)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_("Empty means every section."),
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.email


class DigestDelivery(models.Model):
    """One digest sent to one subscriber for one day; the unique pair stops repeats."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    day = models.DateField(_("day"))
    article_count = models.PositiveIntegerField(_("articles"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "day"], name="one_digest_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} {self.day}"


@register_setting(icon="link")
class SocialLinks(BaseSiteSetting):
    """Links to the newsroom's social accounts, shown in the footer and subscription block."""

    instagram = models.URLField("Instagram", blank=True)
    telegram = models.URLField("Telegram", blank=True)
    youtube = models.URLField("YouTube", blank=True)
    facebook = models.URLField("Facebook", blank=True)
    x = models.URLField("X", blank=True)
    vk = models.URLField(_("VK"), blank=True)

    class Meta:
        verbose_name = _("social links")

    def links(self) -> list[tuple[str, str, str]]:
        """(key, network name, URL) for every network that has a link, in a fixed order."""
        names = [
            ("instagram", "Instagram"),
            ("telegram", "Telegram"),
            ("youtube", "YouTube"),
            ("facebook", "Facebook"),
            ("x", "X"),
            ("vk", "VK"),
        ]
        return [(key, name, getattr(self, key)) for key, name in names if getattr(self, key)]
