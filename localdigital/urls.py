from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from declaration import views as declaration_views
from localdigital.core import notify_receipts
from localdigital.core.page_cache import public_page
from localdigital.core.site_address import sitemap_index, sitemap_section
from localdigital.pages import (
    declaration_page,
    email_updates,
    feedback,
    open_data,
    performance_views,
    principles,
    views,
)
from localdigital.pages.search import views as search_views
from localdigital.pages.sitemaps import SITEMAPS, news_kept_until_the_next_post
from programme.views import co_publishers
from sharing import project_page

admin.site.site_header = "Local Digital administration"
admin.site.site_title = "Local Digital administration"
admin.site.index_title = "Manage the site"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    # The declaration's pages list other apps' records (co-publishers, commitments,
    # funded projects), so they are composed here, above the apps.
    path(
        "declaration/",
        include(
            (
                [
                    path("", public_page(declaration_page.declaration_index), name="index"),
                    path(
                        "co-publishers/",
                        public_page(co_publishers.co_publisher_list),
                        name="co-publishers",
                    ),
                    path(
                        "<slug:slug>/", public_page(principles.principle_detail), name="principle"
                    ),
                ],
                "declaration",
            )
        ),
    ),
    # Not kept whole with the pages: each version of the text is drawn once and
    # kept by declaration/document.py, whatever else on the site changes.
    path("declaration.pdf", declaration_views.declaration_pdf, name="declaration-pdf"),
    path("sign/", include("signatories.sign.urls")),
    path("", include("signatories.urls")),
    path("fund/apply/", include("funding.apply.urls")),
    # The funded project's page, with its updates (sharing), at the address
    # the fund gives it (reverse("fund:project")): matched before the fund's own.
    path(
        "fund/projects/<slug:reference>/",
        public_page(project_page.project_detail),
        name="project-with-updates",
    ),
    path("", include("sharing.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    # A form for one person's address: never kept whole in the cache.
    path("email-updates/", email_updates.email_updates, name="email-updates"),
    path("fund/", include("funding.urls")),
    path("", include("programme.urls")),
    path(
        "accessibility/",
        views.information_page("pages/accessibility.html", "Accessibility statement"),
        name="accessibility",
    ),
    path(
        "privacy/", views.information_page("pages/privacy.html", "Privacy notice"), name="privacy"
    ),
    path("cookies/", views.information_page("pages/cookies.html", "Cookies"), name="cookies"),
    path(
        "contact/",
        views.information_page("pages/contact.html", "Contact Local Digital"),
        name="contact",
    ),
    path("open-data/", public_page(open_data.open_data_page), name="open-data"),
    path(
        "open-data/datapackage.json",
        public_page(open_data.data_package_json),
        name="open-data-package",
    ),
    path("feedback/", feedback.feedback, name="feedback"),
    path("feedback/sent/", feedback.feedback_sent, name="feedback-sent"),
    path("performance/", public_page(performance_views.performance_page), name="performance"),
    path("performance.csv", public_page(performance_views.performance_csv), name="performance-csv"),
    path(
        "performance.json", public_page(performance_views.performance_json), name="performance-json"
    ),
    path(
        "performance-rounds.csv",
        public_page(performance_views.rounds_csv),
        name="performance-rounds-csv",
    ),
    path(
        "performance-rounds.json",
        public_page(performance_views.rounds_json),
        name="performance-rounds-json",
    ),
    # Public: the query string is part of the page cache's key, so each search is kept apart.
    path("search/", public_page(search_views.search), name="search"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    # The index, then each section in pages of SiteSitemap.limit addresses.
    path(
        "sitemap.xml",
        public_page(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        public_page(news_kept_until_the_next_post(sitemap_section)),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "notify/delivery-receipts/",
        notify_receipts.delivery_receipt,
        name="notify-delivery-receipt",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler400 = "localdigital.pages.views.bad_request"
handler403 = "localdigital.pages.views.permission_denied"
handler404 = "localdigital.pages.views.page_not_found"
handler500 = "localdigital.pages.views.server_error"
