"""One settings file, read from the environment (see README: 生产部署)."""

import datetime as dt
import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("YIFA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


TESTING = "pytest" in sys.modules
# Off unless turned on: a traceback page tells an attacker the code, paths and settings.
DEBUG = env_bool("YIFA_DEBUG", False)
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
SECRET_KEY = os.environ.get("YIFA_SECRET_KEY", DEV_SECRET_KEY)
# Key for personal data at rest (身份证号、电话). Production must set its own.
FIELD_ENCRYPTION_KEY = os.environ.get("YIFA_FIELD_KEY", "")
# Key of the audit chain's HMAC-SM3, held outside the database (check --deploy refuses the dev default).
DEV_AUDIT_KEY = "dev-only-audit-key-change-me-in-production-0123456789"
AUDIT_KEY = os.environ.get("YIFA_AUDIT_KEY", DEV_AUDIT_KEY)
ALLOWED_HOSTS = [h for h in os.environ.get("YIFA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("YIFA_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

YIFA_APPS = [
    "yifa.core",
    "yifa.plans",
    "yifa.normdocs",
    "yifa.decisions",
    "yifa.reconsideration",
    "yifa.training",
    "yifa.licensing",
    "yifa.assessment",
    "yifa.disclosure",
    "yifa.enforcement",
    "yifa.supervision",
    "yifa.portal",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files, not from a CDN
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "captcha",
    *YIFA_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "yifa.core.middleware.RejectControlCharacters",
    "yifa.core.page_cache.PublicPageCache",  # anonymous portal pages, before session and login are read
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "yifa.core.middleware.SessionLimits",
    "yifa.core.middleware.AccountGate",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "yifa.urls"
WSGI_APPLICATION = "yifa.wsgi.application"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:todo"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "yifa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "yifa.core.context.workspace",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{VAR_DIR / 'yifa.sqlite3'}", conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT compilation: a page's grouped counts cost more to compile (90 ms measured on the assessment's
    # per-unit training count at 100k records) than to run; yifa's queries are short.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
FORMAT_MODULE_PATH = ["yifa.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Our catalogue first: it keeps Django's wording where a package's translation replaces it (make messages).
LOCALE_PATHS = [BASE_DIR / "yifa" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("YIFA_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "yifa" / "static"]
MEDIA_ROOT = Path(os.environ.get("YIFA_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = os.environ.get("YIFA_EMAIL_BACKEND", "yifa.core.mail.StderrEmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("YIFA_FROM_EMAIL", "yifa@localhost")

UPLOAD_MAX_BYTES = int(os.environ.get("YIFA_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
UPLOAD_UNZIPPED_MAX_BYTES = env_int("YIFA_UPLOAD_UNZIPPED_MAX_MB", 200) * 1024 * 1024

# Reminders: N working days before a due date, and again 1 working day before.
REMIND_WORKDAYS_BEFORE = int(os.environ.get("YIFA_REMIND_WORKDAYS_BEFORE", 3))
# Enforcement (yifa/enforcement/rules.py cites each): the province whose enforcement act applies
# ("shandong" or "henan"), and the 较大数额 of 行政处罚法第六十三条, which each province sets, in yuan.
ENFORCEMENT_PROVINCE = os.environ.get("YIFA_ENFORCEMENT_PROVINCE", "shandong")
ENFORCEMENT_LARGE_FINE_PERSON = env_int("YIFA_ENFORCEMENT_LARGE_FINE_PERSON", 10000)
ENFORCEMENT_LARGE_FINE_ORGANISATION = env_int("YIFA_ENFORCEMENT_LARGE_FINE_ORGANISATION", 100000)
# 执法证年审: months between reviews, and whether an overdue review keeps the officer off new cases
# (enforcement.rules.CERTIFICATE_REVIEW: the provincial acts give neither).
ENFORCEMENT_REVIEW_MONTHS = env_int("YIFA_ENFORCEMENT_REVIEW_MONTHS", 12)
ENFORCEMENT_REVIEW_BLOCKS = env_bool("YIFA_ENFORCEMENT_REVIEW_BLOCKS", False)
# 重大行政处罚备案期限（工作日）: the provincial act sets the system, the city the period (supervision/rules.py).
MAJOR_PENALTY_FILING_WORKDAYS = env_int("YIFA_MAJOR_PENALTY_FILING_WORKDAYS", 15)
COMPLAINT_REPLY_WORKDAYS = env_int("YIFA_COMPLAINT_REPLY_WORKDAYS", 15)  # 执法投诉答复期限（同上）
# 执法预警：单位近12个月行政复议纠错率超过此百分比（且审结不少于最少件数）即预警（本市设置）
CORRECTION_RATE_WARNING_PERCENT = env_int("YIFA_CORRECTION_RATE_WARNING_PERCENT", 20)
CORRECTION_RATE_WARNING_MIN_CASES = env_int("YIFA_CORRECTION_RATE_WARNING_MIN_CASES", 3)

if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("YIFA_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("YIFA_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("YIFA_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"] if not env_bool("YIFA_HSTS_PRELOAD", False) else []

# 等保2.0 三级 身份鉴别: password rules, lockout, a second factor, session limits.
PASSWORD_MIN_LENGTH = env_int("YIFA_PASSWORD_MIN_LENGTH", 10)
PASSWORD_MIN_CLASSES = env_int("YIFA_PASSWORD_MIN_CLASSES", 3)
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "yifa.core.passwords.ComplexityValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH, "min_classes": PASSWORD_MIN_CLASSES},
    },
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["username", "full_name", "email"]},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "yifa.core.backends.UserBackend"]
# django-axes: after N failures an account, and separately an address, is locked until the cool-off
# ends or an administrator unlocks it (/staff/lockouts/). 0 minutes: only an administrator unlocks.
AXES_FAILURE_LIMIT = env_int("YIFA_LOGIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = "yifa.core.logins.lockout_parameters"
_LOCKOUT_MINUTES = env_int("YIFA_LOCKOUT_MINUTES", 30)
AXES_COOLOFF_TIME = dt.timedelta(minutes=_LOCKOUT_MINUTES) if _LOCKOUT_MINUTES else None
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "yifa.core.logins.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False
AXES_SENSITIVE_PARAMETERS = ["otp_token"]
# Behind a reverse proxy every request comes from 127.0.0.1: trust that many proxies' X-Forwarded-For.
TRUSTED_PROXIES = env_int("YIFA_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "yifa.core.logins.client_ip"
# TOTP (django-otp) for the legal office, administrators and whoever may see personal data.
# YIFA_TOTP_REQUIRED=0 is for the demo only (make run); check --deploy refuses it.
TOTP_REQUIRED = env_bool("YIFA_TOTP_REQUIRED", True)
OTP_TOTP_ISSUER = "依法"
# Idle timeout and an absolute limit, whatever the activity; the cookie dies with the browser.
SESSION_IDLE_SECONDS = env_int("YIFA_SESSION_IDLE_MINUTES", 30) * 60
SESSION_MAX_SECONDS = env_int("YIFA_SESSION_MAX_HOURS", 10) * 3600
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ENGINE = "yifa.core.sessions"  # Django's database sessions, read without an ORM query per request
# API tokens expire: `yifa token create … --days N` (default below, at most the maximum).
API_TOKEN_DAYS = env_int("YIFA_TOKEN_DAYS", 90)
API_TOKEN_MAX_DAYS = 366
if TESTING:
    # Every test builds the demo city (some thirty accounts); PBKDF2's cost buys nothing there.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    WHITENOISE_AUTOREFRESH = True  # static files from the finders; no collectstatic before tests

# Background jobs (a calendar edit's recomputation) in the database; run ``yifa db_worker`` beside the sweep timer.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Public forms (yifa.core.public_forms): counters live in this cache, shared by every worker: the database
# table (default; `yifa migrate` creates it) or Redis (YIFA_CACHE_URL=redis://host:6379/0).
_CACHE_URL = os.environ.get("YIFA_CACHE_URL", "db")
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif _CACHE_URL.startswith("redis"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "yifa_cache"}}
# Public portal pages for anonymous readers (yifa.core.page_cache): kept this many seconds, so a published
# change shows within it; 0 turns the cache off (and it is off in tests unless a test turns it on). Each worker's
# memory by default, or Redis (YIFA_PAGE_CACHE_URL=redis://127.0.0.1:6379/1) shared by every worker.
PUBLIC_PAGE_SECONDS = env_int("YIFA_PUBLIC_PAGE_SECONDS", 0 if TESTING else 60)
_PAGE_CACHE_URL = os.environ.get("YIFA_PAGE_CACHE_URL", _CACHE_URL if _CACHE_URL.startswith("redis") else "")
if _PAGE_CACHE_URL.startswith("redis") and not TESTING:
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _PAGE_CACHE_URL}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "yifa-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
# The database cache's increment is not atomic: a burst may count a few posts less than Redis would (the
# application quotas are held by the database itself, not by this cache).
PUBLIC_RATE_PER_ADDRESS = os.environ.get("YIFA_PUBLIC_RATE_PER_ADDRESS", "20/h")
PUBLIC_RATE_PER_SESSION = os.environ.get("YIFA_PUBLIC_RATE_PER_SESSION", "10/h")
PUBLIC_LOOKUP_MISSES = os.environ.get("YIFA_PUBLIC_LOOKUP_MISSES", "5/10m")
PUBLIC_TEXT_MAX = env_int("YIFA_PUBLIC_TEXT_MAX", 5000)
PUBLIC_UPLOAD_TOTAL_BYTES = env_int("YIFA_PUBLIC_UPLOAD_TOTAL_MB", 30) * 1024 * 1024
# Online reconsideration applications beyond these wait for staff to release them.
APPLY_PER_APPLICANT_PER_DAY = env_int("YIFA_APPLY_PER_APPLICANT_PER_DAY", 3)
APPLY_PER_DAY = env_int("YIFA_APPLY_PER_DAY", 100)
APPLY_HELD_PER_DAY = env_int("YIFA_APPLY_HELD_PER_DAY", 500)
CAPTCHA_IMAGE_SIZE = (120, 40)
CAPTCHA_LENGTH = 4
CAPTCHA_TIMEOUT = 10  # minutes

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("YIFA_LOG_LEVEL", "WARNING")},
}
# The portal frame of a government website: the city, the sponsoring organ (主办单位), a contact and the
# site identifier (网站标识码) issued for government websites; each deployment sets its own.
SITE_CITY = os.environ.get("YIFA_SITE_CITY", "江临市")
SITE_SPONSOR = os.environ.get("YIFA_SITE_SPONSOR", "江临市人民政府办公室")
SITE_OPERATOR = os.environ.get("YIFA_SITE_OPERATOR", "江临市司法局")
SITE_CONTACT = os.environ.get("YIFA_SITE_CONTACT", "0000-12345678（工作日 9:00—17:00）")
SITE_CODE = os.environ.get("YIFA_SITE_CODE", "0000000000")
