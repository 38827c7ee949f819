"""Settings shared by every environment; each value can come from an environment variable.

The defaults make a working embedded site: SQLite in WAL mode under ``data/``, a file cache,
the database task queue. ``DATABASE_URL`` and ``REDIS_URL`` switch to PostgreSQL and Redis.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
DATA_DIR = Path(os.environ.get("NEWSDESK_DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" count as yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable into a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Demo mode creates the demo editor account; never on in production.
NEWSDESK_DEMO = env_bool("NEWSDESK_DEMO", False)
NEWSDESK_SITE_NAME = os.environ.get("NEWSDESK_SITE_NAME", "Newsdesk")
NEWSDESK_SEED_PAGE = Path(
    os.environ.get("NEWSDESK_SEED_PAGE", BASE_DIR.parent / "shared" / "seed" / "reference-page.txt")
)

# Five Wagtail apps come with our config (core/wagtail_apps.py): the same apps, without
# registering routes on Wagtail's REST API, which Newsdesk does not mount.
INSTALLED_APPS = [
    "newsdesk.core",
    "newsdesk.people",
    "newsdesk.news",
    "newsdesk.subscriptions",
    "newsdesk.reader",
    "newsdesk.api",
    "wagtail.contrib.settings",
    "newsdesk.core.wagtail_apps.RedirectsConfig",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "newsdesk.core.wagtail_apps.SnippetsConfig",
    "newsdesk.core.wagtail_apps.DocumentsConfig",
    "newsdesk.core.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "newsdesk.core.wagtail_apps.LocalesConfig",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "newsdesk.news.context_processors.navigation",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "newsdesk.sqlite3",
            # Opening a connection (and its PRAGMAs) per request cost more than a page render.
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                # WAL lets readers work while the worker writes; IMMEDIATE avoids
                # "database is locked" upgrades from read to write locks.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis"))
if DATABASE_IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
        }
    }
else:
    # A file cache is shared by all server processes on one machine, unlike local memory.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": DATA_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Wagtail writes a rendition to its cache on every use, hit or not: a file (or Redis) write
# per photo per render was the slowest part of a page. Each process keeps them in memory
# instead and drops them with its in-memory pages on every purge (an edited photo purges).
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# Template fragments ({% cache %}: header, footer, article body) likewise: a dictionary
# lookup instead of a file read or a Redis round trip each, dropped on every purge.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template_fragments",
    "TIMEOUT": 86400,
    "OPTIONS": {"MAX_ENTRIES": 600},
}
PAGECACHE_LOCAL_CACHES = ("renditions", "template_fragments")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_USER_MODEL = "people.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("kk", _("Kazakh")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = os.environ.get("NEWSDESK_TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("NEWSDESK_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("NEWSDESK_MEDIA_ROOT", DATA_DIR / "media"))
# Without a front server, Django serves uploaded media itself (see docs/deploy.md).
NEWSDESK_SERVE_MEDIA = env_bool("NEWSDESK_SERVE_MEDIA", True)
# The worker makes every rendition an article's readers will ask for when it goes live
# (news/renditions.py); off, the first reader's request makes each one.
NEWSDESK_RENDITIONS_ON_PUBLISH = env_bool("NEWSDESK_RENDITIONS_ON_PUBLISH", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = NEWSDESK_SITE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.NewsImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]

# --- E-mail (subscriptions, sign-in links) ---
# Console by default; a folder of .eml files with NEWSDESK_EMAIL_FILE_PATH; SMTP when
# DJANGO_EMAIL_HOST is set.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
if os.environ.get("NEWSDESK_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["NEWSDESK_EMAIL_FILE_PATH"]
if os.environ.get("DJANGO_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["DJANGO_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsdesk@localhost")

# --- Feeds: full text in RSS/Atom (content:encoded); Yandex's feed always has it ---
NEWSDESK_FEEDS_FULL_TEXT = env_bool("NEWSDESK_FEEDS_FULL_TEXT", True)

# --- Subscriptions ---
# Local hour (NEWSDESK_TIME_ZONE) after which the daily digest goes out.
NEWSDESK_DIGEST_HOUR = int(os.environ.get("NEWSDESK_DIGEST_HOUR", "8"))

# --- Clock: tasks that `manage.py run_clock` enqueues every minute ---
NEWSDESK_CLOCK_JOBS = [
    "newsdesk.news.tasks.publish_scheduled_pages",
    "newsdesk.subscriptions.tasks.digest_send_due",
]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("NEWSDESK_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- analytics (newsdesk.analytics): first-party reader analytics --------------------------
INSTALLED_APPS.append("newsdesk.analytics")
# Append-only write-ahead log of accepted events, one segment per server process.
NEWSDESK_ANALYTICS_WAL_DIR = Path(
    os.environ.get("NEWSDESK_ANALYTICS_WAL_DIR", DATA_DIR / "analytics-wal")
)
# "batch": fsync every flush interval (a killed process loses nothing; a power cut may lose
# the last interval). "always": fsync before every acknowledgement.
NEWSDESK_ANALYTICS_FSYNC = os.environ.get("NEWSDESK_ANALYTICS_FSYNC", "batch")
NEWSDESK_ANALYTICS_WAL_SEGMENT_BYTES = int(
    os.environ.get("NEWSDESK_ANALYTICS_WAL_SEGMENT_BYTES", 4 * 1024 * 1024)
)
# Seconds between WAL segment rotations (and flush jobs for the worker) in each server
# process; 0 switches the housekeeping thread off.
NEWSDESK_ANALYTICS_FLUSH_INTERVAL = float(os.environ.get("NEWSDESK_ANALYTICS_FLUSH_INTERVAL", 2))
NEWSDESK_ANALYTICS_RETENTION_DAYS = int(os.environ.get("NEWSDESK_ANALYTICS_RETENTION_DAYS", 90))
# Per-IP token bucket of the beacon endpoints: refill per second and burst size.
NEWSDESK_ANALYTICS_RATE_PER_IP = float(os.environ.get("NEWSDESK_ANALYTICS_RATE_PER_IP", 10))
NEWSDESK_ANALYTICS_BURST = float(os.environ.get("NEWSDESK_ANALYTICS_BURST", 60))
# --- newsdesk.search: full-text search with Russian morphology (docs/search.md) ---
INSTALLED_APPS.append("newsdesk.search")
# --- pagecache (issue 6): full-page cache, scale-out (sessions, S3 media), static caching ---
INSTALLED_APPS.append("newsdesk.pagecache")
# Outermost, so it stores the response with every header the other middleware add.
MIDDLEWARE.insert(0, "newsdesk.pagecache.middleware.PageCacheMiddleware")
# Outermost: compresses what the page cache did not (signed-in pages, uncached
# responses). Cached pages arrive with their stored gzip or brotli variant and pass by.
# Django's GZip pads its output against BREACH.
MIDDLEWARE.insert(0, "django.middleware.gzip.GZipMiddleware")
# {% cache %} blocks in page templates are keyed on this app's fragment version.
TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "newsdesk.pagecache.context_processors.fragments"
)
PAGECACHE_ENABLED = env_bool("NEWSDESK_PAGE_CACHE", True)
PAGECACHE_CACHE_CONTROL = os.environ.get(
    "NEWSDESK_PAGE_CACHE_CONTROL", "public, max-age=60, s-maxage=300, stale-while-revalidate=600"
)
PAGECACHE_TIMEOUT = int(os.environ.get("NEWSDESK_PAGE_CACHE_TIMEOUT", "86400"))
# How long a process may answer from its in-memory copies before it checks for purges made
# by other processes (0: on every request, at the cost of a shared-cache read per hit).
PAGECACHE_RECHECK_SECONDS = float(os.environ.get("NEWSDESK_PAGE_CACHE_RECHECK", "1"))
# Paths sharing one purge token: every article change purges all feeds and sitemaps.
PAGECACHE_GROUP_PREFIXES = ("/feeds/", "/sitemap", "/robots.txt")
PAGECACHE_EXCLUDE_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")
# Optional CDN purge hook: the worker POSTs {"urls": [...]} here after a purge.
NEWSDESK_CDN_PURGE_URL = os.environ.get("NEWSDESK_CDN_PURGE_URL", "")
NEWSDESK_CDN_PURGE_TOKEN = os.environ.get("NEWSDESK_CDN_PURGE_TOKEN", "")
if REDIS_URL:
    # Sessions in Redis (backed by the database), shared by every app process.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Hashed static files get "max-age=315360000, immutable" from WhiteNoise; this is for the rest.
WHITENOISE_MAX_AGE = int(os.environ.get("NEWSDESK_STATIC_MAX_AGE", "3600"))
# Media on S3-compatible storage (AWS, MinIO, Yandex Object Storage…) via django-storages.
NEWSDESK_S3_BUCKET = os.environ.get("NEWSDESK_S3_BUCKET", "")
if NEWSDESK_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSDESK_S3_BUCKET,
            "endpoint_url": os.environ.get("NEWSDESK_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("NEWSDESK_S3_REGION") or None,
            "access_key": os.environ.get("NEWSDESK_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("NEWSDESK_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("NEWSDESK_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    NEWSDESK_SERVE_MEDIA = False
