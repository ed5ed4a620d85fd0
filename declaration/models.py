from django.db import models
from django.urls import reverse

from localdigital.core.markdown import render_markdown
from localdigital.core.search_document import SearchDocumentIndex, search_document_field


class Declaration(models.Model):
    """The declaration's own text: its introduction, its aims and its closing pledge.

    There is exactly one; the database refuses a second.
    """

    SINGLE_ID = 1

    title = models.CharField(max_length=200)
    introduction = models.TextField(
        help_text="Markdown. The shared ambition that opens the declaration."
    )
    aims = models.TextField(help_text="Markdown. The aims, as a list.")
    closing = models.TextField(
        help_text="Markdown. What signatories commit to, after the principles.",
    )
    introduction_html = models.TextField(editable=False)
    aims_html = models.TextField(editable=False)
    closing_html = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = search_document_field(A=["title"], B=["introduction", "aims", "closing"])

    class Meta:
        verbose_name = "declaration text"
        verbose_name_plural = "declaration text"
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="declaration_is_single"),
        ]
        indexes = [SearchDocumentIndex(fields=["search_document"], name="declaration_search_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.pk = self.SINGLE_ID
        self.introduction_html = render_markdown(self.introduction)
        self.aims_html = render_markdown(self.aims)
        self.closing_html = render_markdown(self.closing)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("declaration:index")


class PrincipleQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("number")


class Principle(models.Model):
    """One of the declaration's five principles, with its "we will" commitments."""

    number = models.PositiveSmallIntegerField(
        unique=True, help_text="Its place in the declaration: 1 to 5."
    )
    slug = models.SlugField(unique=True, help_text="The last part of its web address.")
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="Markdown. A short explanation of the principle.")
    commitments = models.TextField(
        help_text='Markdown. What signatories will do, as a list of "we will" statements.',
    )
    summary_html = models.TextField(editable=False)
    commitments_html = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = search_document_field(A=["title"], B=["summary"], C=["commitments"])

    objects = PrincipleQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="principle_number_positive"
            ),
        ]
        indexes = [SearchDocumentIndex(fields=["search_document"], name="principle_search_idx")]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def save(self, *args, **kwargs):
        self.summary_html = render_markdown(self.summary)
        self.commitments_html = render_markdown(self.commitments)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("declaration:principle", kwargs={"slug": self.slug})


class ServiceArea(models.Model):
    """A council service that commitments and bids are tagged with.

    A staff-managed list, so that tags stay consistent and can be filtered on.
    """

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
