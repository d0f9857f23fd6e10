import sys

from django.db import DatabaseError, migrations, transaction

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). Spanish pages are searched with a
# text search configuration of the site's own: PostgreSQL's spanish, with the unaccent dictionary before its
# stemmer, so that "depresion" finds "Depresión" and "nino" finds "niño" (readers often type without
# accents). The translations' stored vectors (articles/migrations/0021, conditions/migrations/0016) and the
# queries both use it.
#
# unaccent ships with PostgreSQL's contrib modules (in the official images and Debian's packages) and is a
# trusted extension: the database's owner may create it. Where it is missing or may not be created, the
# configuration is plain spanish: search still works, in Spanish (its stemmer takes off acute accents
# itself), but "nino" no longer finds "niño". The migration says so, and so does `manage.py check
# --database default` (clinic/site/checks.py) until someone installs it.
CONFIGURATION = "clinic_spanish"
FOLDED_TOKENS = "hword, hword_part, word"  # the token types that may hold letters other than ASCII's


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint: a failure here is no harm
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        folds_accents = True
    except DatabaseError as error:
        folds_accents = False
        sys.stderr.write(
            f"\nWARNING: PostgreSQL's unaccent extension could not be created ({' '.join(str(error).split())}). "
            "Spanish search will work without folding accents: 'nino' will not find 'niño'. "
            "`manage.py check --database default` says how to add it later.\n"
        )
    # Made once, then altered in place: a session that has used the configuration keeps its id in the
    # triggers' cached plans, and a configuration dropped and made again would be one they can't find.
    schema_editor.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_ts_config WHERE cfgname = '{CONFIGURATION}') THEN "
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = pg_catalog.spanish); END IF; END $$"
    )
    dictionaries = "unaccent, spanish_stem" if folds_accents else "spanish_stem"
    schema_editor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} ALTER MAPPING FOR {FOLDED_TOKENS} WITH {dictionaries}"
    )


def backward(apps, schema_editor):
    # The extension stays: something else may use it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")


class Migration(migrations.Migration):
    dependencies = [("clinic", "0015_translations")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
