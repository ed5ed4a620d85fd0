"""The admin site staff use: Django's, behind two-factor sign-in.

Every app registers its admin with `django.contrib.admin.site` as usual;
that is this site (StaffAdminConfig in apps.py makes it the default).
"""

from django.contrib import admin, auth
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import path, reverse

from localdigital.core import staff_sign_in
from localdigital.core.staff_sessions import is_signed_in_staff


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        # A password alone is not enough: the session must have been proved
        # with a second factor.
        return is_signed_in_staff(request.user)

    def login(self, request, extra_context=None):
        if request.method == "GET" and self.has_permission(request):
            return redirect(reverse("admin:index", current_app=self.name))
        if request.user.is_authenticated and not self.has_permission(request):
            # Signed in without a second factor (a session from before it was
            # needed): start again, from the password.
            auth.logout(request)
        context = {
            **self.each_context(request),
            "title": "Log in",
            "subtitle": None,
            "app_path": request.get_full_path(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return staff_sign_in.PasswordStep.as_view(
            extra_context=context,
            authentication_form=self.login_form or staff_sign_in.StaffAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)

    # The steps after the password. The first two are for someone who is not
    # signed in yet (each checks the password was given); the recovery codes
    # are shown once they are.
    def sign_in_code(self, request):
        return staff_sign_in.code_step(request, self)

    def sign_in_set_up(self, request):
        return staff_sign_in.set_up_step(request, self)

    def sign_in_recovery_codes(self, request):
        return staff_sign_in.recovery_codes(request, self)

    def get_urls(self):
        return [
            path("login/code/", self.sign_in_code, name="sign-in-code"),
            path("login/set-up/", self.sign_in_set_up, name="sign-in-set-up"),
            path(
                "login/recovery-codes/",
                self.admin_view(self.sign_in_recovery_codes),
                name="sign-in-recovery-codes",
            ),
            *super().get_urls(),
        ]
