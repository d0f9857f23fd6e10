from django.db import migrations

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). The weighted vector that
# 0003 indexed as an expression is now stored in its own column, kept current by a trigger on every insert
# and on every update of the four text columns, whatever writes them (saves, bulk_create, restores): search
# reads and ranks the stored vector instead of recomputing it from each body. Same expression as 0003's, so
# results and ranks are unchanged.
VECTOR_OF_NEW = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(NEW.title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(NEW.dek, '') || ' ' || COALESCE(NEW.excerpt, '')), 'B')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(NEW.body, '')), 'C')"
)

FORWARD = f"""
ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_vector tsvector;
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {VECTOR_OF_NEW};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article;
CREATE TRIGGER articles_article_search_vector
    BEFORE INSERT OR UPDATE OF title, dek, excerpt, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET title = title;
DROP INDEX IF EXISTS article_search_idx;
CREATE INDEX article_search_idx ON articles_article USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS article_search_idx;
DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)
        schema_editor.execute(
            f"CREATE INDEX article_search_idx ON articles_article USING gin (({VECTOR_OF_NEW.replace('NEW.', '')}))"
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_derived_fields_and_indexes")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
