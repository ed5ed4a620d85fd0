"""Delete sign-ups whose officer never confirmed their email address (run daily).

An unconfirmed sign-up holds personal data we have no reason to keep, and it
blocks its organisation: only one sign-up per organisation may be live.
"""

from django.core.management.base import BaseCommand

from signatories.services import UNCONFIRMED_LIFETIME, purge_unconfirmed


class Command(BaseCommand):
    help = f"Delete sign-ups left unconfirmed for {UNCONFIRMED_LIFETIME.days} days."

    def handle(self, *args, **options):
        deleted = purge_unconfirmed()
        self.stdout.write(f"Deleted {deleted} unconfirmed sign-up(s).")
