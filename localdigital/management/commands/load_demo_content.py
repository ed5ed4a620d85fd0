from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Add demonstration content for local development. Safe to run more than once."

    def handle(self, *args, **options):
        # The declaration itself is content, loaded by migration. Each app
        # adds its own demonstration data here as it gains some.
        self.stdout.write("Demo content is up to date.")
