from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Pages and commands that compose several apps: the home page, the
    open-data index, principle pages, the sitemap and the demo content."""

    name = "localdigital.pages"
    label = "pages"
    verbose_name = "Site pages"
