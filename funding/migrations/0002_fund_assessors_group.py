"""The "Fund assessors" group, and the fund's rounds for "Content editors".

Assessors read submitted bids, score them, comment on them, record outcomes
and add links to funded projects' outputs. They may read rounds but not change
them: setting up a round (its dates, rules, criteria and guidance) is content,
the content editors' job, so those permissions are added to that group,
beside the ones it already has.
"""

from django.db import migrations

from localdigital.core.groups import create_group_with_permissions, delete_group

ASSESSORS = "Fund assessors"
ASSESSOR_PERMISSIONS = [
    ("funding", "view_fund"),
    ("funding", "view_round"),
    ("funding", "view_roundphase"),
    ("funding", "view_criterion"),
    # change_bid is what lets an assessor use the move buttons and add
    # comments and links; the bid's answers are read-only to everyone.
    ("funding", "view_bid"),
    ("funding", "change_bid"),
    ("funding", "view_bidsubmission"),
    ("funding", "view_bidstatechange"),
    ("funding", "add_score"),
    ("funding", "change_score"),
    ("funding", "view_score"),
    ("funding", "add_bidcomment"),
    ("funding", "view_bidcomment"),
    ("funding", "add_projectlink"),
    ("funding", "change_projectlink"),
    ("funding", "delete_projectlink"),
    ("funding", "view_projectlink"),
]

CONTENT_EDITORS = "Content editors"
CONTENT_EDITOR_PERMISSIONS = [
    ("funding", "add_fund"),
    ("funding", "change_fund"),
    ("funding", "view_fund"),
    ("funding", "add_round"),
    ("funding", "change_round"),
    ("funding", "view_round"),
    ("funding", "add_roundphase"),
    ("funding", "change_roundphase"),
    ("funding", "delete_roundphase"),
    ("funding", "view_roundphase"),
    ("funding", "add_criterion"),
    ("funding", "change_criterion"),
    ("funding", "delete_criterion"),
    ("funding", "view_criterion"),
]


def _permissions(apps, wanted: list[tuple[str, str]]):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in wanted
    ]


def create_groups(apps, schema_editor):
    # This makes the app's permissions too, which the content editors' need.
    create_group_with_permissions(apps, ASSESSORS, ASSESSOR_PERMISSIONS)
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=CONTENT_EDITORS)
    editors.permissions.add(*_permissions(apps, CONTENT_EDITOR_PERMISSIONS))


def remove_groups(apps, schema_editor):
    delete_group(apps, ASSESSORS)
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=CONTENT_EDITORS).first()
    if editors is not None:
        editors.permissions.remove(*_permissions(apps, CONTENT_EDITOR_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_funding"),
        ("declaration", "0003_content_editors_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
