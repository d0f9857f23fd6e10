from django.db import migrations


def grant_most_read(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)  # editors and clinic staff see the most-read list


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_article_search_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="MostReadArticle",
            fields=[],
            options={
                "verbose_name": "most-read article",
                "verbose_name_plural": "most-read articles",
                "ordering": ["-view_count", "-published_at"],
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("articles.article",),
        ),
        migrations.RunPython(grant_most_read, migrations.RunPython.noop),
    ]
