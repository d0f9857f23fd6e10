from django.db import migrations


def create_role(apps, schema_editor):
    from conditions.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    # Databases made before the role moved here already hold the group: sync_roles only adds.
    dependencies = [
        ("conditions", "0004_route_of_administration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role, migrations.RunPython.noop)]
