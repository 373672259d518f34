"""Settings shared by every environment, read from the environment.

The thin `dev`, `test` and `prod` modules only change what differs.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("MISSA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Return the boolean value of an environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated environment variable as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key() -> str:
    """Return a secret key kept in var/, creating it on first use (development only)."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "missa.mail",
    "missa.accounts",
    "missa.notifications",
    "missa.core",
    "missa.programme",
    "missa.actors",
    "missa.activity",
    "missa.discussion",
    # Before the journal: the demo's editorials count the months' ideas too.
    "missa.participation",
    "missa.meetings",
    "missa.actions",
    "missa.indicators",
    "missa.follows",
    "missa.journal",
    "missa.charter",
    "missa.press",
    "missa.applications",
    "missa.audit",
    "missa.brandkit",
    "missa.api",
    "missa.opendata",
    "missa.letters",
    "missa.site",
    "missa.demo",
]

MIDDLEWARE = [
    "missa.core.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Public pages for anonymous visitors, from the shared cache (after the CSP middleware:
    # each visitor gets a fresh nonce).
    "missa.core.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The API's language (Accept-Language), rate limit, CORS, conditional requests and kept
    # answers; sessions and users are looked up lazily, so a kept answer costs neither.
    "missa.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "missa.accounts.security.StaffTwoFactorMiddleware",
    "missa.accounts.security.PrivateResponsesMiddleware",
    "missa.audit.recorder.AuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "missa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "missa.core.context_processors.territory",
            ],
        },
    },
]

# SQLite in WAL mode by default; DATABASE_URL (PostgreSQL 15+) when set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'missa.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-64000; PRAGMA mmap_size=268435456;"
        ),
    }
# One cache shared by every server process: rate limits, two-factor replay protection, the data
# version, cached figures and pages. Redis when REDIS_URL is set; otherwise a table of the
# database (created by the migrations), which every worker of one machine shares.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "missa"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "missa_cache",
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    }
# Reverse proxies whose X-Forwarded-For header tells the client's address (addresses or
# networks, comma-separated); any other peer is the client itself (core.middleware).
MISSA_TRUSTED_PROXIES = env_list("MISSA_TRUSTED_PROXIES")
# The API's rate limit: requests a client address may make in a minute (then 429).
MISSA_API_REQUESTS_PER_MINUTE = int(os.environ.get("MISSA_API_REQUESTS_PER_MINUTE", "300"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "missa.accounts.backends.TwoFactorModelBackend",
    "missa.accounts.backends.TwoFactorAuthenticationBackend",
]
LOGIN_URL = "account_login"
# Town staff: staff accounts in this group edit the programme in the admin.
MISSA_EDITORS_GROUP = "editors"
LOGIN_REDIRECT_URL = "site:home"

# Accounts (django-allauth): sign in with an email address, verified before the first sign-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming who you are (before changing an address, a password or the second factor) asks
# for the password or the second factor, never a code sent by email: a mailbox opened by
# someone else must not open the account's sign-in settings.
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Its emails go through MISSA's mail queue (missa.mail), in the recipient's language.
ACCOUNT_ADAPTER = "missa.accounts.adapter.AccountAdapter"
# People are named by their name, never by the internal username.
ACCOUNT_USER_DISPLAY = "missa.accounts.models.user_display"
ACCOUNT_FORMS = {"signup": "missa.accounts.forms.SignupForm"}
# Rate limits (log-in, sign-up, password reset…) are allauth's defaults, counted in CACHES.
# Two-factor authentication: an authenticator app (TOTP) with recovery codes. Required of
# committee members, editors and administrators before their actions (accounts.security).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# A code typed as its 30 seconds end is still accepted (one period either side, as RFC 6238
# advises for clocks and typing); a code is accepted once.
MFA_TOTP_TOLERANCE = 1
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "MISSA")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "missa" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end libraries come from the npm registry (package.json) and are served from
# node_modules: nothing third-party is copied into the repository.
STATICFILES_DIRS = [
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet-markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
]
# The typeface of the pictures MISSA draws (share cards): DejaVu Sans, from the npm lock.
MISSA_FONT_DIR = BASE_DIR / "node_modules" / "dejavu-fonts-ttf" / "ttf"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files that only a checked view may serve (reserved brand-kit files): never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "missa.core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files on S3-compatible object storage, for several app servers (docs/deployment.md):
# public files in one bucket (readable by anyone), private ones in another (never public).
S3_BUCKET = os.environ.get("MISSA_S3_BUCKET", "")
MEDIA_ORIGINS: list[str] = []
if S3_BUCKET:
    _s3 = {
        "endpoint_url": os.environ.get("MISSA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MISSA_S3_REGION") or None,
        "access_key": os.environ.get("MISSA_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("MISSA_S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
        "default_acl": None,
    }
    _public_domain = os.environ.get("MISSA_S3_PUBLIC_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": S3_BUCKET,
            "querystring_auth": False,
            "custom_domain": _public_domain or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "bucket_name": os.environ["MISSA_S3_PRIVATE_BUCKET"]},
    }
    # Pictures come from the bucket's address: the content security policy must allow it.
    MEDIA_ORIGINS = [
        f"https://{_public_domain}" if _public_domain else str(_s3["endpoint_url"] or "")
    ]
    MEDIA_ORIGINS = [origin for origin in MEDIA_ORIGINS if origin] or ["https://*.amazonaws.com"]

# How the checked views hand a private file over: Django streams it (""), or the web server
# does, told by "x-accel-redirect" (nginx: an internal location at MISSA_SENDFILE_URL that
# aliases PRIVATE_MEDIA_ROOT) or "x-sendfile" (Apache mod_xsendfile).
MISSA_SENDFILE = os.environ.get("MISSA_SENDFILE", "")
MISSA_SENDFILE_URL = os.environ.get("MISSA_SENDFILE_URL", "/internal/private-media/")

# Email: console by default (readable in development), SMTP when EMAIL_HOST is set.
_email_host = os.environ.get("EMAIL_HOST", "")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "missa@localhost")

# Background tasks (django.tasks) kept in the database and run by `manage.py db_worker`, which
# `make run` starts next to gunicorn: delivering emails, and whatever must not slow a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers on every response.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "missa.site.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (400, 403) is one line, not a traceback: it is expected, not a fault.
    "filters": {"one_line_refusals": {"()": "missa.core.logging.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The site's public address, for links in emails.
MISSA_SITE_URL = os.environ.get("MISSA_SITE_URL", "http://127.0.0.1:8000")

# Whether Django itself serves uploaded files (for `make run`; a web server does it in production).
MISSA_SERVE_MEDIA = env_bool("MISSA_SERVE_MEDIA")

# Whether pages' main content, when the same for everyone, is kept in the shared cache
# (core.templatetags.missa.shared_content), and the API's answers too (missa.api.middleware).
# Off only to measure what making a page costs.
MISSA_SHARED_CONTENT = env_bool("MISSA_SHARED_CONTENT", default=True)

# How many items each list shows per page, in one place (core.pagination.paginate).
MISSA_PAGE_SIZES = {
    "directory": 25,
    "actor_activities": 20,
    "actor_revisions": 20,
    "reported_activities": 20,
    "journal_months": 12,
    "month_activities": 25,
    "brand_assets": 24,
    "my_applications": 25,
    "review_queue": 25,
    "register": 50,
    "press_releases": 10,
    "ideas": 25,
    "notifications": 20,
    "comments": 20,
    "reports": 25,
    "calls": 12,
    "meetings": 12,
    "decisions": 25,
    "actions": 25,
    "api_tokens": 20,
    "follows": 50,
    "letters": 24,
}
