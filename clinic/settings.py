"""Settings for the clinic content platform: one module, every deploy-time value from the environment.

Each variable is listed, with its default, in the README's configuration table.
"""

import ipaddress
import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_networks(name: str, default: str = "") -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for part in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(part))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name} lists addresses or networks separated by commas (172.30.57.0/24,10.0.0.5); "
                f"{part!r} is not one: {error}."
            ) from None
    return networks


# 1. Django core

DEBUG = env_bool("DJANGO_DEBUG")

INSECURE_KEY_MARKERS = ("insecure", "changeme", "change-me", "secret", "django-insecure")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "dev-only-insecure-key-never-used-with-debug-off"
if not DEBUG and (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or any(marker in SECRET_KEY.lower() for marker in INSECURE_KEY_MARKERS)
):
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to 50+ random characters (python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))'), or DJANGO_DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "clinic.site",
    "articles",
    "library",
    "conditions",
    "editorial",
    "domain",  # app label "clinic", as before the split
    "infrastructure",
    "editorial.admin_site.ClinicAdminConfig",  # django.contrib.admin with the shared permission rule
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_ckeditor_5",
    "simple_history",
    "sorl.thumbnail",
    "axes",
    "django_otp",
    "editorial.staff_auth.apps.AuthenticatorAppsConfig",  # django-otp's TOTP plugin, named for the admin
    "editorial.staff_auth.apps.RecoveryCodesConfig",  # django-otp's static-token plugin, likewise
    "editorial.staff_auth",  # after axes: its failure log reads what axes recorded
]

MIDDLEWARE = [
    # Outermost: its time covers everything below; it answers /metrics for its readers only, before the
    # page cache, the request log or the host check see it (infrastructure/metrics.py).
    "infrastructure.metrics.MetricsMiddleware",
    "infrastructure.request_log.RequestLogMiddleware",  # its time covers everything below
    # The page's language, from its address alone (/es/…), before the page cache fills a kept page's holes.
    "infrastructure.url_language.PathLanguageMiddleware",
    "infrastructure.page_cache.SafeGZipMiddleware",  # outside the page cache, whose hits come compressed
    # First: an anonymous hit skips every other middleware and replays the headers they set on the page it
    # keeps (infrastructure/page_cache.py). Its key holds the scheme, so a plain-HTTP request never meets an
    # HTTPS page: it misses, and SecurityMiddleware below redirects it.
    "infrastructure.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the session, the database or a view: NUL never reaches PostgreSQL.
    "infrastructure.middleware.ControlCharactersMiddleware",
    # Only under /admin/: staff read the admin in their browser's language; public pages stay in English.
    # Outside everything that renders or stores a message, so all of it is in that language.
    "editorial.admin_language.AdminLanguageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "infrastructure.middleware.PublicPostLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "editorial.staff_auth.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "domain.redirects.RedirectMiddleware",  # a 404 at an address a page used to have: 301 to it
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks: it turns a lockout into the lockout page
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "domain.context_processors.site",
            ],
        },
    },
]

# Unset: an SQLite file beside manage.py. postgres://…: PostgreSQL, connections reused and checked.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Threads write at once (runserver; an autosave while Save is pressed): a transaction takes the write
    # lock when it begins and waits up to 20 s for it, instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every worker (and, with Redis, every server); content is invalidated by a generation key
# (infrastructure/cache.py). Both backends log an outage and answer as a miss, so pages come from the
# database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "infrastructure.cache.ResilientRedisCache",  # django-redis's, wrapped
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # Short timeouts: a Redis that hangs must not hold pages for long.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                # Errors must reach the wrapper, which pauses the cache and clears it after a lost write;
                # django-redis's own handling would answer a miss silently (even if DJANGO_REDIS_* says so).
                "IGNORE_EXCEPTIONS": False,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "infrastructure.cache.ResilientFileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Whole pages for anonymous readers (infrastructure/page_cache.py), dropped at any change of content.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = 10 * 60  # an upper bound only: a change ends a page's life at once
