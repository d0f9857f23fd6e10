from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from .images import clean_image
from .models import Article, Author, Category, Tag


class ArticleListView(ListView):
    paginate_by = 10  # ListView answers 404 on ?page=abc and ?page=99999 by itself
    heading = "Articles"

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class ArchiveView(ArticleListView):
    """A list of published articles sharing one category, tag or author; unknown slugs are 404."""

    model = None
    article_filter = ""
    context_object_name = "article_list"

    def get(self, request, *args, **kwargs):
        self.archive = get_object_or_404(self.model, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(**{self.article_filter: self.archive})

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, **kwargs)


class CategoryArchiveView(ArchiveView):
    model = Category
    article_filter = "category"

    @property
    def heading(self):
        return self.archive.name


class TagArchiveView(ArchiveView):
    model = Tag
    article_filter = "tags"

    @property
    def heading(self):
        return f"Articles tagged “{self.archive.name}”"


class AuthorArchiveView(ArchiveView):
    model = Author
    article_filter = "author"

    @property
    def heading(self):
        return self.archive.name_with_credentials


class ArticleDetailView(DetailView):
    def get_queryset(self):
        articles = Article.objects.for_detail()
        if self.request.user.is_staff:
            return articles.previewable_by(self.request.user)  # the template shows a "not published" banner
        return articles.published()

    def get_context_data(self, **kwargs):
        conditions = self.object.listed_conditions
        show_crisis_help = any(condition.show_crisis_help for condition in conditions)
        return super().get_context_data(show_crisis_help=show_crisis_help, **kwargs)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)  # a preview must never reach a shared cache
        return response


@require_POST
def upload_image(request):
    """Store an image CKEditor uploads, answering in the JSON its upload adapter reads."""
    if not (request.user.is_active and request.user.is_staff):
        return JsonResponse({"error": {"message": "Only staff can upload images."}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Choose an image file to upload."}}, status=400)
    try:
        image = clean_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    name = default_storage.save(f"uploads/{timezone.now():%Y/%m}/{image.name}", image)
    return JsonResponse({"url": default_storage.url(name)})
