"""Settings for the Local Digital site.

Every value comes from the environment (see .env.example), so one build runs
in every environment. Unset values fall back to what a developer's laptop
needs: SQLite, mail printed to the console, an in-process cache.
"""

import datetime
import tempfile
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from localdigital.beat_schedule import beat_schedule
from localdigital.core.inline_scripts import govuk_template_script_hashes
from localdigital.core.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A .env file is a convenience for local runs; real deployments set variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Without a key, commands that need none (migrate, makemigrations) still run;
# serving the site refuses to start (see localdigital/wsgi.py).
SECRET_KEY = env.str("SECRET_KEY", default="insecure-local-development-key" if DEBUG else "")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
ADMIN_URL = env.str("ADMIN_URL", default="admin/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Staff's second factors: an authenticator app, and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Counts wrong passwords and locks sign-in (see "Staff sign-in" below).
    "axes",
    "localdigital.core",
    # Django's admin, behind two-factor sign-in (localdigital.core.staff_admin);
    # after core, whose templates override a few of the admin's.
    "localdigital.core.apps.StaffAdminConfig",
    "subscriptions",
    "declaration",
    "signatories",
    "funding",
    "sharing",
    "programme",
    "localdigital.pages",
]

MIDDLEWARE = [
    "localdigital.core.middleware.RequestLogMiddleware",
    "localdigital.core.middleware.AdminNoIndexMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "localdigital.core.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before the session and authentication: a public page served from the
    # cache costs none of their work (localdigital/core/page_cache.py).
    "localdigital.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads a posted body (the CSRF check is the first to).
    "localdigital.core.middleware.RefuseUnreadableCharsetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, proved this session (user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "localdigital.core.staff_sessions.StaffSessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "localdigital.core.middleware.AdminRefusesNulMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "localdigital.urls"
WSGI_APPLICATION = "localdigital.wsgi.application"

TEMPLATES = [
    {
        # Public pages: Jinja2, so the GOV.UK Frontend macros can be used as is.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "localdigital.core.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "localdigital.core.context_processors.site",
            ],
        },
    },
    {
        # Django admin and its own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A test database in a file, not in memory, so that the browser tests'
    # server thread opens its own connection to it, as a real server would.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
    # SQLite has no row locks: a transaction that reads first and writes later
    # (submitting a bid locks its round, then writes) would be refused with
    # "database is locked" when another writer got in between. Taking the write
    # lock when the transaction starts makes the second one wait instead, as
    # it would for PostgreSQL's row lock.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query with JIT once its estimated cost is high,
    # which for a page's short queries costs far more than it saves (seconds,
    # where the query itself takes milliseconds).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# How long a public page is kept whole in that cache, and how long browsers and
# a CDN may keep it (Cache-Control): a change shows at once from our servers,
# and at most this late from a copy elsewhere, or when a round opens or closes
# at its time. 0 keeps no page (headers and compression are unchanged).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# GOV.UK Notify instead of EMAIL_URL's server, when its API key is given: one
# template for plain-text email, whose subject is ((subject)) and body ((body)).
NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_TEMPLATE_ID = env.str("NOTIFY_TEMPLATE_ID", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
# The bearer token Notify is given for posting delivery receipts to us.
NOTIFY_CALLBACK_TOKEN = env.str("NOTIFY_CALLBACK_TOKEN", default="")
if NOTIFY_API_KEY:
    EMAIL_BACKEND = "localdigital.core.notify.NotifyEmailBackend"
# A mail server that accepts a connection and then hangs must not hold a worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Local Digital <noreply@localdigital.gov.uk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: a Celery worker sends the outbox; its scheduler (beat) says
# when the regular jobs are due (localdigital/celery.py). Production:
# redis://HOST:6379/1, one broker for every web server and worker. Unset, the
# web server and the worker of `make run` pass messages through a folder.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _queue_folder = str(BASE_DIR / ".celery" / "queue")
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _queue_folder,
        "data_folder_out": _queue_folder,
        "control_folder": str(BASE_DIR / ".celery" / "control"),
        "store_processed": False,
    }
# How long the outbox waits before the first retry of a message that failed;
# each retry after waits twice as long as the one before.
OUTBOX_FIRST_RETRY_SECONDS = env.int("OUTBOX_FIRST_RETRY_SECONDS", default=60)
# A bulletin goes out BULLETIN_BATCH_SIZE emails at a time, a batch at most
# every BULLETIN_BATCH_SECONDS: within the email service's rate limit.
BULLETIN_BATCH_SIZE = env.int("BULLETIN_BATCH_SIZE", default=200)
BULLETIN_BATCH_SECONDS = env.int("BULLETIN_BATCH_SECONDS", default=60)
# The queue this site's tasks go to (several sites may share one broker).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="localdigital")
# Tests only: run each task in the process that queues it, as it is queued.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_IGNORE_RESULT = True
# A worker that dies mid-task leaves the message to another; sending is safe
# to repeat, because the outbox row says whether it has gone.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A broker that is down must not hold a web request: one quick retry, then the
# outbox's sweep sends the message once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME",
    default=str(Path(tempfile.gettempdir()) / "localdigital-beat-schedule"),
)
CELERY_BEAT_SCHEDULE = beat_schedule(env)

# How many days before their round's assessment due date assessors are
# reminded of the bids they have not scored (once each).
ASSESSMENT_REMINDER_DAYS = env.int("ASSESSMENT_REMINDER_DAYS", default=3)

