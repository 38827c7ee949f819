"""WSGI entry point used by granian (see scripts/serve.sh)."""

import os

from django.core.wsgi import get_wsgi_application

from newsdesk.analytics.wsgi import beacon_dispatch
from newsdesk.pagecache.wsgi import PageCacheApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

# Beacons are answered first; then cached pages; everything else reaches Django.
application = beacon_dispatch(PageCacheApplication(get_wsgi_application()))
