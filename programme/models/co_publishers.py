"""The declaration's co-publishers: the bodies that published it with MHCLG (45 at its launch in July 2018)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower

from signatories.models import Organisation


class CoPublisherKind(models.TextChoices):
    COUNCIL = "council", "Council"
    SECTOR_BODY = "sector-body", "Sector body"
    CENTRAL_GOVERNMENT = "central-government", "Central government"
    OTHER = "other", "Other organisation"


class CoPublisherQuerySet(models.QuerySet):
    def by_name(self):
        """A to Z, whether the name is the register's or typed in, with the organisation read too."""
        return (
            self.select_related("organisation")
            .annotate(listed_name=Coalesce("organisation__name", "name"))
            .order_by(Lower("listed_name"), "pk")
        )


class CoPublisher(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="co_publications",
        help_text="From the register. Leave empty and type a name for a body that is not in it.",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="Only for a body that is not in the register."
    )
    kind = models.CharField("type", max_length=30, choices=CoPublisherKind.choices)
    joined_on = models.DateField("date joined", help_text="When it became a co-publisher.")

    objects = CoPublisherQuerySet.as_manager()

    class Meta:
        verbose_name = "co-publisher"
        constraints = [
            # Exactly one of the two says who it is.
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(name=""))
                | (Q(organisation__isnull=True) & ~Q(name="")),
                name="co_publisher_named_once",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(organisation__isnull=False),
                name="co_publisher_organisation_once",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.name

    def clean(self):
        self.name = self.name.strip()
        if self.organisation_id and self.name:
            message = "Choose an organisation from the register or type a name, not both"
            raise ValidationError({"name": ValidationError(message, code="named_twice")})
        if not self.organisation_id and not self.name:
            message = "Choose an organisation from the register or type its name"
            raise ValidationError({"organisation": ValidationError(message, code="not_named")})
