import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    # The editorial workflow's steps; its reference DOI and PMID checks moved to the shared Source record.

    dependencies = [
        ('articles', '0007_people_sources_review'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkflowEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('step', models.CharField(choices=[('submitted', 'Submitted for review'), ('sent_back', 'Sent back: changes requested'), ('published', 'Published'), ('scheduled', 'Scheduled'), ('unscheduled', 'Unscheduled'), ('archived', 'Archived')], max_length=20)),
                ('comment', models.TextField(blank=True)),
                ('version_id', models.PositiveIntegerField(blank=True, help_text="The article's history version this step left it at.", null=True)),
                ('publish_time', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='workflow_events', to='articles.article')),
            ],
            options={
                'verbose_name': 'workflow step',
                'ordering': ['-created_at', '-pk'],
            },
        ),
    ]
