from django.conf import settings
from django.core.exceptions import SuspiciousOperation


class PermissionsPolicyMiddleware:
    """Tells browsers that no page of ours may use the camera, location and so on.

    Django's SecurityMiddleware sets the other security headers; this one it
    does not know about.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminRefusesNulMiddleware:
    """Answers 400 to an admin address whose query string holds a NUL byte.

    The admin's lists filter on whatever their query string says, and
    PostgreSQL refuses a NUL byte in any text it is sent, which would be a
    server error. No real filter or search has one; the public pages, which
    are ours, drop them where they read their query strings.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise SuspiciousOperation("A NUL byte in an admin query string.")
        return self.get_response(request)
