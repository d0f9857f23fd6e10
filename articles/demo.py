"""Demo content loader: authors, categories, tags and articles from demo_data, updated in place by slug."""

import io
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from conditions.models import Condition

from . import demo_data
from .models import Article, Author, Category, Reference, Status, Tag

# Demo logins (clinic/demo_accounts.py) that write under a demo byline: the author has a draft to finish.
DEMO_LOGINS = {"ruth-abernathy": "author", "dana-whitfield": "editor"}
IMAGE_SIZE = (1600, 900)
REVIEW_INTERVAL = timedelta(days=365)
STATUS_FOR_STATE = {
    "published": Status.PUBLISHED,
    "scheduled": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "in_review": Status.IN_REVIEW,
}


def load():
    """Create or update this app's demo content in place."""
    authors = {entry["slug"]: _load_author(entry) for entry in demo_data.AUTHORS}
    categories = {
        entry["slug"]: Category.objects.update_or_create(slug=entry["slug"], defaults=entry)[0]
        for entry in demo_data.CATEGORIES
    }
    tags = {
        entry["slug"]: Tag.objects.update_or_create(slug=entry["slug"], defaults=entry)[0]
        for entry in demo_data.TAGS
    }
    for entry in demo_data.ARTICLES:
        _load_article(entry, authors, categories, tags)


def _load_author(entry):
    fields = {key: entry[key] for key in ("display_name", "credentials", "role", "bio", "may_review")}
    username = DEMO_LOGINS.get(entry["slug"])
    if username:
        # The demo logins may be made after this loader; make the user now, without a usable password,
        # and clinic/demo_accounts.py sets the password and the group when it runs.
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Author.objects.filter(user=user).exclude(slug=entry["slug"]).update(user=None)
        fields["user"] = user
    return Author.objects.update_or_create(slug=entry["slug"], defaults=fields)[0]


# An older explainer leads the home page, so the demo shows that editors choose it, not the calendar.
FEATURED_SLUG = "how-ketamine-works-in-the-brain"


def _load_article(entry, authors, categories, tags):
    today = timezone.localdate()
    state = entry["state"]
    published_at = None
    if state == "published":
        published_at = _at_nine(today - timedelta(days=entry["days_ago"]))
    elif state == "scheduled":
        published_at = _at_nine(today + timedelta(days=max(1, abs(entry["days_ago"]))))
    reviewer = authors.get(entry.get("reviewer") or "")
    last_reviewed = None
    if reviewer and entry.get("reviewed_days_ago") is not None:
        last_reviewed = today - timedelta(days=entry["reviewed_days_ago"])
    original = entry.get("originally_published_in") or {}
    image = entry.get("image") or {}
    article, _ = Article.objects.update_or_create(
        slug=entry["slug"],
        defaults={
            "title": entry["title"],
            "dek": entry.get("dek", ""),
            "author": authors[entry["author"]],
            "reviewer": reviewer,
            "category": categories.get(entry.get("category") or ""),
            "status": STATUS_FOR_STATE[state],
            "published_at": published_at,
            "last_reviewed": last_reviewed,
            "next_review_due": last_reviewed + REVIEW_INTERVAL if last_reviewed else None,
            "excerpt": entry.get("excerpt", ""),
            "key_takeaways": "\n".join(entry.get("key_takeaways", [])),
            "body": entry["body"],
            "original_publication_name": original.get("name", ""),
            "original_publication_url": original.get("url", ""),
            "featured_image_alt": image.get("alt", ""),
            "featured_image_caption": image.get("caption", ""),
            "is_featured": entry["slug"] == FEATURED_SLUG,
        },
    )
    article.tags.set([tags[slug] for slug in entry.get("tags", [])])
    article.related_conditions.set(Condition.objects.filter(slug__in=entry.get("related_conditions", [])))
    _load_references(article, entry.get("references", []))
    colors = image.get("colors")
    if colors and not (
        article.featured_image and article.featured_image.storage.exists(article.featured_image.name)
    ):
        article.featured_image.save(f"{article.slug}.jpg", ContentFile(_gradient(colors)), save=False)
        article.save(update_fields=["featured_image"])

    # Reloading is not an edit: date the last change to the review (or publication) the data describes.
    changed = max(filter(None, [published_at, last_reviewed and _at_nine(last_reviewed)]), default=None)
    if changed and changed <= timezone.now():
        Article.objects.filter(pk=article.pk).update(updated_at=changed)


def _load_references(article, references):
    for order, reference in enumerate(references, start=1):
        Reference.objects.update_or_create(
            article=article,
            order=order,
            defaults={
                "text": reference["text"],
                "url": reference.get("url") or "",
                "doi": reference.get("doi") or "",
            },
        )
    article.references.filter(order__gt=len(references)).delete()


def _at_nine(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _gradient(colors) -> bytes:
    """Return a JPEG blending two colours left to right: a calm, local stand-in for a photo."""
    start, end = (Image.new("RGB", IMAGE_SIZE, color) for color in (colors[0], colors[-1]))
    mask = Image.linear_gradient("L").rotate(90).resize(IMAGE_SIZE)
    out = io.BytesIO()
    Image.composite(end, start, mask).save(out, format="JPEG", quality=85)
    return out.getvalue()
