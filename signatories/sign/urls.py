"""The sign-up journey, under /sign/: question pages, check your answers, and
the pages opened by the single-use links we email."""

from django.urls import path

from signatories.sign import links, questions, report, sending

app_name = "sign"

urlpatterns = [
    path("", questions.start, name="start"),
    path("organisation/", questions.organisation, name="organisation"),
    path(
        "organisation/not-listed/",
        questions.organisation_not_listed,
        name="organisation-not-listed",
    ),
    path("your-details/", questions.your_details, name="your-details"),
    path("senior-approver/", questions.senior_approver, name="senior-approver"),
    path("project/", questions.commitment, name="commitment"),
    path("principles/", questions.principles, name="principles"),
    path("service-area/", questions.service_area, name="service-area"),
    path("authority/", questions.authority, name="authority"),
    path("check-answers/", sending.check_answers, name="check-answers"),
    path("confirmation/", sending.confirmation, name="confirmation"),
    path("new-link/", links.resend_confirmation, name="resend-confirmation"),
    path("confirm/<str:token>/", links.confirm_email, name="confirm-email"),
    path("email-confirmed/", links.email_confirmed, name="email-confirmed"),
    path("edit/<str:token>/", links.edit, name="edit"),
    path("approve/<str:token>/", links.approver_sign, name="approver-sign"),
    path("signed/", links.signed, name="signed"),
    path("report/<str:token>/", report.report, name="report"),
    path("report-sent/", report.report_sent, name="report-sent"),
]
