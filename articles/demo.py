"""Demo content loader: authors, categories, tags and articles from content/demo/articles/, updated in place.

Each article is content/demo/articles/<slug>.html: YAML fields between '---' lines, then the HTML body, whose
[@key] citations become the numbered references (README, "Editing content").
"""

import io
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from conditions.models import Condition
from domain.content import (
    ContentError,
    check_images,
    check_lengths,
    demo_dir,
    documents,
    load_library,
    load_people,
    number_citations,
    read_list,
)
from domain.models import cite
from infrastructure.cache import one_invalidation
from library.translations import TranslationLoader, translation_folders

from .models import Article, Author, Category, Status, Tag

# Demo logins (clinic/demo_accounts.py) that write under a demo byline: the author has a draft to finish.
DEMO_LOGINS = {"ruth-abernathy": "author", "dana-whitfield": "editor"}
IMAGE_SIZE = (1600, 900)
STATUS_FOR_STATE = {
    "published": Status.PUBLISHED,
    "scheduled": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "in_review": Status.IN_REVIEW,
}
AUTHOR_FIELDS = {"slug", "role", "bio"}
ARTICLE_FIELDS = {
    "title", "dek", "author", "reviewer", "reviewed", "next_review_due", "category", "tags", "state",
    "days_ago",
    "excerpt", "key_takeaways", "related_conditions", "originally_published_in", "image", "references",
}  # fmt: skip
IMAGE_FIELDS = {"alt", "caption", "colors"}


@transaction.atomic
def load(library=None, folder=None):
    """Create or update this app's demo content in place; folder is the demo's (content/demo/)."""
    library = library or load_library()
    demo = folder or demo_dir()
    folder = demo / "articles"
    # The demo's writers are people of the demo; the library's reviewers may write too.
    people = {**library.people, **load_people(demo / "people.yaml")}
    authors = {}
    for entry in read_list(folder / "_authors.yaml"):
        entry.check_fields(AUTHOR_FIELDS, required=["slug"])
        authors[entry.values["slug"]] = _load_author(entry, people)
    categories, tags = {}, {}
    for entry in read_list(folder / "_categories.yaml"):
        entry.check_fields({"slug", "name", "description"}, required=["slug", "name"])
        categories[entry.values["slug"]] = Category.objects.update_or_create(
            slug=entry.values["slug"], defaults={k: v for k, v in entry.values.items() if k != "slug"}
        )[0]
    for entry in read_list(folder / "_tags.yaml"):
        entry.check_fields({"slug", "name"}, required=["slug", "name"])
        tags[entry.values["slug"]] = Tag.objects.update_or_create(
            slug=entry.values["slug"], defaults={"name": entry.values["name"]}
        )[0]
    for document in documents(folder):
        _load_article(document, library, authors, categories, tags)
    with one_invalidation():  # what the translations change is dropped once, at the end
        for language, translated in translation_folders(demo).items():
            _load_label_translations(translated / "articles", language, library, categories, tags, authors)
            for document in documents(translated / "articles"):
                _load_translation(document, language, library)


LABEL_TRANSLATIONS = {
    "_categories.yaml": ("categories", ("name", "description")),
    "_tags.yaml": ("tags", ("name",)),
    "_authors.yaml": ("authors", ("role", "bio")),
}


def _load_label_translations(folder, language, library, categories, tags, authors):
    """The categories', tags' and bylines' words in another language, each by its English slug."""
    known = {"categories": categories, "tags": tags, "authors": authors}
    loader = TranslationLoader(library, language)
    for name, (kind, fields) in LABEL_TRANSLATIONS.items():
        if not (folder / name).exists():
            continue
        for entry in read_list(folder / name):
            entry.check_fields({"slug", *fields, "translator", "reviewer", "reviewed"}, required=["slug"])
            original = known[kind].get(entry.values["slug"])
            if original is None:
                raise entry.error("slug", f"no {kind[:-1] if kind != 'categories' else 'category'} "
                                  f"'{entry.values['slug']}' to translate")  # fmt: skip
            values = {field: str(entry.values.get(field) or "").strip() for field in fields}
            loader.save(original, values, entry)


TRANSLATION_FIELDS = {
    "title", "dek", "excerpt", "key_takeaways", "featured_image_alt", "featured_image_caption", "seo_title",
    "seo_description", "translator", "reviewer", "reviewed", "next_review_due", "passages",
}  # fmt: skip


