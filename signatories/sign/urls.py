"""The sign-up journey, under /sign/: question pages, check your answers, and
the pages opened by the single-use links we email."""

from django.urls import path

from signatories import sign_views

app_name = "sign"

urlpatterns = [
    path("", sign_views.start, name="start"),
    path("organisation/", sign_views.organisation, name="organisation"),
    path(
        "organisation/not-listed/",
        sign_views.organisation_not_listed,
        name="organisation-not-listed",
    ),
    path("your-details/", sign_views.your_details, name="your-details"),
    path("senior-approver/", sign_views.senior_approver, name="senior-approver"),
    path("project/", sign_views.commitment, name="commitment"),
    path("principles/", sign_views.principles, name="principles"),
    path("service-area/", sign_views.service_area, name="service-area"),
    path("authority/", sign_views.authority, name="authority"),
    path("check-answers/", sign_views.check_answers, name="check-answers"),
    path("confirmation/", sign_views.confirmation, name="confirmation"),
    path("new-link/", sign_views.resend_confirmation, name="resend-confirmation"),
    path("confirm/<str:token>/", sign_views.confirm_email, name="confirm-email"),
    path("email-confirmed/", sign_views.email_confirmed, name="email-confirmed"),
    path("edit/<str:token>/", sign_views.edit, name="edit"),
    path("approve/<str:token>/", sign_views.approver_sign, name="approver-sign"),
    path("signed/", sign_views.signed, name="signed"),
]
