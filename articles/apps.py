from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils import timezone

from infrastructure import cache, page_cache


def _sync_roles(sender, using, apps=None, **kwargs):
    from .roles import sync_roles

    if apps is not None:
        sync_roles(apps, using=using)


def _next_publication():
    from .lifecycle import SCHEDULED
    from .models import Article

    # A scheduled article goes live by the clock, with no save: cached pages must end by then.
    return (
        Article.objects.filter(SCHEDULED.q(timezone.now()))
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def _went_public(since):
    from infrastructure.cache_tags import tags_changed_by

    from .models import Article

    # What publishing each one by a save would have dropped: its page, the lists, its neighbours' pages.
    articles = Article.objects.published().filter(published_at__gt=since)
    return {
        f"article:{article.pk}:{article.published_at.timestamp()}": tags_changed_by(article, created=True)
        for article in articles
    }


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Models another app adds after our role migration still reach the groups.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="articles.sync_roles")

        from domain import redirects
        from editorial import dashboard
        from infrastructure import page_holes

        from . import more_articles
        from .models import Article, Author, Category, Tag
        from .workflow import editorial_panel

        # A published article's old address, and every author, category and tag page's, keeps answering.
        redirects.follow_address_changes(Article, is_public=lambda article: article.is_public)
        for model in (Author, Category, Tag):
            redirects.follow_address_changes(model)
        dashboard.register(editorial_panel)
        page_cache.schedule(_next_publication, _went_public)
        page_holes.register(more_articles.HOLE, more_articles.fill)
        # An article's workflow steps and comments are for staff; view counts are written by UPDATE, unseen.
        cache.never_on_public_pages("articles.workflowevent")
