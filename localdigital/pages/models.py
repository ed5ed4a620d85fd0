"""What the site keeps about how the service is doing: visitors' feedback, and
the service performance figures worked out from the records."""

from django.db import models
from django.utils import timezone


class Satisfaction(models.TextChoices):
    """GOV.UK's satisfaction question, best first."""

    VERY_SATISFIED = "very_satisfied", "Very satisfied"
    SATISFIED = "satisfied", "Satisfied"
    NEITHER = "neither", "Neither satisfied nor dissatisfied"
    DISSATISFIED = "dissatisfied", "Dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied", "Very dissatisfied"


# The answers that count as satisfied in the satisfaction figure.
SATISFIED_ANSWERS = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED)


class Feedback(models.Model):
    """One visitor's answer to the satisfaction question. Nothing about who they are is kept."""

    satisfaction = models.CharField(max_length=20, choices=Satisfaction.choices)
    comment = models.TextField("how we could improve", blank=True)
    from_page = models.CharField(
        "page they came from", max_length=300, blank=True, help_text="A path on this site."
    )
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name_plural = "feedback"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return (
            f"{self.get_satisfaction_display()} on {timezone.localtime(self.received_at):%d %B %Y}"
        )


class PerformanceReport(models.Model):
    """The service performance figures as last worked out, with when.

    Working them out reads every sign-up's history, so the worker does it every
    hour (localdigital/pages/tasks.py) and the public page reads this one row.
    """

    figures = models.JSONField()
    worked_out_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-worked_out_at", "-pk"]

    def __str__(self):
        return f"Performance figures of {timezone.localtime(self.worked_out_at):%d %B %Y %H:%M}"
