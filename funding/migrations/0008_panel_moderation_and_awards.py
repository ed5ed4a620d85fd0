"""Panel moderation and awards: agreed scores, the decision's approval and
feedback, the amount awarded, the grant agreement and payments, a round's budget.

Bids funded before this kept no amount awarded apart: theirs is the amount
they asked for, copied here. Fund assessors may agree scores and record payments.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

ASSESSOR_PERMISSIONS = [
    "add_agreedscore",
    "change_agreedscore",
    "view_agreedscore",
    "view_bidapproval",
    "view_criterionfeedback",
    "add_grantpayment",
    "change_grantpayment",
    "delete_grantpayment",
    "view_grantpayment",
]


def copy_awarded_amounts(apps, schema_editor):
    Bid = apps.get_model("funding", "Bid")
    Bid.objects.filter(state="funded", amount_awarded__isnull=True).update(
        amount_awarded=models.F("amount")
    )


def _assessor_permissions(apps):
    # Django makes a new model's permissions after every migration has run.
    app_config = apps.get_app_config("funding")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="funding", codename__in=ASSESSOR_PERMISSIONS
    )


# Fund managers (0007) assess like any assessor, so they are given the same.
GROUPS = ["Fund assessors", "Fund managers"]


def let_assessors_moderate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*_assessor_permissions(apps))


def take_back_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*_assessor_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("declaration", "0005_service_areas"),
        ("funding", "0007_assessor_assignment"),
        ("signatories", "0006_organisation_name_trigram_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AgreedScore",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("score", models.PositiveSmallIntegerField()),
                ("note", models.TextField(help_text="Why the panel agreed this score.")),
                ("agreed_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "ordering": ["bid", "criterion__order", "criterion"],
            },
        ),
        migrations.CreateModel(
            name="BidApproval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("approver_name", models.CharField(max_length=200, verbose_name="approved by")),
                ("approver_role", models.CharField(max_length=200, verbose_name="approver's role")),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "verbose_name": "approval",
            },
        ),
        migrations.CreateModel(
            name="CriterionFeedback",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField()),
            ],
            options={
                "verbose_name": "feedback",
                "verbose_name_plural": "feedback",
                "ordering": ["bid", "criterion__order", "criterion"],
            },
        ),
        migrations.CreateModel(
            name="GrantPayment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("paid_on", models.DateField(verbose_name="paid on")),
                (
                    "amount",
                    models.PositiveIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="amount (£)",
                    ),
                ),
            ],
            options={
                "verbose_name": "payment",
                "ordering": ["bid", "paid_on", "pk"],
            },
        ),
        migrations.AddField(
            model_name="bid",
            name="amount_awarded",
            field=models.PositiveIntegerField(
                blank=True, editable=False, null=True, verbose_name="amount awarded (£)"
            ),
        ),
        migrations.AddField(
            model_name="bid",
            name="grant_agreed_on",
            field=models.DateField(
                blank=True,
                help_text="The day the lead council and the department both signed the grant agreement.",
                null=True,
                verbose_name="grant agreement signed on",
            ),
        ),
        migrations.AddField(
            model_name="round",
            name="budget",
            field=models.PositiveBigIntegerField(
                blank=True,
                help_text="What the round can award in all, in whole pounds. It draws the funding line on the round's ranking of bids.",
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="budget (£)",
            ),
        ),
        migrations.AddConstraint(
            model_name="bid",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("amount_awarded__isnull", True), ("amount_awarded__gte", 1), _connector="OR"
                ),
                name="bid_amount_awarded_positive",
            ),
        ),
        migrations.AddField(
            model_name="agreedscore",
            name="agreed_by",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agreed_scores",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="agreedscore",
            name="bid",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agreed_scores",
                to="funding.bid",
            ),
        ),
        migrations.AddField(
            model_name="agreedscore",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agreed_scores",
                to="funding.criterion",
            ),
        ),
        migrations.AddField(
            model_name="bidapproval",
            name="bid",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="approval",
                to="funding.bid",
            ),
        ),
        migrations.AddField(
            model_name="bidapproval",
            name="recorded_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="recorded_approvals",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="criterionfeedback",
            name="bid",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="feedback",
                to="funding.bid",
            ),
        ),
        migrations.AddField(
            model_name="criterionfeedback",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="feedback",
                to="funding.criterion",
            ),
        ),
        migrations.AddField(
            model_name="grantpayment",
            name="bid",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="payments",
                to="funding.bid",
            ),
        ),
        migrations.AddConstraint(
            model_name="agreedscore",
            constraint=models.UniqueConstraint(
                fields=("bid", "criterion"),
                name="one_agreed_score_per_criterion",
                violation_error_code="already_agreed",
            ),
        ),
        migrations.AddConstraint(
            model_name="criterionfeedback",
            constraint=models.UniqueConstraint(
                fields=("bid", "criterion"),
                name="one_feedback_per_criterion",
                violation_error_code="already_given",
            ),
        ),
        migrations.AddConstraint(
            model_name="grantpayment",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount__gte", 1)), name="grant_payment_positive"
            ),
        ),
        migrations.RunPython(copy_awarded_amounts, migrations.RunPython.noop),
        migrations.RunPython(let_assessors_moderate, take_back_permissions),
    ]
