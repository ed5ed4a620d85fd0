"""The "Moderators" group, and a starting list of reasons for rejecting a sign-up.

Moderators check sign-ups and look after the organisations and the lists that
sign-ups are checked against. They may not edit the declaration's own text or
principles: that is the content editors' job.
"""

from django.db import migrations

from localdigital.core.groups import create_group_with_permissions, delete_group

GROUP_NAME = "Moderators"
PERMISSIONS = [
    # change_signup is what lets a moderator use the moderation buttons; the
    # sign-up's answers themselves are read-only to everyone in admin.
    ("signatories", "view_signup"),
    ("signatories", "change_signup"),
    ("signatories", "view_commitment"),
    ("signatories", "view_statechange"),
    ("signatories", "view_rejectionreason"),
    ("signatories", "add_rejectionreason"),
    ("signatories", "change_rejectionreason"),
    ("signatories", "view_organisation"),
    ("signatories", "add_organisation"),
    ("signatories", "change_organisation"),
    # The change permission is what allows "Retry now" on a stuck email.
    ("localdigital", "view_outboundemail"),
    ("localdigital", "change_outboundemail"),
    # The list of service areas is a tagging list, not declaration content.
    ("declaration", "view_servicearea"),
    ("declaration", "add_servicearea"),
    ("declaration", "change_servicearea"),
]

REJECTION_REASONS = [
    "The organisation is a supplier, and suppliers cannot sign",
    "The organisation is not a public sector or non-profit body working on local services",
    "The commitment is not specific enough or has no date to be delivered by",
    "The commitment could not be delivered within a year",
    "The senior approver does not have the authority to sign for the organisation",
    "We could not confirm that the organisation exists or that the people named work for it",
    "It repeats another sign-up for the same organisation",
]


def create_group(apps, schema_editor):
    create_group_with_permissions(apps, GROUP_NAME, PERMISSIONS)


def remove_group(apps, schema_editor):
    delete_group(apps, GROUP_NAME)


def add_rejection_reasons(apps, schema_editor):
    RejectionReason = apps.get_model("signatories", "RejectionReason")
    for text in REJECTION_REASONS:
        RejectionReason.objects.get_or_create(text=text)


def remove_rejection_reasons(apps, schema_editor):
    # Reasons already given to a sign-up are protected, and kept.
    RejectionReason = apps.get_model("signatories", "RejectionReason")
    SignUp = apps.get_model("signatories", "SignUp")
    used = SignUp.objects.exclude(rejection_reason=None).values("rejection_reason")
    RejectionReason.objects.filter(text__in=REJECTION_REASONS).exclude(pk__in=used).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("signatories", "0002_sign_ups"),
        ("declaration", "0005_service_areas"),
        ("localdigital", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_group, remove_group),
        migrations.RunPython(add_rejection_reasons, remove_rejection_reasons),
    ]