def _load_translation(document, language, library):
    """An article's translation (content/demo/<language>/articles/<the article's slug>.html)."""
    meta = document.meta
    meta.check_fields(TRANSLATION_FIELDS, required=["title"])
    check_images(document)
    article = Article.objects.filter(slug=document.slug).first()
    if article is None:
        raise meta.error("title", f"no article '{document.slug}' to translate (content/demo/articles/)")
    loader = TranslationLoader(library, language)
    entry = meta.values
    values = {
        "title": entry["title"],
        "dek": entry.get("dek", ""),
        "excerpt": entry.get("excerpt", ""),
        "key_takeaways": "\n".join(entry.get("key_takeaways") or []),
        "body": loader.body(document, article),
        **{name: entry.get(name, "") for name in ("featured_image_alt", "featured_image_caption", "seo_title",
                                                  "seo_description")},
    }  # fmt: skip
    loader.save(article, values, meta)


def _load_author(entry, people):
    slug = entry.values["slug"]
    if slug not in people:
        raise entry.error("slug", f"unknown person '{slug}': add their name to content/demo/people.yaml")
    fields = {key: entry.values.get(key) or "" for key in ("role", "bio")}
    fields["person"] = people[slug]
    username = DEMO_LOGINS.get(slug)
    if username:
        # The demo logins may be made after this loader; make the user now, without a usable password,
        # and clinic/demo_accounts.py sets the password and the group when it runs.
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Author.objects.filter(user=user).exclude(slug=slug).update(user=None)
        fields["user"] = user
    return Author.objects.update_or_create(slug=slug, defaults=fields)[0]


# An older explainer leads the home page, so the demo shows that editors choose it, not the calendar.
FEATURED_SLUG = "how-ketamine-works-in-the-brain"


def _known(meta, key, known, what):
    value = meta.values.get(key)
    if value and value not in known:
        raise meta.error(key, f"unknown {what} '{value}'")
    return known.get(value) if value else None


def _load_article(document, library, authors, categories, tags):
    meta = document.meta
    meta.check_fields(ARTICLE_FIELDS, required=["title", "author", "state"])
    check_images(document)
    entry = meta.values
    today = timezone.localdate()
    state = entry["state"]
    if state not in STATUS_FOR_STATE:
        raise meta.error("state", f"'state' must be one of: {', '.join(STATUS_FOR_STATE)}")
    published_at = None
    if state == "published":
        published_at = _at_nine(today - timedelta(days=entry.get("days_ago") or 0))
    elif state == "scheduled":
        published_at = _at_nine(today + timedelta(days=max(1, abs(entry.get("days_ago") or 1))))
    author = _known(meta, "author", authors, "author")
    review = library.review_fields(meta)
    last_reviewed = review["last_reviewed"]
    unknown_tag = next((slug for slug in entry.get("tags") or [] if slug not in tags), None)
    if unknown_tag:
        raise meta.error("tags", f"unknown tag '{unknown_tag}'")
    original = entry.get("originally_published_in") or {}
    image = entry.get("image") or {}
    if image and set(image) - IMAGE_FIELDS:
        raise meta.error("image", f"unknown image field; the fields are: {', '.join(sorted(IMAGE_FIELDS))}")
    if image and not str(image.get("alt") or "").strip():
        raise meta.error("image", "missing alt text: describe the image in image.alt")
    sources = library.sources_of(meta, "references")
    body = number_citations(document, [source.key for source in sources], "references")
    defaults = {
        "title": entry["title"],
        "dek": entry.get("dek", ""),
        "author": author,
        "reviewer": review["reviewer"],
        "category": _known(meta, "category", categories, "category"),
        "status": STATUS_FOR_STATE[state],
        "published_at": published_at,
        "last_reviewed": last_reviewed,
        "next_review_due": review["next_review_due"],
        "excerpt": entry.get("excerpt", ""),
        "key_takeaways": "\n".join(entry.get("key_takeaways") or []),
        "body": body,
        "original_publication_name": original.get("name", ""),
        "original_publication_url": original.get("url", ""),
        "featured_image_alt": image.get("alt", ""),
        "featured_image_caption": image.get("caption", ""),
        "is_featured": document.slug == FEATURED_SLUG,
    }
    check_lengths(Article, defaults, meta)
    article, _ = Article.objects.update_or_create(slug=document.slug, defaults=defaults)
    article.tags.set([tags[slug] for slug in entry.get("tags") or []])
    related = entry.get("related_conditions") or []
    conditions = list(Condition.objects.filter(slug__in=related))
    if len(conditions) != len(set(related)):
        missing = sorted(set(related) - {condition.slug for condition in conditions})
        raise ContentError(meta.path, meta.line_of("related_conditions"), f"unknown condition '{missing[0]}'")
    article.related_conditions.set(conditions)
    cite(article, sources)
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


def _at_nine(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _gradient(colors) -> bytes:
    """Return a JPEG blending two colours left to right: a calm, local stand-in for a photo."""
    start, end = (Image.new("RGB", IMAGE_SIZE, color) for color in (colors[0], colors[-1]))
    mask = Image.linear_gradient("L").rotate(90).resize(IMAGE_SIZE)
    out = io.BytesIO()
    Image.composite(end, start, mask).save(out, format="JPEG", quality=85)
    return out.getvalue()
