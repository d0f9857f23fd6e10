from .models import SiteProfile


def site(request):
    """Add the clinic's profile to every template; cached, so pages keep a fixed query count.

    `site_profile` is the same object, for the admin: auth's login view puts its own `site` in the context.
    """
    profile = SiteProfile.objects.for_request(request)
    return {"site": profile, "site_profile": profile}
