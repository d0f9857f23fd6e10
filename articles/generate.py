"""Many realistic published articles, fast: for benchmarks and tests of the site at the size clinics reach.

Everything is deterministic (a seeded generator): authors, categories and tags of its own (slugs start with
"gen-"), three references (to shared, made-up sources) and up to three related conditions per article,
~840-word bodies with headings, lists and an image, and a few shared featured images. Rows go in with
bulk_create in batches; each body is cleaned and its derived fields computed exactly as a save does
(Article.derive_from_body), and the content cache starts a new generation at the end, since bulk_create
sends no signals.
"""

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image

from conditions.models import Condition
from domain.models import Source
from domain.richtext import clean_html
from infrastructure import cache as content_cache

from .models import Article, Author, Category, Reference, Status, Tag

PREFIX = "gen-"
BATCH = 500
IMAGE_COUNT = 4
SOURCE_COUNT = 60
IMAGE_SIZE = (1600, 900)

SUBJECTS = [
    "ketamine infusions", "esketamine nasal spray", "treatment-resistant depression", "the first session",
    "blood pressure checks", "dissociation", "maintenance sessions", "sleep after treatment",
    "integration therapy", "oral antidepressants", "anxiety before an infusion", "PTSD symptoms",
    "the observation period", "driving home", "insurance and cost", "suicidal thoughts",
]  # fmt: skip
OPENINGS = [
    "Many patients ask about", "Clinicians often explain", "Research on", "A common worry concerns",
    "Before starting, it helps to understand", "Families sometimes want to know about",
    "Our team regularly discusses", "Studies of",
]  # fmt: skip
MIDDLES = [
    "which is usually given in a clinic, with monitoring",
    "where blood pressure, heart rate and dissociation are watched closely",
    "because the response can differ a great deal from one person to the next",
    "since the evidence is strongest for depression that has not responded to other treatment",
    "while the effects on mood may appear within hours or days",
    "although the benefit often fades without a plan for maintenance",
    "and a clinician reviews the history of psychosis, heart disease and substance use first",
    "since ketamine affects blood pressure and perception for a few hours",
    "as the FDA-approved form, esketamine, is used in adults for treatment-resistant depression on its own "
    "or with an oral antidepressant, and together with one for depressive symptoms of major depression with "
    "acute suicidal thoughts or behavior",
]  # fmt: skip
CLOSINGS = [
    "Ask your clinician what this means for you.",
    "Nothing here replaces a conversation with your own doctor.",
    "The details depend on your health and your goals.",
    "Bring your questions to the consultation.",
    "Write down how you feel in the days after each session.",
    "If you are in crisis, contact {crisis line} at any time.",
]  # fmt: skip
HEADINGS = [
    "What to expect", "Who it may help", "How it is given", "Safety and monitoring", "After the session",
    "What the research says", "Costs and practicalities", "Questions to ask", "Common side effects",
]  # fmt: skip
TAG_WORDS = [
    "infusion", "esketamine", "depression", "anxiety", "ptsd", "safety", "research", "dosing", "aftercare",
    "sleep", "family", "insurance", "maintenance", "monitoring", "integration", "crisis", "evidence",
    "side effects", "first visit", "blood pressure",
]  # fmt: skip
FIRST_NAMES = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonah",
    "Kemi",
    "Luis",
]
LAST_NAMES = ["Okafor", "Lindqvist", "Mendes", "Rao", "Novak", "Haddad", "Kim", "Tanaka", "Silva", "Byrne"]
CREDENTIALS = ["MD", "PMHNP-BC", "PhD", "RN", "MD, PhD", "LCSW"]


def generate(count: int, seed: int = 12) -> int:
    """Create count published articles with everything a reader sees; return how many were made."""
    rng = random.Random(seed)
    with transaction.atomic():
        authors = _authors(rng)
        reviewers = [author for author in authors if author.may_review]
        categories = _categories()
        tags = _tags()
        sources = _sources(rng)
        conditions = list(Condition.objects.listed().values_list("pk", flat=True)) or [None]
        images, figure_url = _images()
        start = Article.objects.filter(slug__startswith=PREFIX).count()
        now = timezone.now()
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            numbers = range(start + made, start + made + size)
            articles = [
                _article(rng, n, now, authors, reviewers, categories, images, figure_url) for n in numbers
            ]
            Article.objects.bulk_create(articles)
            _relations(rng, articles, tags, conditions, sources)
            made += size
    content_cache.invalidate("articles.article")  # bulk_create sends no post_save
    return made


