"""Test settings: fast hashing, an in-memory cache and tasks that run at once."""

from .base import *  # noqa: F403
from .base import DATA_DIR

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": CACHES["renditions"],  # noqa: F405
    "template_fragments": CACHES["template_fragments"],  # noqa: F405
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tasks run inside each publish here: making ~10 renditions per article would double the
# suite's time. news/tests/test_renditions.py turns it on.
NEWSDESK_RENDITIONS_ON_PUBLISH = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = DATA_DIR / "test-media"
# Tests render pages without running collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
NEWSDESK_DEMO = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Tests serve static files through Django's finders (the live server does); WhiteNoise
# would only warn that collectstatic has not run.
MIDDLEWARE = [entry for entry in MIDDLEWARE if not entry.startswith("whitenoise.")]  # noqa: F405
# Beacons sent by browser tests must not land in the development log.
NEWSDESK_ANALYTICS_WAL_DIR = DATA_DIR / "test-analytics-wal"
NEWSDESK_ANALYTICS_FLUSH_INTERVAL = 0
# The page cache is off for most tests (they change content behind Wagtail's signals);
# newsdesk/pagecache/tests turn it on.
PAGECACHE_ENABLED = False
