"""Subscribing, confirming, unsubscribing and sending the daily digest."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from newsdesk.news.models import ArticlePage, SectionPage

from .models import DigestDelivery, Subscriber

CONFIRM_SALT = "newsdesk.subscriptions.confirm"
UNSUBSCRIBE_SALT = "newsdesk.subscriptions.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=3)
# Repeated subscribe requests send at most one confirmation e-mail per hour.
CONFIRMATION_INTERVAL = timedelta(hours=1)
EMAIL_MAX_LENGTH = 254


class TokenError(Exception):
    """A confirmation or unsubscribe link that is forged, damaged or expired."""


def email_normalize(raw: str) -> str:
    """Return a clean e-mail address or raise ValidationError with a message for the reader."""
    email = (raw or "").strip()
    if not email:
        raise ValidationError(_("Enter your e-mail address."))
    if len(email) > EMAIL_MAX_LENGTH:
        raise ValidationError(_("This e-mail address is too long."))
    validate_email(email)
    local, _at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def absolute_url(path: str) -> str:
    """An absolute URL for links in e-mails, based on the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber: Subscriber) -> str:
    # Unsubscribe links never expire: an old digest must still let the reader leave.
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=UNSUBSCRIBE_SALT)


def subscriber_from_token(token: str, *, salt: str, max_age: timedelta | None) -> Subscriber:
    """The subscriber a signed link names; raises TokenError for a bad or expired link."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenError(_("This link has expired. Subscribe again to get a new one.")) from error
    except signing.BadSignature as error:
        raise TokenError(_("This link is damaged. Copy the whole link from the e-mail.")) from error
    subscriber = Subscriber.objects.filter(pk=data.get("id"), email=data.get("email")).first()
    if subscriber is None:
        raise TokenError(_("This subscription no longer exists."))
    return subscriber


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe headers for every newsletter e-mail."""
    url = absolute_url(reverse("subscriptions:unsubscribe", args=[unsubscribe_token(subscriber)]))
    return {
        "List-Unsubscribe": f"<{url}>, <mailto:{settings.DEFAULT_FROM_EMAIL}?subject=unsubscribe>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send(subscriber: Subscriber, *, subject: str, template: str, context: dict) -> None:
    unsubscribe_url = absolute_url(
        reverse("subscriptions:unsubscribe", args=[unsubscribe_token(subscriber)])
    )
    context = {**context, "subscriber": subscriber, "unsubscribe_url": unsubscribe_url}
    with translation.override(settings.LANGUAGE_CODE):
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"subscriptions/emails/{template}.txt", context),
            to=[subscriber.email],
            headers=unsubscribe_headers(subscriber),
        )
        message.attach_alternative(
            render_to_string(f"subscriptions/emails/{template}.html", context), "text/html"
        )
    message.send()


def subscription_request(
    *, email: str, sections: list[SectionPage] | None = None, now: datetime | None = None
) -> Subscriber:
    """Start (or restart) a subscription and send the confirmation link if one is due.

    Idempotent: the same address never makes a second row, a confirmed subscriber gets no
    new e-mail, and a pending one at most one confirmation per hour. Callers answer the same
    way in every case, so the form does not reveal who is subscribed.
    """
    now = now or timezone.now()
    email = email_normalize(email)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(email=email)
            except IntegrityError:  # a parallel request created it first
                subscriber = Subscriber.objects.get(email__iexact=email)
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.PENDING
        if sections is not None:
            subscriber.sections.set(sections)
        due = (
            subscriber.confirmation_sent_at is None
            or now - subscriber.confirmation_sent_at >= CONFIRMATION_INTERVAL
        )
        if due:
            subscriber.confirmation_sent_at = now
        subscriber.save()
    if due:
        confirm_url = absolute_url(
            reverse("subscriptions:confirm", args=[confirm_token(subscriber)])
        )
        _send(
            subscriber,
            subject=_("Confirm your Newsdesk subscription"),
            template="confirm",
            context={"confirm_url": confirm_url},
        )
    return subscriber


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber:
    """Confirm the subscription a signed link names (valid for three days)."""
    subscriber = subscriber_from_token(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


@transaction.atomic
def subscription_cancel(*, token: str) -> Subscriber:
    """Unsubscribe the address a signed unsubscribe link names; safe to repeat."""
    subscriber = subscriber_from_token(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def digest_articles(*, subscriber: Subscriber, since: datetime, until: datetime) -> list:
    """Russian articles published in the window, limited to the subscriber's sections."""
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE,
            first_published_at__gte=since,
            first_published_at__lt=until,
        )
        .order_by("-first_published_at")
    )
    sections = list(subscriber.sections.all())
    if sections:
        pages = ArticlePage.objects.none()
        for section in sections:
            pages = pages | articles.child_of(section)
        articles = pages.order_by("-first_published_at")
    return list(articles[:30])


def digest_send(*, day: date, now: datetime | None = None) -> int:
    """Send the day's digest to every confirmed subscriber that has not had it; return count.

    The digest covers the 24 hours before the send hour. A subscriber with nothing new in
    their sections gets no e-mail that day.
    """
    now = now or timezone.now()
    until = timezone.make_aware(
        datetime.combine(day, datetime.min.time()).replace(hour=settings.NEWSDESK_DIGEST_HOUR)
    )
    since = until - timedelta(days=1)
    sent = 0
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).exclude(
        deliveries__day=day
    )
    for subscriber in subscribers.prefetch_related("sections"):
        articles = digest_articles(subscriber=subscriber, since=since, until=until)
        if not articles:
            continue
        try:
            # The record and the e-mail succeed or fail together: a failed send rolls the
            # record back, so the next run (a minute later) tries again.
            with transaction.atomic():
                DigestDelivery.objects.create(
                    subscriber=subscriber, day=day, article_count=len(articles)
                )
                _send(
                    subscriber,
                    subject=_("Newsdesk: the news of %(day)s") % {"day": day.strftime("%d.%m.%Y")},
                    template="digest",
                    context={"articles": articles, "day": day, "base_url": absolute_url("")},
                )
        except IntegrityError:  # another worker took this subscriber
            continue
        sent += 1
    return sent


def digest_due(*, now: datetime | None = None) -> date | None:
    """The local day whose digest is due now (after the send hour), or None before it."""
    local = timezone.localtime(now or timezone.now())
    if local.hour < settings.NEWSDESK_DIGEST_HOUR:
        return None
    return local.date()
