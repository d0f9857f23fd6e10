"""The attacks that were found through the history pages, tried again as the roles that found them."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, AuthorFactory, ConditionFactory, UserFactory, member_of
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def _history_item_url(obj):
    opts = obj._meta
    version = obj.history.latest("history_date").history_id
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, version])


def _old_version_form(client, obj, **changes):
    """Return what the history item's form would post, as the superuser sees it, with changes."""
    superuser = UserFactory(username="history-reader", is_superuser=True)
    client.force_login(superuser)
    data = form_data(client.get(_history_item_url(obj)), **changes)
    client.logout()
    return data


@pytest.mark.parametrize("group", ["Authors", "Editors"])
def test_only_clinic_staff_can_revert_a_condition_through_its_history(client, group):
    condition = ConditionFactory(name="Postpartum depression", show_crisis_help=True)
    data = _old_version_form(client, condition, name="Renamed", is_listed="", show_crisis_help="")
    client.force_login(member_of(group))

    response = client.post(_history_item_url(condition), data)

    assert response.status_code == 403
    condition.refresh_from_db()
    assert (condition.name, condition.is_listed, condition.show_crisis_help) == (
        "Postpartum depression", True, True,
    )  # fmt: skip
    assert client.get(condition.get_absolute_url()).status_code == 200

    client.force_login(member_of("Clinic staff"))
    assert client.post(_history_item_url(condition), data).status_code == 302
    condition.refresh_from_db()
    assert condition.name == "Renamed" and not condition.show_crisis_help


@pytest.mark.parametrize("group", ["Authors", "Clinic staff"])
def test_no_one_but_editors_makes_themselves_a_reviewer_through_author_history(client, group):
    intruder = member_of(group, username="intruder")
    guest = AuthorFactory(display_name="Guest Writer", may_review=False)
    ArticleFactory(author=guest, in_review=True)
    data = _old_version_form(client, guest, user=intruder.pk, may_review="on")
    client.force_login(intruder)

    response = client.post(_history_item_url(guest), data)

    assert response.status_code == 403
    guest.refresh_from_db()
    assert guest.user_id is None and not guest.may_review


def test_a_history_item_is_read_only_for_those_who_may_only_view(client):
    condition = ConditionFactory(name="Social anxiety")
    client.force_login(member_of("Editors"))

    response = client.get(_history_item_url(condition))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Revert" not in html and 'name="_save"' not in html
    form = response.context["adminform"].form
    assert form.fields and all(field.disabled for field in form.fields.values())


def test_an_author_cannot_read_the_history_of_someone_elses_draft(client):
    other = ArticleFactory(title="Not yours")
    author = member_of("Authors", username="writer")
    AuthorFactory(user=author)
    client.force_login(author)

    assert client.get(reverse("admin:articles_article_history", args=[other.pk])).status_code == 404
    assert client.get(_history_item_url(other)).status_code == 404