def _article(rng, number, now, authors, reviewers, categories, images, figure_url):
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(HEADINGS)}: {subject} ({number + 1})"
    published_at = now - timedelta(days=rng.uniform(1, 5 * 365), seconds=number)
    article = Article(
        title=title[:200],
        slug=f"{PREFIX}{number + 1}-{subject.replace(' ', '-').lower()}"[:200],
        dek=f"A plain-language guide to {subject}, reviewed by a clinician.",
        author=rng.choice(authors),
        reviewer=rng.choice(reviewers),
        category=rng.choice(categories),
        body=clean_html(_body(rng, subject, figure_url)),
        key_takeaways="\n".join(rng.choice(CLOSINGS) for _ in range(3)),
        featured_image=rng.choice(images),
        featured_image_alt=f"A calm abstract illustration for an article about {subject}.",
        featured_image_caption="Illustration.",
        status=Status.PUBLISHED,
        published_at=published_at,
        is_featured=rng.random() < 0.01,
        last_reviewed=published_at.date(),
        next_review_due=published_at.date() + timedelta(days=365),
    )
    article.derive_from_body()  # what save() would compute: reading time, excerpt, contents, heading ids
    return article


def _sentence(rng, subject):
    return f"{rng.choice(OPENINGS)} {subject}, {rng.choice(MIDDLES)}. {rng.choice(CLOSINGS)}"


def _body(rng, subject, figure_url) -> str:
    parts = []
    for heading in rng.sample(HEADINGS, 4):
        parts.append(f"<h2>{heading}</h2>")
        parts += [f"<p>{' '.join(_sentence(rng, subject) for _ in range(3))}</p>" for _ in range(2)]
        parts.append(f"<h3>{heading} in practice</h3>")
        parts.append("<ul>" + "".join(f"<li>{rng.choice(MIDDLES)}.</li>" for _ in range(3)) + "</ul>")
    parts.insert(
        4,
        f'<figure class="image"><img src="{figure_url}" alt="A diagram about {subject}" '
        'width="800" height="450"><figcaption>How a session is organised.</figcaption></figure>',
    )
    return "".join(parts)


def _relations(rng, articles, tags, conditions, sources):
    article_tags = Article.tags.through
    article_conditions = Article.related_conditions.through
    links, related, references = [], [], []
    for article in articles:
        links += [article_tags(article_id=article.pk, tag_id=tag.pk) for tag in rng.sample(tags, 3)]
        related += [
            article_conditions(article_id=article.pk, condition_id=pk)
            for pk in rng.sample(conditions, min(3, len(conditions)))
            if pk is not None
        ]
        references += [
            Reference(article=article, order=order, source=source)
            for order, source in enumerate(rng.sample(sources, 3), start=1)
        ]
    article_tags.objects.bulk_create(links)
    article_conditions.objects.bulk_create(related)
    Reference.objects.bulk_create(references)


def _sources(rng):
    """Shared source records, plainly made up: no DOI or PMID that could name a real paper."""
    sources = []
    for number in range(1, SOURCE_COUNT + 1):
        source, _ = Source.objects.get_or_create(
            key=f"{PREFIX}source-{number}",
            defaults={
                "text": f"{rng.choice(LAST_NAMES)} A, et al. Generated reference {number} about "
                f"{rng.choice(SUBJECTS)}, for load tests. {rng.randint(2010, 2025)}.",
                "url": f"https://example.org/generated-source-{number}",
            },
        )
        sources.append(source)
    return sources


def _authors(rng):
    authors = []
    for index, first in enumerate(FIRST_NAMES):
        last = LAST_NAMES[index % len(LAST_NAMES)]
        author, _ = Author.objects.get_or_create(
            slug=f"{PREFIX}{first}-{last}".lower(),
            defaults={
                "display_name": f"{first} {last}",
                "credentials": CREDENTIALS[index % len(CREDENTIALS)],
                "role": "Clinician",
                "bio": f"{first} {last} writes about ketamine treatment for patients and families.",
                "may_review": index % 3 == 0,
            },
        )
        authors.append(author)
    return authors


def _categories():
    names = ["Treatment basics", "Safety", "Research", "Living with depression", "Practical matters"]
    return [
        Category.objects.get_or_create(
            slug=f"{PREFIX}{name.lower().replace(' ', '-')}", defaults={"name": f"{name} (generated)"}
        )[0]
        for name in names
    ]


def _tags():
    return [
        Tag.objects.get_or_create(
            slug=f"{PREFIX}{word.replace(' ', '-')}", defaults={"name": f"{word} (generated)"}
        )[0]
        for word in TAG_WORDS
    ]


def _images():
    """Return the names of the shared featured images and the URL of the figure in every body."""
    names = []
    for index in range(IMAGE_COUNT + 1):
        name = f"articles/generated/cover-{index}.jpg"
        if not default_storage.exists(name):
            hue = 60 * index
            start = Image.new("RGB", IMAGE_SIZE, (90 + hue % 120, 140, 170))
            end = Image.new("RGB", IMAGE_SIZE, (230, 220 - hue % 90, 200))
            mask = Image.linear_gradient("L").rotate(90).resize(IMAGE_SIZE)
            out = io.BytesIO()
            Image.composite(end, start, mask).save(out, format="JPEG", quality=80)
            name = default_storage.save(name, ContentFile(out.getvalue()))
        names.append(name)
    return names[:-1], default_storage.url(names[-1])
