"""Settings for the app servers that test_multiprocess.py starts: production-like, with
PostgreSQL and Redis from the environment, plain static files and a few test endpoints."""

import os

from newsdesk.settings.base import *  # noqa: F403

# Each test run gets its own key space in the shared Redis database.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("MULTIPROCESS_KEY_PREFIX", "newsdesk-test")  # noqa: F405

SECRET_KEY = "multiprocess-test-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "newsdesk.pagecache.tests.multiprocess_urls"
# No collectstatic in a test: templates resolve {% static %} without a manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
