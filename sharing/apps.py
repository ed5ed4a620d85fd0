from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = "Sharing what councils do"

    def ready(self):
        from localdigital.core.content_version import bump_on_change
        from sharing.case_models import CaseStudy, Outcome

        # Staff edit a case study's words in admin, published or not.
        bump_on_change(CaseStudy, Outcome)
