"""Updates that the officers of a funded project post about its work.

An update is public while it is published and its project is a published
funded project; staff may hide one (with a reason, recorded by the workflow
engine), and then it is shown nowhere: not on a page, a feed or the open data.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from funding.models import AttachmentKind, Bid, private_storage
from localdigital.core.markdown import render_markdown
from localdigital.core.models import StateChangeRecord
from localdigital.core.search_document import SearchDocumentIndex, search_document_field

# Case studies have a module of their own; Django finds models in this one.
from sharing.case_models import CaseStudy, CaseStudyState, CaseStudyStateChange, Outcome

__all__ = [
    "CaseStudy",
    "CaseStudyState",
    "CaseStudyStateChange",
    "Outcome",
    "ProjectUpdate",
    "UpdateDocument",
    "UpdateKind",
    "UpdateState",
    "UpdateStateChange",
]


class UpdateKind(models.TextChoices):
    SPRINT_NOTE = "sprint_note", "Sprint note"
    SHOW_AND_TELL = "show_and_tell", "Show and tell"
    OUTPUT = "output", "Output"
    BLOG_POST = "blog_post", "Blog post"


class UpdateState(models.TextChoices):
    PUBLISHED = "published", "Published"
    HIDDEN = "hidden", "Hidden by staff"


class ProjectUpdateQuerySet(models.QuerySet):
    def public(self):
        """Published updates of funded projects whose decisions are public."""
        return self.filter(state=UpdateState.PUBLISHED, bid__in=Bid.objects.funded())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        return self.select_related("bid", "bid__lead")

    def written_by(self, email: str):
        return self.filter(author_email__iexact=email.strip())


class ProjectUpdate(models.Model):
    bid = models.ForeignKey(
        "funding.Bid", on_delete=models.CASCADE, related_name="updates", verbose_name="project"
    )
    kind = models.CharField(max_length=20, choices=UpdateKind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown, as the officer wrote it.")
    # Rendered and sanitised once, when saved (localdigital.core.markdown).
    body_html = models.TextField(editable=False)
    links = models.TextField(blank=True, help_text="Web addresses, one a line.")
    author_email = models.EmailField("posted by")
    state = models.CharField(
        max_length=20, choices=UpdateState.choices, default=UpdateState.PUBLISHED
    )
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    search_document = search_document_field(A=["title"], C=["body"])

    objects = ProjectUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = "project update"
        ordering = ["-published_at", "-pk"]
        indexes = [
            # /updates/ and the feeds: published, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(state=UpdateState.PUBLISHED),
                name="update_published_idx",
            ),
            # A project's page and feed.
            models.Index(fields=["bid", "state", "-published_at"], name="update_project_idx"),
            models.Index(fields=["author_email"], name="update_author_idx"),
            SearchDocumentIndex(fields=["search_document"], name="update_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=UpdateState.values), name="update_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=UpdateKind.values), name="update_kind_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sharing:update", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        """How staff's pages name it (localdigital.core.admin_moves)."""
        return f"Update {self.pk}"

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


def document_path(instance: "UpdateDocument", filename: str) -> str:
    # As for bids' attachments: the name people gave the file never reaches the file system.
    return f"updates/{instance.update_id}/{instance.token}"


class UpdateDocument(models.Model):
    """A file published with an update: checked by its content as bids'
    attachments are (funding.uploads), kept in the same private storage, and
    served only while its update is public (sharing.documents)."""

    update = models.ForeignKey(ProjectUpdate, on_delete=models.CASCADE, related_name="documents")
    token = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(upload_to=document_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(help_text="In bytes.")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["update", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("sharing:document", kwargs={"pk": self.update_id, "token": self.token})


class UpdateStateChange(StateChangeRecord):
    update = models.ForeignKey(ProjectUpdate, on_delete=models.CASCADE, related_name="history")
    from_state = models.CharField(max_length=20, choices=UpdateState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=UpdateState.choices)

    class Meta(StateChangeRecord.Meta):
        verbose_name = "change of state"
