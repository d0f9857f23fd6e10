from .models import SiteProfile


def site(request):
    """Add the clinic's profile as `site` to every template; cached, so pages keep a fixed query count."""
    return {"site": SiteProfile.objects.get_current()}
