from django.db import migrations


def grant_site_profile(apps, schema_editor):
    from conditions.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    # Clinic staff keep the site profile (crisis line, phone, booking link); sync_roles only adds.
    dependencies = [
        ("conditions", "0005_clinic_staff_role"),
        ("clinic", "0003_site_profile_crisis_fields_and_history"),
    ]

    operations = [migrations.RunPython(grant_site_profile, migrations.RunPython.noop)]
