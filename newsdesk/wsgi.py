"""WSGI entry point used by granian (see scripts/serve.sh)."""

import os

from django.core.wsgi import get_wsgi_application

from newsdesk.pagecache.wsgi import PageCacheApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

application = PageCacheApplication(get_wsgi_application())
