"""The officers' side of the fund: signing in by email, and bidding."""

from django.urls import path

from funding.apply import (
    check_answers,
    download,
    section,
    sign_in,
    start,
    task_list,
    withdraw,
    your_bids,
)

app_name = "apply"

urlpatterns = [
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-in/check-your-email/", sign_in.check_email, name="sign-in-check-email"),
    path("sign-in/<str:token>/", sign_in.sign_in_link, name="sign-in-link"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("", your_bids.your_bids, name="your-bids"),
    path("bids/<int:pk>/", task_list.task_list, name="bid"),
    path("bids/<int:pk>/check-your-answers/", check_answers.check_answers, name="check-answers"),
    path("bids/<int:pk>/submitted/", check_answers.submitted, name="submitted"),
    path("bids/<int:pk>/withdraw/", withdraw.withdraw, name="withdraw"),
    path(
        "<slug:slug>/eligibility/partners/",
        start.eligibility_partners,
        name="eligibility-partners",
    ),
    path("bids/<int:pk>/<str:section>/", section.section, name="section"),
    path("bids/<int:pk>/attachments/<str:token>/", download.attachment_download, name="attachment"),
    # Last: a round's eligibility questions, at /fund/apply/<round slug>/.
    path("<slug:slug>/", start.start, name="start"),
    path("<slug:slug>/eligibility/", start.eligibility, name="eligibility"),
]
