from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("category/<slug:slug>/", views.CategoryArchiveView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorArchiveView.as_view(), name="author"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
