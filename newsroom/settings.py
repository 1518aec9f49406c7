"""The only settings module.

Everything has a safe default for the demo (SQLite in ``var/``, local-memory
cache, console email); production differs only through environment variables:
DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS, EMAIL_URL, TASKS_BACKEND.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Signed values (sessions, unsubscribe links, email confirmations) are only as secret as this
# key: without it the site refuses to start, unless DEBUG is on (`newsroom demo` sets its own).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (a long random string, e.g. from "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or DEBUG=true "
            "on a development machine."
        )
    SECRET_KEY = "newsroom-debug-only-insecure-key"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "newsroom.core",
    "newsroom.accounts",
    "newsroom.articles",
    "newsroom.listings",
    "newsroom.discussion",
    "newsroom.moderation",
    "newsroom.feeds",
    "newsroom.search",
    "newsroom.wire",
    "newsroom.demo",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # The response headers every answer carries (HSTS, nosniff, CSP, X-Frame-Options) come
    # first, so a stored copy gets them too; then static files.
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip, only for pages shared by every anonymous reader (no CSRF token, nothing about
    # one reader: BREACH, core/compression.py); above the page cache, so its hits are too.
    "newsroom.core.compression.SharedPageGZipMiddleware",
    # A stored page for an anonymous reader is answered before sessions, auth and the rest.
    "newsroom.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "newsroom.accounts.middleware.StaffTwoFactorMiddleware",
    "newsroom.core.middleware.PrivateCacheControlMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "newsroom.core.sites.KeptSiteMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "wagtail.contrib.settings.context_processors.settings",
                "newsroom.discussion.context_processors.signed_in_reader",
            ],
        },
    },
]

# SQLite in WAL mode by default, so readers never wait for the one writer;
# DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) switches engines.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}", conn_max_age=60
    )
}
# granian runs WEB_WORKERS processes of WEB_THREADS threads each (`newsroom serve`). Two
# threads overlap one request's waits on the database with another's Python; more only
# queue for the interpreter's lock: under 32 voters, 2 threads a process answered about a
# sixth more votes than 4, and a quarter more than 8 (benchmarks/http.py). Scale with
# processes (WEB_WORKERS), one or two per core.
WEB_WORKERS = int(os.environ.get("WEB_WORKERS", "1"))
WEB_THREADS = int(os.environ.get("WEB_THREADS", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's own fields there.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Each process keeps a pool of at most DATABASE_POOL_MAX connections (one per thread by
    # default), so the site holds at most WEB_WORKERS x DATABASE_POOL_MAX, plus the worker's
    # and the scheduler's own; a request waits DATABASE_POOL_TIMEOUT seconds for one.
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections, not Django
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a pooled connection is checked first
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN", "1")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX", str(WEB_THREADS))),
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
    }
    # Parameters are bound by the server, and a query a connection has run five times is
    # prepared there: PostgreSQL then skips planning it (1.3 ms of a vote's 1.5 ms read of
    # its comment). Django leaves both off for poolers such as PgBouncer; ours is in-process.
    DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each thread keeps its connection for a minute: opening one (the file, WAL's set-up and
    # the PRAGMAs) cost a sixth of an uncached article page. Between requests it holds no
    # transaction, so it locks nothing, and a restore copies into the same file.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    # The file is mapped into memory (up to 256 MiB): SQLite reads its pages from the
    # mapping instead of copying each with read(). Comment posts went 3-7% faster, measured
    # side by side over HTTP on a noisy machine (not explained by stale page caches: a write
    # through another connection between posts cost nothing measurable).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Redis is a cache, never a single point of failure (newsroom/core/cache.py): while it cannot
# be reached, pages render uncached and rate limits let requests through, with a warning.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_SOCKET_TIMEOUT = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.25"))
CACHES = {
    "default": (
        {
            "BACKEND": "newsroom.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
                "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
                "retry_seconds": float(os.environ.get("CACHE_RETRY_SECONDS", "1")),
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "newsroom"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's and allauth's, each reading the signed-in reader by a prepared query.
AUTHENTICATION_BACKENDS = [
    "newsroom.accounts.backends.ModelBackend",
    "newsroom.accounts.backends.AuthenticationBackend",
]

# Accounts (django-allauth): readers sign in with their email address.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "newsroom.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "newsroom.accounts.adapters.AccountAdapter"
# Confirming the email in the browser that signed up signs the reader in and takes them
# back to where they signed up from (the article's comment box).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_USER_DISPLAY = "newsroom.accounts.models.user_display"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[The Newsroom] "
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
# A story or section behind a "login" view restriction sends readers to the same sign-in,
# not Wagtail's bare one, which asks for a username readers do not have.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Two-factor sign-in (allauth.mfa): an authenticator app (TOTP) and recovery codes, at
# /accounts/2fa/. Optional for readers; staff reach the admin only with it, and sign in
# to it through the site's sign-in (which asks for the code), not the admins' own forms.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "The Newsroom"
# On unless STAFF_TWO_FACTOR=false: `newsroom demo` turns it off (its staff passwords are public).
NEWSROOM_STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", True)


def mailer_from_url(url: str) -> dict:
    """MAILERS["default"] from EMAIL_URL: "console:" in the demo, "smtp://user:pass@host:587/?tls=True"."""
    parsed = dj_email_url.parse(url)
    mailer = {"BACKEND": parsed["EMAIL_BACKEND"]}
    if parsed["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
        mailer["OPTIONS"] = {
            "host": parsed["EMAIL_HOST"],
            "port": parsed["EMAIL_PORT"],
            "username": parsed["EMAIL_HOST_USER"],
            "password": parsed["EMAIL_HOST_PASSWORD"],
            "use_tls": parsed["EMAIL_USE_TLS"],
            "use_ssl": parsed["EMAIL_USE_SSL"],
        }
    return mailer


MAILERS = {"default": mailer_from_url(os.environ.get("EMAIL_URL", "console:"))}

# Background work (reply emails, the daily listings import). "immediate" runs a task in the
# process that enqueues it, after the commit; "database" stores it for `newsroom worker`
# (which `newsroom serve` starts too), so a slow mail server never holds up a reader.
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND is one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
# A task RUNNING this long is taken to be abandoned by a dead worker and run again, at most
# TASKS_MAX_ATTEMPTS claims in all (newsroom/core/task_leases.py).
TASKS_LEASE_SECONDS = int(os.environ.get("TASKS_LEASE_SECONDS", "1800"))
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom <noreply@newsroom.invalid>")

LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Wagtail's renditions, in MEDIA_ROOT under names carrying a digest of their bytes,
    # so they are served as immutable (newsroom/core/media.py).
    "renditions": {"BACKEND": "newsroom.core.media.RenditionStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and `runserver` serve static files straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Deployment defaults (docs/operations.md): with DEBUG off, cookies go over HTTPS only and
# browsers are told to use HTTPS for a year (HSTS). A site behind a TLS-terminating proxy sets
# TRUST_X_FORWARDED_PROTO; SECURE_SSL_REDIRECT sends plain-HTTP visitors to HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Django's database sessions, read by a prepared query (newsroom/accounts/sessions.py).
SESSION_ENGINE = "newsroom.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
# Messages travel in their own cookie, never in the session: a request carrying one is
# rendered for its reader, so no message is lost to a shared copy (core/page_cache.py).
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy (Django's own): scripts only from this site. The few inline ones
# (admin screens, which the page cache never stores) carry the request's nonce; a page the
# page cache stores must have none, since a stored nonce is wrong for the next reader. htmx is
# told not to run scripts in what it swaps in (base.html's htmx-config).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # Inline styles stay allowed: the Wagtail admin sets style attributes.
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    # Listing photos come from the provider's servers.
    "img-src": [CSP.SELF, "data:", "https:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    # No frame-ancestors: X-Frame-Options (DENY) governs framing, and Wagtail lets its own
    # preview be framed by the admin (SAMEORIGIN on those views only).
}
# Health checks come over plain HTTP from the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Every page publish runs search and reference-index tasks: log their failures only.
    "loggers": {"django.tasks": {"level": os.environ.get("LOG_LEVEL", "WARNING")}},
}

# Wagtail
WAGTAIL_SITE_NAME = "The Newsroom"
# The public address of every absolute link (emails, feeds, canonical URLs); empty: the
# default Wagtail Site's, which `newsroom demo` sets to where it serves (core/addresses.py).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Newsroom
NEWSROOM_SECTION_PAGE_SIZE = 20
NEWSROOM_MORE_IN_SECTION = 5
NEWSROOM_HOME_STORIES_PER_SECTION = 4
# The notice on staff-written articles (those without a wire source).
NEWSROOM_RIGHTS_HOLDER = os.environ.get("NEWSROOM_RIGHTS_HOLDER", WAGTAIL_SITE_NAME)
NEWSROOM_USAGE_TERMS = (
    "This article may be shared by link. It may not be republished in full without permission."
)
# Anonymous readers get stored pages, replaced as soon as what they show changes (see
# newsroom/core/page_cache.py); this bounds only relative times. 0 turns the cache off.
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "120"))
# How long a copy out of date may still be served while one request renders its successor;
# also the stale-while-revalidate a CDN is told.
NEWSROOM_PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "30"))
# How long the lasting parts of a page (the story, the menu, the listings box, teasers) are
# kept between renders, each retired at once by the same announcements as the page.
NEWSROOM_PART_CACHE_SECONDS = int(os.environ.get("PART_CACHE_SECONDS", "120"))
# s-maxage for a CDN or Varnish in front: how long it may serve a page without asking. Keep 0
# (it revalidates every time, with ETags) unless FRONTEND_CACHE_PURGE_URL or Cloudflare is set.
NEWSROOM_CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))
# Wagtail's frontend cache purges the CDN on the page cache's announcements and on publishing.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx or Squid answering PURGE
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
# Discussion
NEWSROOM_COMMENTS_PER_PAGE = 50  # top-level comments, with their replies
# One of oldest, newest, best, controversial (the system check discussion.E001 says so).
NEWSROOM_COMMENT_SORT_DEFAULT = os.environ.get("COMMENT_SORT_DEFAULT", "oldest")
NEWSROOM_COMMENT_EDIT_MINUTES = 10
NEWSROOM_WILSON_Z = 1.96  # 95% confidence for the "Best" order
NEWSROOM_DATA_EXPORTS_PER_DAY = 3  # downloads of a reader's own data (accounts/export.py)
# Per reader (or address), over any sliding window of that length (newsroom/core/ratelimit.py).
NEWSROOM_RATE_LIMITS = {
    "comment": os.environ.get("RATE_LIMIT_COMMENT", "5/minute"),
    "vote": os.environ.get("RATE_LIMIT_VOTE", "60/minute"),
    "report": os.environ.get("RATE_LIMIT_REPORT", "10/minute"),
}
# Moderation (docs/moderation.md): toxicity is the models' combined probability, 0 to 1.
NEWSROOM_TOXICITY_NUDGE = float(os.environ.get("TOXICITY_NUDGE", "0.6"))  # ask once to revise
NEWSROOM_TOXICITY_HOLD = float(os.environ.get("TOXICITY_HOLD", "0.9"))  # hold for review
NEWSROOM_PREMODERATE_FIRST = int(os.environ.get("PREMODERATE_FIRST", "2"))  # first N comments
NEWSROOM_LINKS_MIN_APPROVED = int(os.environ.get("LINKS_MIN_APPROVED", "3"))  # links need N
NEWSROOM_REPORTS_TO_HIDE = int(os.environ.get("REPORTS_TO_HIDE", "3"))  # reports hide a comment
# What the author of a held comment is told: moderators usually decide within N hours.
NEWSROOM_REVIEW_HOURS = int(os.environ.get("REVIEW_HOURS", "24"))
# The newsroom's own moderation model, written by `newsroom moderation-train`.
NEWSROOM_MODERATION_MODEL_FILE = Path(
    os.environ.get("MODERATION_MODEL_FILE", VAR_DIR / "moderation" / "newsroom-model.npz")
)
# Discussions close this many days after publication; empty: they stay open.
NEWSROOM_DISCUSSION_CLOSE_AFTER_DAYS = (
    int(os.environ["DISCUSSION_CLOSE_AFTER_DAYS"])
    if os.environ.get("DISCUSSION_CLOSE_AFTER_DAYS")
    else None
)
NEWSROOM_MODERATION_PAGE_SIZE = 25
# The app serves uploaded media itself unless a front server or CDN does.
NEWSROOM_SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Listings
# The provider drops one feed file a day here; the daily import takes the newest one.
LISTINGS_DROP_DIR = Path(os.environ.get("LISTINGS_DROP_DIR", VAR_DIR / "listings" / "incoming"))
LISTINGS_PROVIDER = os.environ.get("LISTINGS_PROVIDER", "sakura-estate")
# A full feed lists every listing on the market: those it leaves out are withdrawn.
LISTINGS_FEED_IS_FULL = env_bool("LISTINGS_FEED_IS_FULL", True)
LISTINGS_IMPORT_CHUNK_SIZE = 1000
LISTINGS_MAX_REPORTED_ERRORS = 1000  # rejected rows kept on an import run
LISTINGS_BOX_SIZE = 4  # listings in the box beside an article (3 to 5)
LISTINGS_PAGE_SIZE = 24

# The wire desk (docs/wire.md): one folder per source under WIRE_DROP_DIR.
WIRE_DROP_DIR = Path(os.environ.get("WIRE_DROP_DIR", VAR_DIR / "wire" / "incoming"))
WIRE_RUN_STALE_MINUTES = 15  # a "running" import silent this long was killed: it may be replaced
WIRE_MAX_REPORTED_ERRORS = 1000  # rejected items kept on an import run
