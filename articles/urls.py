from django.urls import path

from . import views
from .feeds import atom_feed, rss_feed
from .view_counts import count_view

app_name = "articles"

# Fixed paths come before the article slug route, which would otherwise swallow them.
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", rss_feed, name="feed"),
    path("feed/atom/", atom_feed, name="feed_atom"),
    path("views/<int:pk>.gif", count_view, name="count_view"),
    path("category/<slug:slug>/", views.CategoryArchiveView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("condition/<slug:slug>/", views.ConditionArchiveView.as_view(), name="condition"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
