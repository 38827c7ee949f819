"""Production: refuses to start without a secret key; HTTPS settings on unless told otherwise."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production refuses to run without it.")

DEBUG = False
# Behind a TLS-terminating proxy in production; `make run` on a laptop sets this to false.
NEWSDESK_HTTPS = env_bool("NEWSDESK_HTTPS", True)
SECURE_SSL_REDIRECT = NEWSDESK_HTTPS
SESSION_COOKIE_SECURE = NEWSDESK_HTTPS
CSRF_COOKIE_SECURE = NEWSDESK_HTTPS
SECURE_HSTS_SECONDS = (
    int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if NEWSDESK_HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = NEWSDESK_HTTPS
SECURE_HSTS_PRELOAD = NEWSDESK_HTTPS
if env_bool("NEWSDESK_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Wagtail's live preview shows the page in a same-origin iframe, so frames stay SAMEORIGIN
# (set in base) rather than DENY; cross-origin framing is still refused.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
