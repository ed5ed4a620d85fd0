"""What assessors record about a bid (scores and comments) and the links a funded project publishes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from funding.models.bids import Bid
from funding.models.rounds import Criterion


class Score(models.Model):
    """One assessor's score of one bid against one criterion, with their reasons."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bid_scores"
    )
    score = models.PositiveSmallIntegerField()
    justification = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["bid", "assessor", "criterion__order", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "criterion", "assessor"],
                name="one_score_per_assessor_and_criterion",
                violation_error_code="already_scored",
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    def clean(self):
        scale = self.criterion.round
        if not scale.score_min <= self.score <= scale.score_max:
            raise ValidationError(
                {
                    "score": ValidationError(
                        "Give a score from %(low)s to %(high)s.",
                        code="score_out_of_range",
                        params={"low": scale.score_min, "high": scale.score_max},
                    )
                }
            )


class BidComment(models.Model):
    """A note by an assessor on a bid, seen only by staff."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Comment by {self.author} on {self.bid.reference}"


class LinkKind(models.TextChoices):
    OUTPUT = "output", "Output"
    SPRINT_NOTE = "sprint_note", "Sprint note"


class ProjectLink(models.Model):
    """A link staff add to a funded project's page: something it made, or its sprint notes."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    title = models.CharField(max_length=200)
    url = models.URLField("web address", max_length=500)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "kind", "added_at", "pk"]

    def __str__(self):
        return self.title
