"""The fund's public totals, kept as rows so that no page adds up 40,000 bids.

funding.counts owns these rows: recording an outcome and publishing a round's
decisions recount them in the same transaction, and it can rebuild them.
"""

from django.db import models


class FundCount(models.Model):
    """A fund's published bids and funded projects: how many, how much, and how
    many councils lead or partner one."""

    fund = models.OneToOneField("funding.Fund", on_delete=models.CASCADE, related_name="count")
    published_bids = models.PositiveIntegerField(default=0)
    projects = models.PositiveIntegerField(default=0)
    awarded = models.PositiveBigIntegerField(default=0)
    councils = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.fund}: {self.projects} projects"


class PrincipleProjectCount(models.Model):
    """How many published funded projects, of every fund, serve one principle."""

    principle = models.OneToOneField(
        "declaration.Principle", on_delete=models.CASCADE, related_name="project_count"
    )
    projects = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.principle}: {self.projects}"