# What a shared proxy in front may do with a public page: keep it this long, then serve it stale while it
# fetches a fresh copy. Short, so a change (a crisis line) reaches readers within about a second.
PAGE_CACHE_SHARED_SECONDS = env_int("DJANGO_PAGE_CACHE_SHARED_SECONDS", 1)
PAGE_CACHE_STALE_SECONDS = env_int("DJANGO_PAGE_CACHE_STALE_SECONDS", 10)
# How long a worker trusts the cache tags' tokens it last read before asking the shared cache again; a
# change made by another worker or server is seen after at most this long.
PAGE_CACHE_GENERATION_SECONDS = 0.25
# After a change one request renders a page; others get the previous copy for at most this long meanwhile.
PAGE_CACHE_RENDER_LOCK_SECONDS = 1
# Pages whose tags would make longer Cache-Tag / Surrogate-Key headers than this send none (CDNs cap them).
PAGE_CACHE_TAG_HEADER_BYTES = 8000
# Blocks of a page marked {% sharedfragment %} (its heavy lists: safety items, sources, related articles) are
# rendered once per change of what they show, for pages rendered with the page cache off or missing too
# (domain/templatetags/fragments.py). Off: every block is rendered in place, as tests compare against.
FRAGMENT_CACHE = env_bool("DJANGO_FRAGMENT_CACHE", True)
# Each worker also keeps the pages it served lately in its own memory, up to this size, so that a repeated
# hit costs no round trip to the shared cache (a new generation empties it).
PAGE_CACHE_LOCAL_BYTES = env_int("DJANGO_PAGE_CACHE_LOCAL_MB", 32) * 1024 * 1024
# At most this many kept pages per path and content generation with a query string (a search, a page number;
# parameters a page doesn't read are dropped first), and as many without: anonymous requests can't fill the
# cache (issue 19). Beyond it a page is rendered for each request, as if the page cache were off.
PAGE_CACHE_VARIANTS_PER_PATH = env_int("DJANGO_PAGE_CACHE_VARIANTS_PER_PATH", 50)
# Never cached: the admin, the pre-screen (health answers), machine paths, uploads, view counting. (/metrics
# is answered above the page cache, to its readers only; to anyone else it is an unknown address like any.)
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/safety/check/",
    "/healthz",
    "/media/",
    "/static/",
    "/articles/views/",
]
# Never compressed (BREACH): pages that carry a CSRF token or a reader's answers beside what they typed.
COMPRESSION_EXCLUDED_PATHS = ["/admin/", "/safety/check/"]

# /sitemap.xml becomes an index of one file per section from this many published articles on.
SITEMAP_INDEX_FROM = env_int("DJANGO_SITEMAP_INDEX_FROM", 1000)

# English is the site's language, at today's addresses; Spanish pages live under /es/ (issue 24). A public
# page's language comes from its address alone (infrastructure/url_language.py), never from what a browser
# asks for, so the page cache keeps one page per address. Interface strings are extracted to locale/es/
# (`make messages`); content is translated row by row, each translation reviewed (domain/translations.py).
# The admin follows each staff member's browser (editorial.admin_language).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin's date fields are typed year-month-day in Spanish too (clinic/formats/es/formats.py).
FORMAT_MODULE_PATH = ["clinic.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media storage (issue 11): uploads and their renditions go to S3-compatible object storage through
# django-storages when S3_BUCKET is set, to MEDIA_ROOT otherwise. S3_PUBLIC_URL (e.g. the proxy's
# https://clinic.example.org/media) gives plain public URLs; without it, URLs are signed and expire.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
S3_PUBLIC_URL = os.environ.get("S3_PUBLIC_URL", "").rstrip("/")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "infrastructure.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("S3_REGION", "us-east-1"),
            "querystring_auth": not S3_PUBLIC_URL,
            "querystring_expire": env_int("S3_URL_EXPIRY", 3600),
        },
    }
    if S3_PUBLIC_URL:
        _scheme, _, _domain = S3_PUBLIC_URL.partition("//")
        STORAGES["default"]["OPTIONS"].update(url_protocol=_scheme, custom_domain=_domain)
# /media/ answers from the local disk, or redirects to the object store (a fresh signature for private
# buckets): on by default, so a single box serves its uploads with debug off and no other server.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Image uploads per person (the editor's and the admin forms' together) in each window of this many minutes:
# decoding costs CPU and memory, so one account can't keep the workers busy (issue 19). Counted in the shared
# cache, so the limit holds across workers and servers.
UPLOAD_RATE_LIMIT = env_int("DJANGO_UPLOAD_RATE_LIMIT", 60)
UPLOAD_RATE_MINUTES = env_int("DJANGO_UPLOAD_RATE_MINUTES", 10)
# Public forms (the pre-screen) are a few hundred bytes; anything far larger is refused unread.
PUBLIC_POST_MAX_BYTES = env_int("DJANGO_PUBLIC_POST_MAX_BYTES", 16 * 1024)

LOGIN_URL = "admin:login"
# Staff who sign in without a `next` address land on the admin home page, not on a missing profile page.
LOGIN_REDIRECT_URL = "admin:index"

# Email: workflow notifications (submitted for review, published, scheduled, sent back). Printed to the
# console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Clinic admin <webmaster@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CSRF_FAILURE_VIEW = "clinic.site.views.csrf_failure"  # the site's own page, titled like every other

