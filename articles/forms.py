from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django_ckeditor_5.widgets import CKEditor5Widget

from domain.models import Person

from .images import CHOOSE_AGAIN, clean_image, count_upload
from .models import Article, Author
from .workflow import WorkflowFormMixin

UNREADABLE_IMAGE = format_lazy(
    "{} {}",
    gettext_lazy("This file isn't an image we can read: it may be damaged, or not a picture."),
    CHOOSE_AGAIN,
)


def _https_by_default(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"  # Django 6.0's default; a typed "example.org" means https
    return db_field.formfield(**kwargs)


def _cleaned_upload(value, uploader):
    # Only a new upload is counted and re-encoded; a stored image passed through here when it came in.
    if isinstance(value, UploadedFile):
        count_upload(uploader)
        return clean_image(value)
    return value


def _ask_for_the_file_again(form, field_name):
    # A page with errors comes back with its file field empty (browsers can't refill one): say so.
    upload = form.files.get(form.add_prefix(field_name))
    if form.errors and upload is not None and field_name not in form.errors:
        form.add_error(
            field_name,
            f"“{upload.name}” was not stored because of the other problems on this page; choose it again "
            "before you save.",
        )


class ArticleAdminForm(WorkflowFormMixin, forms.ModelForm):
    # The article's updated_at when the form was opened; a newer one means someone saved in between.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title", "slug", "dek", "author", "category", "tags", "body", "key_takeaways", "excerpt",
            "featured_image", "featured_image_alt", "featured_image_caption", "status", "reviewer",
            "last_reviewed", "next_review_due", "published_at", "related_conditions", "seo_title",
            "seo_description", "original_publication_name", "original_publication_url",
        ]  # fmt: skip
        formfield_callback = _https_by_default
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "key_takeaways": forms.Textarea(attrs={"rows": 4}),
            "excerpt": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "slug": {
                "unique": gettext_lazy(
                    "Another article already uses this address. Change the slug to make it unique."
                )
            },
            "featured_image": {"invalid_image": UNREADABLE_IMAGE},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # Read from the database: on the history page the instance is an old version, not the current one.
            current = Article.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
            if current:
                self.initial["loaded_version"] = current.isoformat()

    def clean_featured_image(self):
        return _cleaned_upload(self.cleaned_data.get("featured_image"), self.request_user)

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            _ask_for_the_file_again(self, "featured_image")

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and cleaned_data.get("loaded_version"):
            self._refuse_if_saved_meanwhile(cleaned_data["loaded_version"])
        return cleaned_data

    def _refuse_if_saved_meanwhile(self, token):
        try:
            loaded = datetime.fromisoformat(token)
        except ValueError:
            raise ValidationError(
                _("This form is out of date. Reload the page and make your changes again.")
            ) from None
        current = Article.objects.filter(pk=self.instance.pk).values_list("updated_at", flat=True).first()
        if current is None or current == loaded:
            return
        saves = (
            # By the version each save made, not the time its history row was written: the save that made
            # the version this form opened is a moment later than it, and is not someone else's.
            Article.history.filter(id=self.instance.pk, updated_at__gt=loaded)
            .select_related("history_user")
            .order_by("history_date")
        )
        names, automatic = [], False
        for record in saves:
            user = record.history_user
            if user is None:
                automatic = True  # a content import or a command: not a person to ask
                continue
            name = user.get_full_name() or user.get_username()
            if name not in names:
                names.append(name)
        if automatic:
            names.append(_("an automatic update (a content import or a command)"))
        last_saved = date_format(timezone.localtime(current), "j M Y, H:i")
        and_ = pgettext("between names", "and")  # outside the f-string, where makemessages finds it
        raise ValidationError(
            _(
                "%(names)s saved this article on %(when)s, after you opened it. Your changes are not saved "
                "but are still in this form: copy what you need, open the article again in a new tab to see "
                "their version, and add your changes there."
            ),
            code="edit_conflict",
            params={
                "names": capfirst(f" {and_} ".join(names) or _("someone else")),
                "when": last_saved,
            },
        )


# What an author's form edits of their person record: the one place these are kept.
PERSON_FIELDS = ["display_name", "credentials", "may_review"]


def _person_for_new_author(slug):
    """Return the person a new byline belongs to: the one at its address who has no byline yet (a
    clinical reviewer who starts writing), else a new person at the first free address."""
    person = Person.objects.filter(slug=slug, author__isnull=True).first()
    if person is not None:
        return person
    free, number = slug, 1
    while Person.objects.filter(slug=free).exists():
        number += 1
        free = f"{slug}-{number}"
    return Person(slug=free)


class AuthorAdminForm(forms.ModelForm):
    """An author's byline with their person record's name, credentials and review right: saving the form
    saves both, so a name typed here is the one every page and every clinical listing shows."""

    request_user = None  # set by the admin's get_form (FormKnowsUserMixin)
    display_name = Person._meta.get_field("display_name").formfield()
    credentials = Person._meta.get_field("credentials").formfield()
    may_review = Person._meta.get_field("may_review").formfield()

    class Meta:
        model = Author
        fields = ["slug", "role", "bio", "photo", "user"]
        error_messages = {"photo": {"invalid_image": UNREADABLE_IMAGE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.person_id:
            for name in PERSON_FIELDS:
                self.initial.setdefault(name, getattr(self.instance.person, name))

    def clean_photo(self):
        return _cleaned_upload(self.cleaned_data.get("photo"), self.request_user)

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            _ask_for_the_file_again(self, "photo")

    def save(self, commit=True):
        author = self.instance
        person = author.person if author.person_id else _person_for_new_author(author.slug)
        for name in PERSON_FIELDS:
            setattr(person, name, self.cleaned_data[name])
        # Saved now even when the caller saves the byline later (the admin's commit=False, in the same
        # transaction): the byline points at it.
        person.save()
        author.person = person
        return super().save(commit)
