"""The site's content version: read by the page cache, raised by every public change.

Every write that changes what the public sees calls `bump()` inside its own
transaction (the services that sign and remove signatories and publish bids'
outcomes), or has its model listed with `bump_on_change()` (the content staff
edit in admin, whose saves Django's admin runs in one transaction). The change and
the new number are committed together.

The page cache keeps each page with its `generation()`, a counter in the
shared cache that every bump advances once its transaction has committed
(before the request that made the change is answered), and serves it only
while the counter still says the same, so that serving a cached page costs
one trip to the cache and none to the database. Any request after the change
reads a generation that no page drawn before the change was kept with. A counter
that goes missing (flushed, evicted) starts again from the clock, above any
number it held before, so no page kept under an old one is served again.
"""

import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone

from localdigital.core.models import ContentVersion

ROW = 1
GENERATION_KEY = "content-version:generation"


def current() -> int:
    """The number now, in one indexed read (0 before the row is first written)."""
    with connection.cursor() as cursor:
        # Plain SQL: this runs before every cached page is served, and the
        # ORM's own work would be most of its cost.
        cursor.execute("SELECT number FROM localdigital_contentversion WHERE id = %s", [ROW])
        row = cursor.fetchone()
    return row[0] if row else 0


def bump() -> None:
    """Raise the number, as part of the transaction the caller is in."""
    with transaction.atomic():
        changed = ContentVersion.objects.filter(pk=ROW).update(
            number=F("number") + 1, changed_at=timezone.now()
        )
        if not changed:
            ContentVersion.objects.get_or_create(pk=ROW, defaults={"number": 1})
        # robust: the change is made whatever the cache says; logged, cached
        # pages then last out their PAGE_CACHE_SECONDS.
        transaction.on_commit(_advance_generation, robust=True)


def generation() -> int:
    """The shared cache's counter of committed changes (see the module's docstring)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def generation_with(key: str):
    """The generation and the value kept under `key`, in one trip to the cache."""
    found = cache.get_many([GENERATION_KEY, key])
    value = found.get(GENERATION_KEY)
    return (value if value is not None else generation()), found.get(key)


def _advance_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing: a new start is a new generation too
        if not cache.add(GENERATION_KEY, time.time_ns(), timeout=None):
            cache.incr(GENERATION_KEY)


def _bump_on_signal(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loading a fixture is not an edit
        return
    if kwargs.get("action", "post_").startswith("post_"):
        bump()


def bump_on_change(*models: type[Model]) -> None:
    """Raise the number whenever one of these models' rows is saved or deleted.

    For the content staff edit in admin, where every save goes through the
    model: the signal runs inside the admin's transaction. Many-to-many
    changes (a principle added to a project) are caught too.
    """
    for model in models:
        post_save.connect(_bump_on_signal, sender=model, dispatch_uid=f"bump-{model._meta.label}")
        post_delete.connect(
            _bump_on_signal, sender=model, dispatch_uid=f"bump-del-{model._meta.label}"
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _bump_on_signal,
                sender=field.remote_field.through,
                dispatch_uid=f"bump-m2m-{model._meta.label}-{field.name}",
            )


def _bump_after_migrate(sender, **kwargs) -> None:
    # A release runs its migrations before it serves: a new number means no
    # page drawn by the code before it is served after it.
    if sender.label == "localdigital":
        bump()


def bump_after_every_migrate() -> None:
    """Called once, from the app's ready()."""
    post_migrate.connect(_bump_after_migrate, dispatch_uid="bump-after-migrate")
