"""Counts of the public signatories, kept as rows so that no page counts 30,000 sign-ups.

signatories.counts owns these rows: the services that sign and remove call it
in the same transaction as the change, and it can rebuild them from scratch.
"""

from django.db import models


class SignatoryCount(models.Model):
    """How many organisations of one type, nation and region have signed, and how
    many of them have a public commitment. A group with none signed has no row."""

    organisation_type = models.CharField(max_length=40)
    nation = models.CharField(max_length=20, blank=True)
    region = models.CharField(max_length=50, blank=True)
    signatories = models.PositiveIntegerField(default=0)
    commitments = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_type", "nation", "region"],
                name="signatory_count_one_row_per_group",
            )
        ]

    def __str__(self):
        return f"{self.organisation_type}, {self.nation}, {self.region}: {self.signatories}"


class PrincipleCommitmentCount(models.Model):
    """How many signatories' public commitments put one principle into practice."""

    principle = models.OneToOneField(
        "declaration.Principle", on_delete=models.CASCADE, related_name="commitment_count"
    )
    commitments = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.principle}: {self.commitments}"


class CouncilCount(models.Model):
    """How many councils of one type, nation and region there are, and how many
    have signed, for the coverage page. Councils that start or end on the same
    days share a row, so "the councils that exist today" is read from these
    rows on any day: the dates are a handful (the register's reorganisations),
    and no row goes stale when a day passes."""

    organisation_type = models.CharField(max_length=40)
    nation = models.CharField(max_length=20, blank=True)
    region = models.CharField(max_length=50, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    councils = models.PositiveIntegerField(default=0)
    signed = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["organisation_type", "nation", "region"], name="council_count_group"
            )
        ]

    def __str__(self):
        return f"{self.organisation_type}, {self.nation}, {self.region}: {self.signed} of {self.councils}"
