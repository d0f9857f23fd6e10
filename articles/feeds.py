from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from domain.crisis_text import fill
from domain.models import SiteProfile

from .models import Article

FEED_ITEMS = 20


class LatestArticlesFeed(Feed):
    """RSS 2.0 feed of the newest published articles, with author, categories and excerpt."""

    @property
    def profile(self):
        return SiteProfile.objects.for_request(self.request)

    def title(self):
        return _("%(site)s: articles") % {"site": self.profile.name}

    def description(self):
        return fill(self.profile.tagline, self.profile) or _("New articles from our clinicians.")

    def link(self):
        return reverse("articles:list")

    def feed_url(self):
        return reverse("articles:feed")

    def items(self):
        return Article.objects.published().for_listing().order_by("-published_at")[:FEED_ITEMS]

    def item_title(self, article):
        return fill(article.title, self.profile)

    def item_description(self, article):
        return fill(article.summary, self.profile)

    def item_author_name(self, article):
        return article.author.name_with_credentials

    def item_author_link(self, article):
        return self.request.build_absolute_uri(article.author.get_absolute_url())

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        names = [article.category.name] if article.category_id else []
        return [fill(name, self.profile) for name in names + [tag.name for tag in article.tags.all()]]

    def get_feed(self, obj, request):
        self.request = request  # safe: each request gets its own instance (feed_view below)
        return super().get_feed(obj, request)


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("articles:feed_atom")


def rss_feed(request):
    return LatestArticlesFeed()(request)


def atom_feed(request):
    return LatestArticlesAtomFeed()(request)
