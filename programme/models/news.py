"""News posts: written by content editors, published at a time they choose."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from localdigital.core.markdown import render_markdown
from programme.models.publishing import PublicationStatus, record_slug_change


class NewsPostQuerySet(models.QuerySet):
    def live(self):
        """Published, with a publication time that has come: a scheduled post
        appears at its time with no save, deploy or worker run."""
        return self.filter(status=PublicationStatus.PUBLISHED, published_at__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def next_publication_time(self):
        """When the next scheduled post appears, or None: public pages that
        list posts are kept in the cache no later than that."""
        return (
            self.filter(status=PublicationStatus.PUBLISHED, published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class NewsPost(models.Model):
    title = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="The last part of its web address."
    )
    summary = models.CharField(
        max_length=300, help_text="One or two sentences, shown in lists and the feed."
    )
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(editable=False)
    principles = models.ManyToManyField(Principle, blank=True, related_name="news_posts")
    service_areas = models.ManyToManyField(ServiceArea, blank=True, related_name="news_posts")
    status = models.CharField(
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text="A published post with a publication time still to come is scheduled.",
    )
    published_at = models.DateTimeField(
        "publication time",
        default=timezone.now,
        help_text="UK time. The post appears on the site at this time.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsPostQuerySet.as_manager()

    class Meta:
        verbose_name = "news post"
        ordering = ["-published_at"]
        indexes = [
            # The public lists, the feed and the next scheduled time all read this.
            models.Index(fields=["status", "-published_at"], name="news_status_published"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        record_slug_change(self, NewsPostSlugRedirect)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programme:news-post", kwargs={"slug": self.slug})

    @property
    def state_label(self) -> str:
        """Draft, Scheduled or Published, as staff see it in admin."""
        if self.status == PublicationStatus.DRAFT:
            return "Draft"
        return "Scheduled" if self.published_at > timezone.now() else "Published"


class NewsPostSlugRedirect(models.Model):
    """A post's former slug: its old address sends readers to the post."""

    old_slug = models.SlugField(max_length=150, unique=True)
    target = models.ForeignKey(NewsPost, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "former address"
        verbose_name_plural = "former addresses"

    def __str__(self):
        return self.old_slug
