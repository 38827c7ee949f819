from django.urls import path

from . import views

app_name = "reader"
urlpatterns = [
    path("reader/", views.profile, name="profile"),
    path("reader/bookmarks/", views.bookmarks, name="bookmarks"),
    path("reader/bookmarks/<int:article_id>/", views.bookmark_toggle, name="bookmark_toggle"),
    path("reader/state.json", views.state, name="state"),
    path("reader/read/", views.read, name="read"),
    path("reader/signin/", views.signin, name="signin"),
    path("reader/signin/<str:token>/", views.signin_confirm, name="signin_confirm"),
    path("reader/signout/", views.signout, name="signout"),
]
