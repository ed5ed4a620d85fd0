from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from declaration import urls as declaration_urls
from localdigital.core import notify_receipts
from localdigital.core.page_cache import public_page
from localdigital.core.site_address import sitemap_index, sitemap_section
from localdigital.pages import open_data, principles, views
from localdigital.pages.search import views as search_views
from localdigital.pages.sitemaps import SITEMAPS

admin.site.site_header = "Local Digital administration"
admin.site.site_title = "Local Digital administration"
admin.site.index_title = "Manage the site"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path(
        "declaration/",
        include(
            (
                [
                    *declaration_urls.urlpatterns,
                    path(
                        "<slug:slug>/", public_page(principles.principle_detail), name="principle"
                    ),
                ],
                declaration_urls.app_name,
            )
        ),
    ),
    path("sign/", include("signatories.sign.urls")),
    path("", include("signatories.urls")),
    path("fund/apply/", include("funding.apply.urls")),
    path("fund/", include("funding.urls")),
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
        public_page(sitemap_section),
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
