from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("articles/", views.articles, name="articles"),
    path("articles/<int:article_id>/", views.article, name="article"),
    path("sections/", views.sections, name="sections"),
    path("authors/", views.authors, name="authors"),
    path("tags/", views.tags, name="tags"),
    path("search/", views.search, name="search"),
    path("openapi.json", views.openapi, name="openapi"),
    path("docs/", views.docs, name="docs"),
]
