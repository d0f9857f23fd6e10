from django.db import migrations

# Must match clinic.site.search.article_search_vector() exactly, or PostgreSQL won't use the index;
# tests/test_search.py checks the planner picks it.
SEARCH_VECTOR_SQL = (
    "(setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(dek, '') || ' ' || COALESCE(excerpt, '')), 'B'))"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'C')"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_search_idx ON articles_article USING gin (({SEARCH_VECTOR_SQL}))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS article_search_idx")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_roles")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