# Staff sign-in (localdigital.core.staff_sign_in). django-axes checks first
# whether sign-in is locked, then Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Wrong passwords allowed for one account, and from one address, before
# sign-in is locked for both for AXES_COOLOFF_MINUTES. Counted in the
# database, so the count holds across web servers.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Signing in fully (password and code) clears that account's count.
AXES_RESET_ON_SUCCESS = True
# What axes keeps, and for how long: localdigital.core.staff_sign_in_records.
# Its log of every single failure is not wanted: the counts above suffice.
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_CLIENT_IP_CALLABLE = "localdigital.core.staff_sign_in.client_ip"
AXES_LOCKOUT_CALLABLE = "localdigital.core.staff_sign_in.locked_out"
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = "Local Digital"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/build is made by `npm run build`; static/public is ours as written.
STATICFILES_DIRS = [BASE_DIR / "static" / "build", BASE_DIR / "static" / "public"]
# Files uploaded with bids. They have no URL: funding's download view reads
# them out to the people allowed to see them. On a disk outside every path the
# web server publishes (with more than one web server, shared storage), or,
# with ATTACHMENTS_STORAGE=s3 (the default once a bucket is named), in a
# private bucket of S3 or any service that speaks S3.
ATTACHMENTS_STORAGE = env.str(
    "ATTACHMENTS_STORAGE",
    default="s3" if env.str("AWS_STORAGE_BUCKET_NAME", default="") else "disk",
)
if ATTACHMENTS_STORAGE == "s3":
    if not env.str("AWS_STORAGE_BUCKET_NAME", default=""):
        raise ImproperlyConfigured("ATTACHMENTS_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    _attachments = {
        "BACKEND": "localdigital.core.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            # Each one unset or empty leaves boto3 to its own default: AWS's
            # endpoint, and credentials it looks for itself (such as a role
            # the server or container has been given), which beat keys.
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
        },
    }
elif ATTACHMENTS_STORAGE == "disk":
    _attachments = {
        "BACKEND": "localdigital.core.storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media"),
        },
    }
else:
    raise ImproperlyConfigured("ATTACHMENTS_STORAGE is disk or s3.")
_OPEN_DATA = (
    "open-data"
    if ATTACHMENTS_STORAGE == "s3"
    else str(Path(str(_attachments["OPTIONS"]["location"])) / "open-data")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "localdigital.core.storage.StaticFilesStorage"},
    "attachments": _attachments,
    # The open-data files the worker builds (localdigital/core/open_data_files.py):
    # beside the attachments, in a folder of their own; served through views.
    "open_data": {**_attachments, "OPTIONS": {**_attachments["OPTIONS"], "location": _OPEN_DATA}},
}
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Hashed names change when the content does, so browsers may keep them for ever.
WHITENOISE_MAX_AGE = 60 * 60 if not DEBUG else 0
# The web manifest's own media type, which whitenoise's table does not list.
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}

# Security. Production runs behind TLS; the load balancer says so in a header.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
# How many load balancers of ours stand in front of the site, each adding to
# X-Forwarded-For: rate limits use the visitor address the outermost one saw.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer's health check speaks plain HTTP to the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("SECURE_HSTS_SECONDS", default=63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "localdigital.pages.views.csrf_failure"

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No nonce: it would make every page unique, and none could be cached
        # whole. GOV.UK Frontend's one inline script is allowed by its hash.
        "script-src": [SELF, *govuk_template_script_hashes()],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# Logs go to standard output, one JSON object a line, for the log collector;
# LOG_FORMAT=text is for people reading a terminal (the default with DEBUG on).
# Every line written while a request is served carries its id
# (localdigital.core.logging).
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
# Only when a proxy of ours sets X-Request-ID (replacing any a visitor sent)
# is the request's id taken from it; otherwise each request is given a new one.
TRUST_REQUEST_ID_HEADER = env.bool("TRUST_REQUEST_ID_HEADER", default=False)
LOGGING = logging_config(level=LOG_LEVEL, log_format=LOG_FORMAT)

# Errors reported to Sentry, only if SENTRY_DSN is set (so never in tests).
# Without personal data: no cookies, users or addresses, and request paths
# without their links' tokens or query strings.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    from localdigital.core.logging import sentry_event_without_tokens

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        before_send=sentry_event_without_tokens,
    )

# Contact details shown on the contact, accessibility and security pages.
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="localdigital@communities.gov.uk")
SECURITY_CONTACT = env.str(
    "SECURITY_CONTACT", default="https://vulnerability-reporting.service.security.gov.uk/"
)

# The fund's grants as 360Giving data (/fund/grants.json and grants.csv).
# 360Giving gives each publisher a prefix ("360G-" and a short name) that
# starts every grant id it publishes, so ids stay unique across funders.
GRANTS_ID_PREFIX = env.str("GRANTS_ID_PREFIX", default="360G-localdigital")
if not GRANTS_ID_PREFIX.startswith("360G-"):
    raise ImproperlyConfigured("GRANTS_ID_PREFIX must start with 360G-, as 360Giving's do.")
# MHCLG's org-id (org-id.guide): D4 in the government organisation register (as CLG).
GRANTS_FUNDER_ORG_ID = env.str("GRANTS_FUNDER_ORG_ID", default="GB-GOR-D4")
