"""Who the reader is: their account if signed in, else a signed first-party cookie.

The cookie is set only when a reader first does something worth keeping (a bookmark or a
sign-in); a reader who only reads gets no cookie. A cookie whose signature does not match
is ignored, never trusted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .models import Reader

COOKIE_NAME = "nd_reader"
COOKIE_SALT = "newsdesk.reader.cookie"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the longest lifetime browsers allow


def reader_from_request(request: HttpRequest) -> Reader | None:
    """The request's reader, or None for a reader the site does not know yet."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        reader, _created = Reader.objects.get_or_create(user=user)
        return reader
    raw = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if not raw:
        return None
    try:
        reader_id = uuid.UUID(raw)
    except ValueError:
        return None
    return Reader.objects.filter(pk=reader_id, user__isnull=True).first()


def reader_ensure(request: HttpRequest) -> tuple[Reader, bool]:
    """The request's reader, created when missing; True when the cookie must be set."""
    reader = reader_from_request(request)
    if reader is not None:
        return reader, False
    return Reader.objects.create(), True


def reader_cookie_set(response: HttpResponse, reader: Reader) -> None:
    """Remember an anonymous reader in a signed, HttpOnly, SameSite=Lax cookie."""
    response.set_signed_cookie(
        COOKIE_NAME,
        str(reader.pk),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
