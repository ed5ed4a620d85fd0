"""What news posts, events and programme pages share: draft or published, and
a slug whose old values keep working."""

from django.db import models


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def record_slug_change(instance: models.Model, redirect_model: type[models.Model]) -> None:
    """Keep the slug `instance` had before this save as a redirect to it.

    Called from the model's save(), inside the admin's transaction, so every
    change of slug is recorded however it is made. A redirect that now names
    the live slug is dropped: the page itself answers there.
    """
    redirect_model.objects.filter(old_slug=instance.slug).delete()
    if instance.pk is None:
        return
    before = type(instance).objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if before and before != instance.slug:
        redirect_model.objects.update_or_create(old_slug=before, defaults={"target": instance})
