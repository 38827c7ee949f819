"""Bookmarks, the reading streak, and passwordless sign-in with merging."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsdesk.news.models import ArticlePage

from .models import Bookmark, Reader, ReadingDay, UsedSignInToken

SIGNIN_SALT = "newsdesk.reader.signin"
SIGNIN_MAX_AGE = timedelta(minutes=15)
MAX_STREAK_DAYS = 4000  # days sent by a browser are capped: ten years is plenty


class SignInError(Exception):
    """A sign-in link that is forged, damaged, expired or already used."""


def today_local() -> date:
    """Today's date in the site's time zone (Asia/Almaty by default)."""
    return timezone.localdate()


# --- Bookmarks ---------------------------------------------------------------------------


def article_live_get(*, article_id: int) -> ArticlePage | None:
    """A published article by id, or None (missing, draft or unpublished)."""
    return ArticlePage.objects.live().public().filter(pk=article_id).first()


def bookmark_add(*, reader: Reader, article: ArticlePage) -> Bookmark:
    """Save an article to the reader's bookmarks (saving twice keeps one)."""
    bookmark, _created = Bookmark.objects.get_or_create(reader=reader, article=article)
    return bookmark


def bookmark_remove(*, reader: Reader, article_id: int) -> None:
    """Remove an article from the reader's bookmarks, if it is there."""
    Bookmark.objects.filter(reader=reader, article_id=article_id).delete()


def bookmark_toggle(*, reader: Reader, article: ArticlePage) -> bool:
    """Add the bookmark if missing, remove it if present; True when it is now saved."""
    deleted, _kinds = Bookmark.objects.filter(reader=reader, article=article).delete()
    if deleted:
        return False
    bookmark_add(reader=reader, article=article)
    return True


def bookmarks_for(*, reader: Reader | None) -> list[Bookmark]:
    """The reader's bookmarks of published articles, newest saved first."""
    if reader is None:
        return []
    live = ArticlePage.objects.live().public().values("pk")
    return list(
        Bookmark.objects.filter(reader=reader, article__in=live)
        .select_related("article", "article__lead_image")
        .order_by("-created_at", "-pk")
    )


# --- Streak ------------------------------------------------------------------------------


def streak_current(days: Iterable[date], today: date) -> int:
    """Consecutive days with a read, ending today (or yesterday, if today has none yet).

    A reader who read yesterday but not yet today keeps the streak until the day ends; a
    missed day breaks it, and the next read starts again at 1.
    """
    read = set(days)
    day = today if today in read else today - timedelta(days=1)
    count = 0
    while day in read:
        count += 1
        day -= timedelta(days=1)
    return count


def streak_longest(days: Iterable[date]) -> int:
    """The longest run of consecutive reading days."""
    ordered = sorted(set(days))
    longest = run = 0
    previous = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return longest


def streak_phrase(count: int) -> str:
    """«Провели подряд N дней с нами» with the right plural form for N."""
    return ngettext("%(count)s day in a row with us", "%(count)s days in a row with us", count) % {
        "count": count
    }


def reading_days(*, reader: Reader) -> list[date]:
    return list(reader.reading_days.order_by("day").values_list("day", flat=True))


def reading_day_record(*, reader: Reader, day: date) -> None:
    """Record that a signed-in reader read an article on ``day`` (once per day)."""
    ReadingDay.objects.get_or_create(reader=reader, day=day)


def parse_days(raw: str, *, today: date) -> list[date]:
    """Days sent by a browser as comma-separated ISO dates; bad or future ones are dropped."""
    days = []
    for item in raw.split(",")[:MAX_STREAK_DAYS]:
        try:
            day = date.fromisoformat(item.strip())
        except ValueError:
            continue
        if day <= today:
            days.append(day)
    return days


# --- Sign-in -----------------------------------------------------------------------------


def signin_link_send(*, email: str, base_url: str) -> None:
    """Mail a single-use sign-in link valid for 15 minutes (to any address: no enumeration)."""
    token = signing.dumps({"email": email.strip().lower()}, salt=SIGNIN_SALT)
    link = base_url.rstrip("/") + reverse("reader:signin_confirm", args=[token])
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("reader/emails/signin.txt", {"link": link})
        send_mail(_("Sign in to Newsdesk"), body, None, [email.strip()])


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def signin_email_check(*, token: str) -> str:
    """The e-mail a sign-in link is for; raises SignInError if it cannot be used."""
    try:
        data = signing.loads(token, salt=SIGNIN_SALT, max_age=SIGNIN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise SignInError(_("This link has expired. Ask for a new one.")) from error
    except signing.BadSignature as error:
        raise SignInError(
            _("This link is damaged. Copy the whole link from the e-mail.")
        ) from error
    if UsedSignInToken.objects.filter(token_hash=_token_hash(token)).exists():
        raise SignInError(_("This link has already been used. Ask for a new one."))
    return data["email"]


@transaction.atomic
def signin_complete(*, token: str, anonymous: Reader | None, browser_days: list[date]):
    """Use a sign-in link: find or create the account, merge the anonymous reader into it.

    Returns the user to log in. The link works once.
    """
    email = signin_email_check(token=token)
    try:
        with transaction.atomic():
            UsedSignInToken.objects.create(token_hash=_token_hash(token))
    except IntegrityError as error:
        raise SignInError(_("This link has already been used. Ask for a new one.")) from error
    UsedSignInToken.objects.filter(used_at__lt=timezone.now() - 2 * SIGNIN_MAX_AGE).delete()
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first()
    if user is None:
        user = user_model.objects.create_user(username=email[:150], email=email)
    account_reader, _created = Reader.objects.get_or_create(user=user)
    if anonymous is not None and anonymous.pk != account_reader.pk:
        reader_merge(source=anonymous, target=account_reader)
    for day in browser_days:
        reading_day_record(reader=account_reader, day=day)
    return user


def reader_merge(*, source: Reader, target: Reader) -> None:
    """Move the source reader's bookmarks and reading days to the target, then drop it."""
    for bookmark in source.bookmarks.all():
        moved, created = Bookmark.objects.get_or_create(
            reader=target, article_id=bookmark.article_id
        )
        if created:  # keep the original saving time, so the list order stays the reader's
            Bookmark.objects.filter(pk=moved.pk).update(created_at=bookmark.created_at)
    for day in source.reading_days.values_list("day", flat=True):
        ReadingDay.objects.get_or_create(reader=target, day=day)
    source.delete()
