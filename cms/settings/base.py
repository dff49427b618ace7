"""Settings shared by every environment. Values that vary come from ``cms.env``."""

from datetime import timedelta

from csp.constants import NONE, SELF
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from cms import env, languages
from home import languages as reader_names

BASE_DIR = env.BASE_DIR
PROJECT_DIR = BASE_DIR / "cms"

SECRET_KEY = env.env_str("SECRET_KEY")
DEBUG = env.env_bool("DEBUG", False)
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",  # before django_tasks_db: its db_worker command beats a heartbeat
    "network",
    "materials",
    "search",
    "referrals",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "csp",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.DropNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.security_headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last: turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database_config()}

CACHES = {
    # Each process's own memory: the header and footer kept by home.change_count under the change
    # count, which every process reads from the database.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Seen by every worker process (the database by default, or Redis: CACHE_URL): rate limits
    # of logins and comments must count the attempts sent to all of them.
    "shared": env.shared_cache_config(),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Failed logins are counted per account and per address (django-axes, in the shared cache);
# after AXES_FAILURE_LIMIT failures either is refused, even the right password, for the
# cool-off time, with a page that says so in the visitor's language.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "shared"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_CALLABLE = "home.views.login_locked_out"
# The visitor's address by the one rule the comment and PDF rate limits use too: REMOTE_ADDR,
# or X-Forwarded-For's when REMOTE_ADDR is one of the TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "home.rate_limits.client_address"
TRUSTED_PROXIES = env.trusted_proxies()
# The Django admin (/django-admin/) is mounted only when DJANGO_ADMIN is true (dev default).
DJANGO_ADMIN = env.env_bool("DJANGO_ADMIN", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages (see cms.languages). The interface is in Finnish, Swedish, English, Arabic,
# Farsi, Somali, Ukrainian and Russian; content can be published in every language listed
# in the LANGUAGES variable (comma-separated codes; the first is the default and the
# translation source).
INTERFACE_LANGUAGES = languages.INTERFACE_LANGUAGES
CONTENT_LANGUAGE_CODES = env.env_list("LANGUAGES", languages.DEFAULT_CONTENT_LANGUAGES)
LANGUAGE_CODE = CONTENT_LANGUAGE_CODES[0]
LANGUAGES, LANGUAGES_BIDI = languages.describe(CONTENT_LANGUAGE_CODES)
# In the admin, a language is named in the editor's language and in itself (home.languages).
WAGTAIL_CONTENT_LANGUAGES = [
    (code, lazy(reader_names.name_text, str)(code)) for code, _name in LANGUAGES
]
# Ours, then the strings of Wagtail and wagtail-localize their catalogues lack (apart,
# because makemessages rewrites ours): both come before the libraries' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "libraries"]
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
WAGTAIL_I18N_ENABLED = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = env.DATA_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = env.env_str("MEDIA_ROOT") or str(env.DATA_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    # The media folder, or an S3-compatible bucket (MEDIA_STORAGE_URL)
    **env.media_storages(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if "renditions" in STORAGES:  # in the bucket, with longer-lived signed addresses
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

globals().update(env.email_config())
DEFAULT_FROM_EMAIL = env.env_str("DEFAULT_FROM_EMAIL", "Tarjotin <noreply@tarjotin.fi>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Tarjotin"
# The site's public address (BASE_URL): links in sitemaps, hreflang, share tags and feeds; unset,
# the Site record's host and port (Settings → Sites) give it (home.addresses).
SITE_BASE_URL = env.base_url()
WAGTAILADMIN_BASE_URL = SITE_BASE_URL or "http://127.0.0.1:8000"
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
# The formats of the renditions of pictures ({% picture_of %}), best first; the last one is
# the <img> every browser shows. No AVIF: encoding it is slow enough that the first visitor
# of a page with a lead image would wait for what WebP mostly gives (bench/README.md).
PICTURE_FORMATS = ["webp", "jpeg"]
WAGTAILDOCS_DOCUMENT_MODEL = "materials.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "odp", "txt", "xlsx", "ods"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "materials.forms.DocumentForm"
# Files are served through Django (never straight from MEDIA_URL) so that members-only
# files stay private and downloads are counted.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
MATERIALS_MAX_UPLOAD_MB = env.env_int("MATERIALS_MAX_UPLOAD_MB", 50)
# Limits of the child process that reads an uploaded file's text and renders its preview.
MATERIALS_PROCESSING_SECONDS = env.env_int("MATERIALS_PROCESSING_SECONDS", 60)
MATERIALS_PROCESSING_MEMORY_MB = env.env_int("MATERIALS_PROCESSING_MEMORY_MB", 1024)
# A file still pending this long with no task queued or lately started lost its task (a worker
# killed mid-task): the worker queues it again (materials.stalled). Never shorter than a file's
# processing may take, or a task still running would be queued a second time.
_STALLED_MINIMUM = MATERIALS_PROCESSING_SECONDS // 60 + 2
MATERIALS_STALLED_MINUTES = env.env_int(
    "MATERIALS_STALLED_MINUTES", max(30, _STALLED_MINIMUM), minimum=_STALLED_MINIMUM
)
WAGTAILSEARCH_BACKENDS = {"default": env.search_config()}
# The caching proxy (Varnish, FRONTEND_CACHE_URL), purged through Wagtail's frontend_cache
# backends by home.front_cache (its own handlers, not the app's, which purge only the page
# itself). Each page has its own address in each language, so a purge is not repeated under
# every language prefix.
WAGTAILFRONTENDCACHE = env.frontend_cache_config()
WAGTAILFRONTENDCACHE_LANGUAGES = []
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: they would send a hash of every editor's email address to a
# third party on each admin page; Wagtail shows its own avatar or one the user uploads.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page addresses in ASCII (ä→a, ö→o, å→a): the admin's slug script transliterates titles,
# Wagtail's own slug from a title does, and home.forms.PageForm transliterates a typed one.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Milliseconds between the editor's automatic draft saves; 0 turns them off (the browser
# tests do, so that each of their steps is one request they can wait for).
WAGTAIL_AUTOSAVE_INTERVAL = env.env_int("WAGTAIL_AUTOSAVE_INTERVAL", 500)
# Wagtail's responsive embeds carry a style attribute, which the site's
# Content-Security-Policy refuses; the stylesheet sizes embedded frames instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# Content-Security-Policy of every response (home.security_headers adds what the admin needs).
# Embedded videos come in frames from the providers' own https addresses.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Browser features the site never uses are refused to it and to the frames it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "microphone",
        "midi",
        "payment",
        "usb",
        "serial",
        "hid",
        "bluetooth",
    )
}

# Background tasks (an upload's text and preview, search indexing, reference index): run
# immediately unless TASKS_BACKEND=database queues them for the db_worker process.
TASKS = env.tasks_config()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.env_str("LOG_LEVEL", "WARNING")},
}

# Machine translation as a first draft in wagtail-localize's editor, only when a
# provider is configured (see cms.env.machine_translation_config).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = env.machine_translation_config()

# A new translation is a draft until a translator publishes it (wagtail-localize's
# default would make it live at once, filled with the source language's text).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
