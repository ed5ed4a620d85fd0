"""The "Content editors" group: may edit the declaration's text and nothing else."""

from django.db import migrations

from localdigital.core.groups import create_group_with_permissions, delete_group

GROUP_NAME = "Content editors"
PERMISSIONS = [
    ("declaration", "view_declaration"),
    ("declaration", "change_declaration"),
    ("declaration", "view_principle"),
    ("declaration", "change_principle"),
]


def create_group(apps, schema_editor):
    create_group_with_permissions(apps, GROUP_NAME, PERMISSIONS)


def remove_group(apps, schema_editor):
    delete_group(apps, GROUP_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("declaration", "0002_declaration_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
