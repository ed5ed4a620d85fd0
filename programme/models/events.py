"""Events: online or at a venue, upcoming or past, each with a calendar file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from localdigital.core.markdown import render_markdown
from programme.models.publishing import PublicationStatus


class Attendance(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in-person", "At a venue"


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def upcoming(self):
        """Not over yet (one under way is still upcoming), soonest first."""
        return self.published().filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.published().filter(ends_at__lte=timezone.now()).order_by("-starts_at", "-pk")

    def next_end_time(self):
        """When the next event ends and so becomes past, or None: the pages that
        split upcoming from past are kept in the cache no later than that."""
        return self.upcoming().order_by("ends_at").values_list("ends_at", flat=True).first()


class Event(models.Model):
    title = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="The last part of its web address."
    )
    description = models.TextField(help_text="Markdown.")
    description_html = models.TextField(editable=False)
    starts_at = models.DateTimeField("starts", help_text="UK time.")
    ends_at = models.DateTimeField("ends", help_text="UK time.")
    attendance = models.CharField(max_length=20, choices=Attendance.choices)
    venue_name = models.CharField("venue", max_length=200, blank=True)
    venue_address = models.TextField(
        "venue address", blank=True, help_text="For an event at a venue: one line a part."
    )
    organiser = models.CharField(max_length=200)
    booking_url = models.URLField("booking link", max_length=500, blank=True)
    accessibility = models.TextField(
        "accessibility information",
        blank=True,
        help_text="Step-free access, captions, hearing loops, how to ask for adjustments.",
    )
    status = models.CharField(
        max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(
                fields=["status", "ends_at", "starts_at"], name="event_status_ends_starts"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programme:event", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(
                "The end must be after the start", code="ends_before_start"
            )
        if self.attendance == Attendance.IN_PERSON and not self.venue_name:
            errors["venue_name"] = ValidationError(
                "Enter the venue of an event that is not online", code="venue_missing"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return self.attendance == Attendance.ONLINE

    @property
    def location(self) -> str:
        """Where it is, on one line: "Online", or the venue and its address."""
        if self.is_online:
            return "Online"
        lines = [self.venue_name, *self.venue_address.splitlines()]
        return ", ".join(line.strip() for line in lines if line.strip())

    @property
    def is_over(self) -> bool:
        return self.ends_at <= timezone.now()
