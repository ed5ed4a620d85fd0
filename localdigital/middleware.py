from django.conf import settings


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
