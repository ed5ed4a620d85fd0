"""Programme pages: a small tree of pages (cyber support, digital planning,
training) that content editors keep in Markdown."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from localdigital.core.markdown import render_markdown
from programme.models.publishing import PublicationStatus, record_slug_change

# A heading as the Markdown renderer writes it (the sanitiser keeps h2 and no
# attributes), and as it is kept, with the id the contents list links to.
RENDERED_HEADING = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)
KEPT_HEADING = re.compile(r'<h2 id="(section-\d+)">(.*?)</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def with_section_ids(html: str) -> str:
    """Sanitised HTML with each level-2 heading numbered, for the contents list's links."""
    numbers = iter(range(1, html.count("<h2>") + 1))
    return RENDERED_HEADING.sub(
        lambda match: f'<h2 id="section-{next(numbers)}">{match.group(1)}</h2>', html
    )


class ProgrammePageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def in_order(self):
        return self.order_by("position", "title")

    def tree(self):
        """Every published page, light: what the navigation is drawn from, in one query."""
        return self.published().in_order().values("pk", "parent_id", "title", "slug")


class ProgrammePage(models.Model):
    title = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="The last part of its web address."
    )
    summary = models.CharField(max_length=300, help_text="One sentence, shown in lists.")
    body = models.TextField(
        help_text="Markdown. Each level-2 heading (## Heading) is listed in the page's contents."
    )
    body_html = models.TextField(editable=False)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Leave empty for a page at the top of the programme.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Pages with the same parent are listed by this number, lowest first."
    )
    status = models.CharField(
        max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammePageQuerySet.as_manager()

    class Meta:
        verbose_name = "programme page"
        ordering = ["position", "title"]
        indexes = [models.Index(fields=["status", "position"], name="programme_page_status_pos")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = with_section_ids(render_markdown(self.body))
        record_slug_change(self, ProgrammePageSlugRedirect)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programme:page", kwargs={"slug": self.slug})

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {
                        "parent": ValidationError(
                            "A page cannot be inside itself or one of its own pages",
                            code="parent_loop",
                        )
                    }
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def sections(self) -> list[dict]:
        """The contents list: each level-2 heading's id and text."""
        return [
            {"id": section_id, "text": TAG.sub("", heading).strip()}
            for section_id, heading in KEPT_HEADING.findall(self.body_html)
        ]


class ProgrammePageSlugRedirect(models.Model):
    """A page's former slug: its old address sends readers to the page."""

    old_slug = models.SlugField(max_length=150, unique=True)
    target = models.ForeignKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "former address"
        verbose_name_plural = "former addresses"

    def __str__(self):
        return self.old_slug
