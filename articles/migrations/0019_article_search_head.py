from django.db import migrations

# PostgreSQL only (SQLite searches word by word, clinic/site/search.py). Beside the whole article's weighted
# vector (0008), the same trigger keeps the vector of its title (A), subtitle and excerpt (B) alone, with a
# GIN index of its own. Search puts articles whose title or summary has the words first and ranks only those
# in full; a common word's thousands of articles that only mention it in the body are read newest first from
# the listing index, not each ranked (issue 22: p95 49 ms at 10,000 articles).
HEAD_OF_NEW = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(NEW.title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(NEW.dek, '') || ' ' || COALESCE(NEW.excerpt, '')), 'B')"
)
BODY_OF_NEW = "setweight(to_tsvector('english'::regconfig, COALESCE(NEW.body, '')), 'C')"
VECTOR_OF_NEW = f"{HEAD_OF_NEW} || {BODY_OF_NEW}"  # 0008's expression


def trigger_function(assignments):
    return (
        "CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$\n"
        f"BEGIN\n    {assignments}\n    RETURN NEW;\nEND\n$$ LANGUAGE plpgsql;"
    )


FORWARD = f"""
ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_head tsvector;
ALTER TABLE articles_article ALTER COLUMN search_head SET STORAGE MAIN;
{trigger_function(f"NEW.search_head := {HEAD_OF_NEW}; NEW.search_vector := NEW.search_head || {BODY_OF_NEW};")}
UPDATE articles_article SET title = title;
CREATE INDEX IF NOT EXISTS article_search_head_idx ON articles_article USING gin (search_head);
"""

# 0008's function: the vector is the same expression.
BACKWARD = f"""
DROP INDEX IF EXISTS article_search_head_idx;
{trigger_function(f"NEW.search_vector := {VECTOR_OF_NEW};")}
ALTER TABLE articles_article DROP COLUMN IF EXISTS search_head;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_merge_lifecycle_and_people")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
