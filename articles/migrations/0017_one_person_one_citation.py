# The last of three steps (issue 20): the article's reviewer column now names a person; an author's name,
# credentials and review right live on their person only; articles cite through clinic.Citation, so the
# references (and their history, carried by 0016) go.

import django.db.models.deletion
from django.db import migrations, models


def forget_the_reference_models(apps, schema_editor):
    """Their content types and permissions go with them (the editors' group held them): a backup would
    otherwise name permissions that a database restored from it, migrated afresh, does not have."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="articles", model__in=["reference", "historicalreference"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0016_carry_reviewers_and_references'),
        ('clinic', '0009_citation_history'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='article',
            name='reviewer',
        ),
        migrations.RenameField(
            model_name='article',
            old_name='reviewer_person',
            new_name='reviewer',
        ),
        migrations.AlterField(
            model_name='article',
            name='reviewer',
            field=models.ForeignKey(blank=True, limit_choices_to={'may_review': True}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reviewed_articles', to='clinic.person', verbose_name='medical reviewer'),
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='reviewer',
        ),
        migrations.RenameField(
            model_name='historicalarticle',
            old_name='reviewer_person',
            new_name='reviewer',
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='reviewer',
            field=models.ForeignKey(blank=True, db_constraint=False, limit_choices_to={'may_review': True}, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='clinic.person', verbose_name='medical reviewer'),
        ),
        migrations.AlterModelOptions(
            name='author',
            options={'ordering': ['person__display_name']},
        ),
        migrations.RemoveField(
            model_name='author',
            name='credentials',
        ),
        migrations.RemoveField(
            model_name='author',
            name='display_name',
        ),
        migrations.RemoveField(
            model_name='author',
            name='may_review',
        ),
        migrations.RemoveField(
            model_name='historicalauthor',
            name='credentials',
        ),
        migrations.RemoveField(
            model_name='historicalauthor',
            name='display_name',
        ),
        migrations.RemoveField(
            model_name='historicalauthor',
            name='may_review',
        ),
        migrations.AlterField(
            model_name='author',
            name='person',
            field=models.OneToOneField(editable=False, help_text='Who writes under this byline: their name, credentials and review right, kept once.', on_delete=django.db.models.deletion.PROTECT, related_name='author', to='clinic.person'),
        ),
        migrations.AlterField(
            model_name='historicalauthor',
            name='person',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, help_text='Who writes under this byline: their name, credentials and review right, kept once.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='clinic.person'),
        ),
        migrations.AlterField(
            model_name='author',
            name='slug',
            field=models.SlugField(help_text="The last part of the author page's address, /articles/author/…/.", max_length=150, unique=True),
        ),
        migrations.AlterField(
            model_name='historicalauthor',
            name='slug',
            field=models.SlugField(help_text="The last part of the author page's address, /articles/author/…/.", max_length=150),
        ),
        migrations.DeleteModel(
            name='HistoricalReference',
        ),
        migrations.DeleteModel(
            name='Reference',
        ),
        migrations.RunPython(forget_the_reference_models, migrations.RunPython.noop),
    ]
