"""Dashboard URLs, mounted under the Wagtail admin (which requires an admin login)."""

from django.urls import path

from . import views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("article/<int:page_id>/", views.article_dashboard_view, name="article"),
]
