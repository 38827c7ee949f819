"""WSGI entry point used by granian (see scripts/serve.sh)."""

import os

from django.core.wsgi import get_wsgi_application

from newsdesk.analytics.wsgi import beacon_dispatch

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

application = beacon_dispatch(get_wsgi_application())
