from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
]
