"""Beacon endpoints (Django adapters; production answers them in ``wsgi.py`` first).

Paths avoid the words ad-blocker lists match: no "analytics", "collect", "track", "pixel".
"""

from django.urls import path

from . import views

urlpatterns = [
    path("e/", views.beacon_view, name="analytics_beacon"),
    path("e.gif", views.pixel_view, name="analytics_pixel"),
]
