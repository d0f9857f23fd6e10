from django.db import migrations

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). Spanish pages search the conditions'
# and routes' translations: each keeps its stored vectors as the original does (0012), the name and
# summary's alone (the "head") and the whole page's, filled by a trigger, in the Spanish configuration that
# takes accents off (clinic/migrations/0016). Same weights as the original's: name (A), summary (B),
# description (C); a route's name, short name and medication are its A.
CONFIG = "'clinic_spanish'::regconfig"
TABLES = {
    "conditions_conditiontranslation": {
        "title": "COALESCE(NEW.name, '')",
        "columns": "name, summary, description",
    },
    "conditions_administrationroutetranslation": {
        "title": "COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.short_name, '') || ' ' || COALESCE(NEW.medication, '')",
        "columns": "name, short_name, medication, summary, description",
    },
}


def forward_sql(table, title, columns):
    head = (
        f"setweight(to_tsvector({CONFIG}, {title}), 'A')"
        f" || setweight(to_tsvector({CONFIG}, COALESCE(NEW.summary, '')), 'B')"
    )
    body = f"setweight(to_tsvector({CONFIG}, COALESCE(NEW.description, '')), 'C')"
    return f"""
ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_head tsvector;
ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector;
CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_head := {head};
    NEW.search_vector := NEW.search_head || {body};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
CREATE TRIGGER {table}_search_vector
    BEFORE INSERT OR UPDATE OF {columns} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_vector();
UPDATE {table} SET name = name;
"""


def backward_sql(table):
    return f"""
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
DROP FUNCTION IF EXISTS {table}_search_vector();
ALTER TABLE {table} DROP COLUMN IF EXISTS search_head;
ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table, parts in TABLES.items():
            schema_editor.execute(forward_sql(table, **parts))


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(backward_sql(table))


class Migration(migrations.Migration):
    dependencies = [("conditions", "0015_translations"), ("clinic", "0016_spanish_search_configuration")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