# Staff sign-in (README, "Staff sign-in"). Axes checks for a lockout before any password is tried.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    # Django's similarity check, and the username or name repeated or with a few characters added is refused.
    {
        "NAME": "editorial.staff_auth.passwords.PersonalInfoSimilarityValidator",
        "OPTIONS": {"min_own_characters": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff must add a code from an authenticator app after their password. Computed here, once, from the
# environment: `make run` and `make test` export DJANGO_DEBUG=1 and so keep the one-step demo login (tests
# of the second factor switch it on with the `settings` fixture; the middleware reads it per request).
REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", not DEBUG)
# A staff session ends after a working day without a request: saving the session on every request moves
# its expiry SESSION_COOKIE_AGE forward, so only inactivity ends it. Readers have no session to save.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_IDLE_HOURS", 8) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# The proxies in front of the app (addresses or networks). Only a request that comes from one of them has its
# X-Forwarded-For read, right to left past these proxies, for the client's address
# (infrastructure/client_address.py). Empty: the connection's own address is the client's; no header is
# believed.
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES")

# /metrics (infrastructure/metrics.py): the site's own numbers for Prometheus, to a client (as
# client_address() finds it behind TRUSTED_PROXIES) in one of these networks, with the bearer token when one
# is set. Anyone else gets the site's 404, as for any unknown address.
METRICS_PATH = "/metrics"
METRICS_NETWORKS = env_networks("DJANGO_METRICS_NETWORKS", "127.0.0.0/8,::1")
METRICS_TOKEN = os.environ.get("DJANGO_METRICS_TOKEN", "").strip()
if METRICS_TOKEN and len(METRICS_TOKEN) < 24:
    raise ImproperlyConfigured(
        "DJANGO_METRICS_TOKEN must be 24 characters or more (python -c 'import secrets; "
        "print(secrets.token_urlsafe(32))'), or unset to let METRICS_NETWORKS alone decide."
    )

# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto, secure cookies, HSTS.
if env_bool("DJANGO_BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container health check speaks plain HTTP
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"message": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": sys.stderr},
        # One JSON object per line, as log collectors read them (infrastructure/request_log.py).
        "requests": {"class": "logging.StreamHandler", "stream": sys.stderr, "formatter": "message"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "clinic.requests": {
            "handlers": ["requests"],
            "level": os.environ.get("DJANGO_REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

# 2. Third party

# Images come from this site; an object store on another origin (not the recommended /media/ route through
# the proxy) is added here so its images still show.
MEDIA_ORIGINS = sorted(
    {
        f"{parts.scheme}://{parts.netloc}"
        for parts in map(urlsplit, (S3_PUBLIC_URL, os.environ.get("S3_ENDPOINT_URL", "")))
        if S3_BUCKET and parts.netloc
    }
)

# A mental-health site loads nothing from other hosts; the policy makes that a browser-enforced promise.
# The admin's editor (CKEditor 5) injects style elements, hence 'unsafe-inline' for styles only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Browser features the site never uses are switched off for every page, the admin's included.
# Only features browsers recognise: chromium logs a warning on every page for one it doesn't know (it
# dropped ambient-light-sensor and bluetooth); tests/e2e/test_smoke.py checks for none.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "browsing-topics", "camera",
        "display-capture", "encrypted-media", "fullscreen", "gamepad", "geolocation", "gyroscope", "hid",
        "idle-detection", "interest-cohort", "local-fonts", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    ]
}  # fmt: skip

# Lockout after repeated failed sign-ins, counted per username and per address separately, so neither
# guessing many passwords for one account nor trying many accounts from one address gets far.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "editorial.staff_auth.lockout.lockout_response"
# The site's one rule for the client's address (TRUSTED_PROXIES): ipware's checks X-Forwarded-For entries by
# prefix and never asks whether the connection itself came from a trusted proxy.
AXES_CLIENT_IP_CALLABLE = "infrastructure.client_address.client_ip"
# A success must not clear the counters: with address counting, one attacker's own good login would
# clear the failures against every account tried from that address.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # one row per failed sign-in, kept for review in the admin

OTP_TOTP_ISSUER = os.environ.get("DJANGO_TOTP_ISSUER", "Clinic admin")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # nobody, superusers included, reads another person's TOTP key

# Renditions are written where the uploads are (local disk or the object store), for every server to read.
THUMBNAIL_STORAGE = "default"
THUMBNAIL_PRESERVE_FORMAT = False
THUMBNAIL_FORMAT = "WEBP"
THUMBNAIL_QUALITY = 80

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_MAX_FILE_SIZE = 20  # megabytes; larger photos are scaled down (articles/images.py)
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "gif", "webp"]
# The articles admin's own upload view: checks the file with Pillow and strips EXIF/GPS before storing.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "admin:articles_article_upload_image"
CKEDITOR_5_CONFIGS = {
    "default": {
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "imageUpload",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Heading", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Subheading", "class": "ck-heading_heading3"},
            ]
        },
        "image": {
            "toolbar": ["imageTextAlternative", "|", "toggleImageCaption"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "toggleTableCaption"]},
        "link": {"defaultProtocol": "https://"},
    },
}
