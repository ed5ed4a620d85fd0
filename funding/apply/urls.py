"""The officers' side of the fund: signing in by email, and bidding."""

from django.urls import path

from funding.apply import (
    check_answers,
    download,
    expression,
    expression_page,
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
    path("expressions/<int:pk>/", expression_page.expression, name="expression"),
    path("expressions/<int:pk>/sent/", expression_page.expression_sent, name="expression-sent"),
    path("expressions/<int:pk>/start-bid/", expression_page.start_bid, name="expression-start-bid"),
    path("<slug:slug>/expression/", expression.expression_form, name="expression-form"),
    path(
        "<slug:slug>/expression/check-your-answers/",
        expression.expression_check,
        name="expression-check",
    ),
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
