"""Checks that `manage.py check --database default` (and `migrate`) run against the database itself."""

from django.core import checks
from django.db import connections

# clinic_spanish, made by domain/migrations/0016: spanish, with unaccent before its stemmer when it could be.
from .search import SPANISH_SEARCH_CONFIG as SPANISH_CONFIGURATION

REFOLD_STEPS = (
    "Install PostgreSQL's contrib modules if the server lacks them (the unaccent extension), then run in the "
    "database, as its owner or a superuser: "
    "CREATE EXTENSION unaccent; "
    f"ALTER TEXT SEARCH CONFIGURATION {SPANISH_CONFIGURATION} ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, spanish_stem; "
    "UPDATE articles_articletranslation SET title = title; "
    "UPDATE conditions_conditiontranslation SET name = name; "
    "UPDATE conditions_administrationroutetranslation SET name = name;"
)


@checks.register(checks.Tags.database)
def spanish_search_folds_accents(app_configs=None, databases=None, **kwargs):
    """Warn when Spanish search was set up without unaccent: it works, but "nino" doesn't find "niño"."""
    problems = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict "
                "WHERE m.mapcfg = c.oid AND d.dictname = 'unaccent') "
                "FROM pg_ts_config c WHERE c.cfgname = %s",
                [SPANISH_CONFIGURATION],
            )
            row = cursor.fetchone()
        if row is not None and not row[0]:  # no row: not migrated yet, and migrate will make it
            problems.append(
                checks.Warning(
                    f"Spanish search does not fold accents in database '{alias}': the unaccent extension was "
                    "unavailable when it was set up, so a reader who types 'nino' will not find 'niño'.",
                    hint=REFOLD_STEPS,
                    id="site.W001",
                )
            )
    return problems
