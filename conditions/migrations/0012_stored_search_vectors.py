from django.db import migrations

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). Each search computed every listed
# condition's and route's vector from its whole description, about 2.5 ms a table per search: a trigger now
# keeps them stored, as articles' are (articles/migrations/0008 and 0019), with the vector of the name and
# summary alone beside it (search puts matches there first). Same weights as before: name (A), summary (B),
# description (C); a route's name, short name and medication are its A.
TABLES = {
    "conditions_condition": {
        "title": "COALESCE(NEW.name, '')",
        "columns": "name, summary, description",
    },
    "conditions_administrationroute": {
        "title": "COALESCE(NEW.name, '') || ' ' || COALESCE(NEW.short_name, '') || ' ' || COALESCE(NEW.medication, '')",
        "columns": "name, short_name, medication, summary, description",
    },
}


def forward_sql(table, title, columns):
    head = (
        f"setweight(to_tsvector('english'::regconfig, {title}), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(NEW.summary, '')), 'B')"
    )
    body = "setweight(to_tsvector('english'::regconfig, COALESCE(NEW.description, '')), 'C')"
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
    dependencies = [("conditions", "0011_screening_item_shared_fields")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
