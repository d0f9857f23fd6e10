from django.db import migrations

# PostgreSQL only. A search for a common word ranks thousands of stored vectors; kept out of line (TOAST),
# each costs a lookup in the TOAST table, about three quarters of the query's time at 10,000 articles
# (issue 12: 49 ms against 12 ms inline). MAIN keeps the vector compressed in the row, out of line only if a
# row would not fit its page; bodies, which list pages never read, still move out of line first.
FORWARD = """
ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE MAIN;
UPDATE articles_article SET title = title;
"""
BACKWARD = "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE EXTENDED;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_listing_keys_index")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
