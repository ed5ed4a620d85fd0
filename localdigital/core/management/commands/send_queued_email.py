from django.core.management.base import BaseCommand

from localdigital.core.models import OutboundEmail
from localdigital.core.outbox import send_due_emails


class Command(BaseCommand):
    help = (
        "Send the queued emails that are due, retrying failed ones with back-off. "
        "Run it every minute from a scheduler (cron or similar); on PostgreSQL several "
        "copies may run at once without sending any message twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="Most messages to try in one run (100)."
        )

    def handle(self, *args, limit, **options):
        outcomes = send_due_emails(limit=limit)
        self.stdout.write(
            f"Sent {outcomes[OutboundEmail.State.SENT]}, "
            f"will retry {outcomes[OutboundEmail.State.QUEUED]}, "
            f"gave up on {outcomes[OutboundEmail.State.FAILED]}."
        )
