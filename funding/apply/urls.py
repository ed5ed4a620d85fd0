"""The officers' side of the fund: signing in by email, and bidding.

Two parts, kept apart because they are built in two files of views:
the journey around the bid (apply_views) and its sections (section_views).
"""

from django.urls import path

from funding import apply_views, section_views

app_name = "apply"

urlpatterns = [
    path("sign-in/", apply_views.sign_in, name="sign-in"),
    path("sign-in/check-your-email/", apply_views.check_email, name="sign-in-check-email"),
    path("sign-in/<str:token>/", apply_views.sign_in_link, name="sign-in-link"),
    path("sign-out/", apply_views.sign_out, name="sign-out"),
    path("", apply_views.your_bids, name="your-bids"),
    path("bids/<int:pk>/", apply_views.task_list, name="bid"),
    path("bids/<int:pk>/check-your-answers/", apply_views.check_answers, name="check-answers"),
    path("bids/<int:pk>/submitted/", apply_views.submitted, name="submitted"),
    path("bids/<int:pk>/withdraw/", apply_views.withdraw, name="withdraw"),
    path(
        "<slug:slug>/eligibility/partners/",
        apply_views.eligibility_partners,
        name="eligibility-partners",
    ),
    # --- section pages (section_views): add their patterns below this line only ---
    path("bids/<int:pk>/<str:section>/", section_views.section, name="section"),
    path(
        "bids/<int:pk>/attachments/<str:token>/",
        section_views.attachment_download,
        name="attachment",
    ),
    # --- end of section pages ---
    # Last: a round's eligibility questions, at /fund/apply/<round slug>/.
    path("<slug:slug>/", apply_views.start, name="start"),
    path("<slug:slug>/eligibility/", apply_views.eligibility, name="eligibility"),
]
