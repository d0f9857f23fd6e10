import re

from django.core.cache import cache
from django.db import migrations

SENTENCE = re.compile(r"[^.!?]+[.!?]*\s*")
NUMBER = re.compile(r"\d{3}")


def drop_sentences_with_numbers(apps, schema_editor):
    """Drop the disclaimer's sentences that name a number: pages now add the crisis help from its fields."""
    SiteProfile = apps.get_model("clinic", "SiteProfile")
    default = SiteProfile._meta.get_field("disclaimer").default
    for profile in SiteProfile.objects.using(schema_editor.connection.alias):
        if not NUMBER.search(profile.disclaimer):
            continue
        kept = "".join(s for s in SENTENCE.findall(profile.disclaimer) if not NUMBER.search(s)).strip()
        profile.disclaimer = kept or default
        profile.save(update_fields=["disclaimer"])
    # The cached copy was pickled before the crisis fields existed: drop it so every worker reloads it.
    cache.delete("clinic:site-profile")


class Migration(migrations.Migration):
    dependencies = [("clinic", "0003_site_profile_crisis_fields_and_history")]

    operations = [migrations.RunPython(drop_sentences_with_numbers, migrations.RunPython.noop)]
