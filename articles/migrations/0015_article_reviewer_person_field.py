# The first of three steps (issue 20): an article's medical reviewer becomes a person (clinic.Person), as every
# clinical item's is. This adds the new column beside the old one; 0016 fills it, 0017 swaps them. The steps are
# separate migrations because PostgreSQL refuses to alter a table whose rows the same transaction just updated.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_category_index_is_the_keys_index'),
        ('clinic', '0009_citation_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='reviewer_person',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='clinic.person'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='reviewer_person',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='clinic.person'),
        ),
    ]
