"""Deterministic factories: sequences, never random dates, with a trait per editorial state."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from articles.models import Article, Author, Category, Reference, Status, Tag
from conditions.models import (
    AdministrationRoute,
    CandidateProfile,
    Condition,
    ConditionGroup,
    ConditionRoute,
    Contraindication,
    ContraindicationKind,
    DoseBasis,
    Evidence,
    Interaction,
    RegulatoryStatus,
    Severity,
)
from domain.models import Person, Source

DAY = timedelta(days=1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    display_name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.display_name))
    credentials = "MD"
    role = "Psychiatrist"

    class Params:
        reviewer = factory.Trait(may_review=True, credentials="MD")


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    dek = "A plain-language explainer."
    author = factory.SubFactory(AuthorFactory)
    body = factory.LazyAttribute(lambda o: f"<h2>About {o.title}</h2><p>Body of {o.title}.</p>")
    status = Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - DAY),
            reviewer=factory.SubFactory(AuthorFactory, reviewer=True),
            last_reviewed=factory.LazyFunction(lambda: date.today() - DAY),
        )
        scheduled = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + DAY),
            reviewer=factory.SubFactory(AuthorFactory, reviewer=True),
            last_reviewed=factory.LazyFunction(lambda: date.today() - DAY),
        )
        in_review = factory.Trait(status=Status.IN_REVIEW)
        archived = factory.Trait(
            status=Status.ARCHIVED, published_at=factory.LazyFunction(lambda: timezone.now() - 9 * DAY)
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def related_conditions(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_conditions.set(extracted)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ["slug"]

    display_name = factory.Sequence(lambda n: f"Reviewer {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.display_name))
    credentials = "MD"
    may_review = True


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"study-{n}")
    text = factory.Sequence(lambda n: f"Author A, Author B. Study number {n}. J Psychiatry. 2020.")
    url = factory.Sequence(lambda n: f"https://doi.org/10.1000/example.{n}")


class ReferenceFactory(DjangoModelFactory):
    """An article's numbered reference; text, url and doi describe the shared source it cites."""

    class Meta:
        model = Reference
        exclude = ["text", "url", "doi"]

    article = factory.SubFactory(ArticleFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Author A, Author B. Study number {n}. J Psychiatry. 2020.")
    url = factory.Sequence(lambda n: f"https://doi.org/10.1000/example.{n}")
    doi = ""
    source = factory.LazyAttribute(lambda o: SourceFactory(text=o.text, url=o.url, doi=o.doi))


class ConditionGroupFactory(DjangoModelFactory):
    class Meta:
        model = ConditionGroup
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    order = factory.Sequence(lambda n: n)


class ConditionFactory(DjangoModelFactory):
    class Meta:
        model = Condition

    name = factory.Sequence(lambda n: f"Condition {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    group = factory.SubFactory(ConditionGroupFactory)
    summary = factory.LazyAttribute(lambda o: f"What {o.name} is, in a sentence.")
    description = factory.LazyAttribute(lambda o: f"<p>About {o.name}.</p>")
    evidence = Evidence.EMERGING
    order = factory.Sequence(lambda n: n)

    class Params:
        hidden = factory.Trait(is_listed=False)


class AdministrationRouteFactory(DjangoModelFactory):
    class Meta:
        model = AdministrationRoute

    name = factory.Sequence(lambda n: f"Route {n}")
    short_name = factory.Sequence(lambda n: f"R{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    summary = "A way of giving the medicine."
    medication = "Racemic ketamine"
    regulatory_status = RegulatoryStatus.OFF_LABEL
    dose_min = Decimal("0.5")
    dose_max = Decimal("0.5")
    dose_unit = "mg"
    dose_basis = DoseBasis.PER_KG
    session_length = "About 40 minutes"
    schedule_induction = "Six sessions over two to three weeks"
    schedule_maintenance = "Boosters as needed"
    observation_period = "About 30 to 60 minutes"
    setting = "Clinic"
    monitoring = "Blood pressure and heart rate"
    onset = "Hours to days"
    order = factory.Sequence(lambda n: n)


class ConditionRouteFactory(DjangoModelFactory):
    class Meta:
        model = ConditionRoute

    condition = factory.SubFactory(ConditionFactory)
    route = factory.SubFactory(AdministrationRouteFactory)
    note = ""


# What a typical item of each kind tells a reader who answers yes; each real item words its own.
TYPICAL_YES_ADVICE = {
    ContraindicationKind.ABSOLUTE: (
        "This usually means ketamine treatment is not a safe choice for you. Please discuss it with a "
        "clinician, who can also talk through other options."
    ),
    ContraindicationKind.RELATIVE: (
        "Ketamine treatment may still be possible, but this needs careful evaluation by a clinician first."
    ),
}


class ContraindicationFactory(DjangoModelFactory):
    class Meta:
        model = Contraindication
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Contraindication {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = ContraindicationKind.ABSOLUTE
    explanation = "Why it matters."
    screening_question = factory.Sequence(lambda n: f"Do you have contraindication {n}?")
    advice = factory.LazyAttribute(lambda o: TYPICAL_YES_ADVICE[o.kind])
    unsure_advice = factory.LazyAttribute(lambda o: f"You weren't sure about {o.name.lower()}: this is worth "
                                          "asking a clinician about.")  # fmt: skip
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def routes(self, create, extracted, **kwargs):
        if create and extracted:
            self.routes.set(extracted)


class InteractionFactory(DjangoModelFactory):
    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Medicine group {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    effect = "Adds to sedation."
    severity = Severity.SERIOUS
    advice = "Tell your clinician."
    screening_question = factory.Sequence(lambda n: f"Do you take medicine group {n}?")
    unsure_advice = factory.LazyAttribute(lambda o: f"You weren't sure about {o.name.lower()}: bring a list "
                                          "of everything you take to the consultation.")  # fmt: skip
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def routes(self, create, extracted, **kwargs):
        if create and extracted:
            self.routes.set(extracted)


class CandidateProfileFactory(DjangoModelFactory):
    class Meta:
        model = CandidateProfile

    title = factory.Sequence(lambda n: f"Candidate {n}")
    description = "Who this describes."
    order = factory.Sequence(lambda n: n)


def member_of(group, **kwargs):
    """Return a new staff user in the named role group (Authors, Editors, Clinic staff)."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group))
    return user
