from django.db import migrations

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). Spanish pages search the articles'
# translations: each keeps its stored vectors as the original does (0008, 0010 and 0019), the title and
# summary's alone (the "head") and the whole article's, filled by a trigger, with GIN indexes, in the Spanish
# configuration that takes accents off (clinic/migrations/0016). Same weights as the original's: title (A),
# subtitle and excerpt (B), body (C).
CONFIG = "'clinic_spanish'::regconfig"
HEAD_OF_NEW = (
    f"setweight(to_tsvector({CONFIG}, COALESCE(NEW.title, '')), 'A')"
    f" || setweight(to_tsvector({CONFIG}, COALESCE(NEW.dek, '') || ' ' || COALESCE(NEW.excerpt, '')), 'B')"
)
BODY_OF_NEW = f"setweight(to_tsvector({CONFIG}, COALESCE(NEW.body, '')), 'C')"
TABLE = "articles_articletranslation"

FORWARD = f"""
ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_head tsvector;
ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector;
ALTER TABLE {TABLE} ALTER COLUMN search_head SET STORAGE MAIN;
ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN;
CREATE OR REPLACE FUNCTION {TABLE}_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_head := {HEAD_OF_NEW};
    NEW.search_vector := NEW.search_head || {BODY_OF_NEW};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS {TABLE}_search_vector ON {TABLE};
CREATE TRIGGER {TABLE}_search_vector
    BEFORE INSERT OR UPDATE OF title, dek, excerpt, body ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_search_vector();
UPDATE {TABLE} SET title = title;
CREATE INDEX IF NOT EXISTS article_translation_search_head_idx ON {TABLE} USING gin (search_head);
CREATE INDEX IF NOT EXISTS article_translation_search_idx ON {TABLE} USING gin (search_vector);
"""

BACKWARD = f"""
DROP INDEX IF EXISTS article_translation_search_head_idx;
DROP INDEX IF EXISTS article_translation_search_idx;
DROP TRIGGER IF EXISTS {TABLE}_search_vector ON {TABLE};
DROP FUNCTION IF EXISTS {TABLE}_search_vector();
ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_head;
ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_translations"), ("clinic", "0016_spanish_search_configuration")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
