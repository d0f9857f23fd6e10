from django.db import migrations, models

BATCH = 500


def fill_body_text(apps, schema_editor):
    # The same text as Article.derive_from_body() keeps, for the rows saved before the field existed.
    from domain.richtext import html_to_text

    Article = apps.get_model("articles", "Article")
    batch = []
    for article in Article.objects.only("pk", "body").iterator(chunk_size=BATCH):
        article.body_text = html_to_text(article.body)
        batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(batch, ["body_text"])
            batch = []
    Article.objects.bulk_update(batch, ["body_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_merge_workflow_and_speed"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_text",
            field=models.TextField(blank=True, editable=False, verbose_name="body as plain text"),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop),
    ]
