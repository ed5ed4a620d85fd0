"""The single-use links officers sign in with."""

import datetime

from django.db import models
from django.utils import timezone


class SignInLink(models.Model):
    """A single-use link that signs an officer in to bid; only its hash is kept."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="sign_in_link_expiry_idx")]

    def __str__(self):
        return f"Sign-in link for {self.email}"

    def is_usable(self, *, now: datetime.datetime | None = None) -> bool:
        return self.used_at is None and self.expires_at > (now or timezone.now())
