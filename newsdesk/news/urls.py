from django.urls import path

from . import feeds, views

app_name = "news"
urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("feeds/rss/", feeds.ArticlesFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.ArticlesAtomFeed(), name="feed_atom"),
    path("feeds/yandex/", feeds.YandexFeed(), name="feed_yandex"),
    path("feeds/sections/<slug:slug>/rss/", feeds.SectionFeed(), name="feed_section_rss"),
    path("feeds/sections/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="feed_section_atom"),
    path("feeds/authors/<slug:slug>/rss/", feeds.AuthorFeed(), name="feed_author_rss"),
    path("feeds/authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="feed_author_atom"),
    path("feeds/tags/<str:slug>/rss/", feeds.TagFeed(), name="feed_tag_rss"),
    path("feeds/tags/<str:slug>/atom/", feeds.TagAtomFeed(), name="feed_tag_atom"),
]
