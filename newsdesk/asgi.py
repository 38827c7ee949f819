"""ASGI entry point, for servers that prefer it; the default is WSGI (wsgi.py)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")

application = get_asgi_application()
