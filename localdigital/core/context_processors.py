from django.conf import settings


def site(request):
    """Values every public page's layout needs."""
    return {
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
    }
