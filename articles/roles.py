"""The editorial roles (authors, editors) as auth groups, made by a data migration and topped up after every
migrate (editorial/roles.py). Clinic staff, a conditions role, are given read access to articles here."""

from conditions.roles import CLINIC_STAFF
from editorial.roles import app_permissions, create_all_permissions, grant, named_permissions

AUTHORS = "Authors"
EDITORS = "Editors"

VIEW_ARTICLES = [
    "articles.view_article",
    "articles.view_author",
    "articles.view_category",
    "articles.view_tag",
    "clinic.view_citation",  # an article's numbered references
]
# Editors hold every articles permission, this one included; clinic staff get it on its own.
VIEW_READERSHIP = ["articles.view_mostreadarticle"]
# Authors may change only their own drafts; ArticleAdmin narrows the model permission to that.
AUTHOR_PERMISSIONS = [
    *VIEW_ARTICLES,
    "articles.add_article",
    "articles.change_article",
    "clinic.add_citation",  # the references of the drafts they may edit (ArticleAdmin's inline narrows it)
    "clinic.change_citation",
    "clinic.delete_citation",
    "conditions.view_condition",  # to link an article to the conditions it is about
    "clinic.view_source",  # a reference cites a shared source record; an author may add a new paper
    "clinic.add_source",
]
# Editors keep the shared sources, the citations of articles and the people they name as medical reviewers,
# and the search synonyms readers' words are matched with (as clinic staff do).
EDITOR_SHARED_RECORDS = [
    f"clinic.{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("source", "citation", "person", "synonymset")
]


# Editors keep old addresses working by hand too (domain/redirects.py records most automatically).
REDIRECT_PERMISSIONS = ["clinic.view_redirect", "clinic.add_redirect", "clinic.change_redirect",
                        "clinic.delete_redirect"]  # fmt: skip


def sync_roles(apps, using="default"):
    """Create the authors' and editors' groups if missing and give each what its role needs."""
    create_all_permissions(apps, using=using)
    roles = {
        AUTHORS: named_permissions(apps, AUTHOR_PERMISSIONS),
        EDITORS: [
            *app_permissions(apps, "articles"),
            *named_permissions(
                apps, ["conditions.view_condition", *EDITOR_SHARED_RECORDS, *REDIRECT_PERMISSIONS]
            ),
        ],
        CLINIC_STAFF: named_permissions(apps, [*VIEW_ARTICLES, *VIEW_READERSHIP]),  # they read, never write
    }
    for name, permissions in roles.items():
        grant(apps, name, permissions, using=using)
