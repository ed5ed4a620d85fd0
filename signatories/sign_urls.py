"""The sign-up journey, under /sign/. (Views are being built in sign_views.py.)"""

from django.urls import path

from signatories import sign_views

app_name = "sign"

urlpatterns = [
    path("confirm/<str:token>/", sign_views.confirm_email, name="confirm-email"),
    path("edit/<str:token>/", sign_views.edit, name="edit"),
    path("approve/<str:token>/", sign_views.approver_sign, name="approver-sign"),
]
