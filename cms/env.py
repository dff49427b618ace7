"""Every setting that comes from the environment is parsed here, and only here.

Settings modules call these helpers; nothing else in the project reads
``os.environ``. Each helper raises ``ImproperlyConfigured`` with a message that
names the variable when its value cannot be understood.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "var"

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name, default, minimum=None):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def base_url():
    """``BASE_URL``: the site's public address, such as ``https://tarjotin.fi`` (scheme and host,
    a port if any, no path), without the trailing slash; None when unset."""
    raw = os.environ.get("BASE_URL", "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"BASE_URL must be an http or https address such as https://tarjotin.fi, not {raw!r}."
        )
    try:
        parts.port
    except ValueError:
        raise ImproperlyConfigured(f"BASE_URL has a bad port: {parts.netloc!r}.") from None
    if parts.username is not None or parts.password is not None:
        # it would be printed in every link the site gives: the sitemap, share tags, open data
        raise ImproperlyConfigured("BASE_URL must not hold a user name or password.")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"BASE_URL must be the site's address without a path, not {raw!r}."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


def database_config():
    """``DATABASE_URL``, by default an SQLite file in the project's data folder."""
    default = f"sqlite:///{DATA_DIR / 'tarjotin.sqlite3'}"
    url = os.environ.get("DATABASE_URL") or default
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not understood: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # Connections are kept between requests (conn_max_age above), as on PostgreSQL: a new
        # SQLite connection reads the schema and every page a search needs again, about
        # 25 ms more for a search over thousands of matches.
        # Write-ahead log: readers never wait for a writer, and a commit (a page view
        # counted, a search's daily hit) needs no sync of the main file. The file is read
        # through memory mapping (up to 1 GiB, shared by all connections through the
        # operating system's cache): a connection's own page cache (2 MB) holds little of
        # what a search over thousands of matches reads, and copying the rest in page by
        # page cost about a tenth of its time.
        # Write transactions begin IMMEDIATE (Django 5.2): SQLite refuses at once to upgrade a
        # deferred transaction that has read to a writing one while another process writes, so
        # the timeout never helped and publishes failed with "database is locked" under load.
        # Begun as writers, they wait their turn (up to the timeout) instead.
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;"
            ),
        }
    return config


def trusted_proxies():
    """``TRUSTED_PROXIES``: the addresses or networks (``10.0.0.1,192.168.0.0/24``) of the
    reverse proxies in front of the site, whose ``X-Forwarded-For`` names the visitor; unset
    means none, and the header, which anyone can send, is ignored."""
    networks = []
    for item in env_list("TRUSTED_PROXIES"):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES must list IP addresses or networks such as 10.0.0.1 or "
                f"192.168.0.0/24, separated by commas; {item!r} is neither."
            ) from None
    return networks


CACHE_TABLE = "tarjotin_cache"
REDIS_SCHEMES = ("redis", "rediss", "unix")


def shared_cache_config():
    """``CACHE_URL``: the cache every worker process sees, which holds the rate limits of logins
    and comments. Unset means Django's database cache (table ``tarjotin_cache``, created by
    ``migrate``); ``redis://host:6379/0`` (``rediss://`` for TLS, ``unix:///path.sock``)
    selects Redis through django-redis."""
    url = os.environ.get("CACHE_URL", "").strip()
    if not url:
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
    parts = urlsplit(url)
    if parts.scheme not in REDIS_SCHEMES:
        raise ImproperlyConfigured(
            f"CACHE_URL scheme {parts.scheme!r} is not supported; use redis://host:6379/0 "
            "(rediss:// for TLS) or leave CACHE_URL unset for the database cache."
        )
    if parts.scheme != "unix" and not parts.hostname:
        raise ImproperlyConfigured("CACHE_URL needs a host, e.g. redis://127.0.0.1:6379/0.")
    try:
        parts.port
    except ValueError:
        raise ImproperlyConfigured(f"CACHE_URL has a bad port: {parts.netloc!r}.") from None
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "tarjotin",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }


TASK_BACKENDS = {
    # In the process that enqueues: an upload's text is read before its page answers.
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    # Stored in the database and run by ``manage.py db_worker``, a process of its own.
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_config():
    """``TASKS_BACKEND``: where background work (an upload's text and preview, search index
    updates) runs. ``immediate`` (default) runs it at once in the web process, as development
    and tests want; ``database`` queues it for the ``manage.py db_worker`` process, so that
    no request waits for it in production."""
    name = os.environ.get("TASKS_BACKEND", "").strip().lower() or "immediate"
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be immediate or database, not {os.environ['TASKS_BACKEND']!r}."
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


def frontend_cache_config():
    """``FRONTEND_CACHE_URL``: the caching proxy in front of the site (Varnish,
    ``http://127.0.0.1:6081``; several separated by commas), to which Wagtail sends a ``PURGE``
    for every address a published, unpublished, moved or deleted page changes
    (``home.front_cache``); unset means no proxy and nothing is purged."""
    backends = {}
    for number, url in enumerate(env_list("FRONTEND_CACHE_URL"), start=1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_URL must list the proxies' http addresses such as "
                f"http://127.0.0.1:6081, not {url!r}."
            )
        try:
            parts.port
        except ValueError:
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_URL has a bad port: {parts.netloc!r}."
            ) from None
        backends[f"proxy-{number}"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"{parts.scheme}://{parts.netloc}",
        }
    return backends


SEARCH_SCHEMES = {
    # Wagtail's opensearch3 backend (the pinned opensearch-py 3 works only with it: opensearch2
    # calls the client's old positional API), with index updates recorded while the server is
    # unreachable (search.backends.resilience); tested against OpenSearch 2.19.
    "opensearch": "search.backends.opensearch",
    # The same on Wagtail's elasticsearch9 backend, for the pinned elasticsearch-py 9.
    "elasticsearch": "search.backends.elasticsearch",
}


def search_config():
    """``SEARCH_URL``: unset means Tarjotin's database backend (``search.backends``).

    ``opensearch://host:9200`` and ``elasticsearch://host:9200`` select the
    engine; ``https+opensearch://`` style schemes use TLS; user and password in
    the URL are passed as HTTP basic auth; ``?index=name`` sets the index name
    prefix (default ``tarjotin``: indexes are called ``tarjotin_wagtailcore_page``
    and so on). Rebuilds with ``update_index`` are atomic: a new index is filled
    and then swapped in behind an alias, so searches keep working meanwhile.
    """
    url = os.environ.get("SEARCH_URL", "").strip()
    if not url:
        # SQLite FTS5 or PostgreSQL full-text, with Finnish-aware analysis (search.backends)
        return {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}
    parts = urlsplit(url)
    transport, _, engine = parts.scheme.rpartition("+")
    if engine not in SEARCH_SCHEMES or transport not in ("", "http", "https"):
        raise ImproperlyConfigured(
            f"SEARCH_URL scheme {parts.scheme!r} is not supported; use "
            "opensearch://host:port or elasticsearch://host:port."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("SEARCH_URL needs a host, e.g. opensearch://127.0.0.1:9200.")
    scheme = transport or "http"
    try:
        port = parts.port or 9200
    except ValueError:
        raise ImproperlyConfigured(f"SEARCH_URL has a bad port: {parts.netloc!r}.") from None
    host = f"{scheme}://{parts.hostname}:{port}"
    query = parse_qs(parts.query)
    index = query.get("index", ["tarjotin_"])[0].strip()
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789_.-")  # in OpenSearch and Elasticsearch
    if not index or index[0] in "_.-" or not set(index) <= allowed:
        raise ImproperlyConfigured(
            f"SEARCH_URL index {index!r} is not a valid index name: use lowercase letters, "
            "digits, '_', '-' and '.', starting with a letter or digit."
        )
    config = {
        "BACKEND": SEARCH_SCHEMES[engine],
        "URLS": [host],
        "INDEX_PREFIX": index if index.endswith("_") else index + "_",
        "ATOMIC_REBUILD": True,
        # Seconds per request: room for update_index's bulk requests, yet a search page does not
        # hang for long when the server is unreachable.
        "TIMEOUT": 10,
        "OPTIONS": {},
        "AUTO_UPDATE": True,
    }
    if parts.username:
        auth = (unquote(parts.username), unquote(parts.password or ""))
        if engine == "elasticsearch":
            config["OPTIONS"]["basic_auth"] = auth
        else:
            # modelsearch turns each of URLS into a host entry with its own http_auth (None when
            # the URL has no user), and opensearch-py lets that override a client-wide http_auth
            # option. So the credentials go into an explicit host entry, which replaces URLS.
            config["HOSTS"] = [
                {
                    "host": parts.hostname,
                    "port": port,
                    "url_prefix": "",
                    "use_ssl": scheme == "https",
                    "verify_certs": scheme == "https",
                    "http_auth": auth,
                }
            ]
    return config


S3_BUCKET_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789.-")
S3_OPTIONS = ("endpoint", "region", "expire")
#: How long a picture's signed address lasts: pages name them, and the listings' kept parts
#: (an hour, ``home.change_count``) and Varnish (ten minutes) keep pages for longer than 300 s.
RENDITION_URL_SECONDS = 2 * 3600


def media_storages():
    """``MEDIA_STORAGE_URL``: where uploaded files (documents, pictures, previews) are kept, as
    ``STORAGES`` entries. Unset means the media folder (``MEDIA_ROOT``);
    ``s3://bucket?endpoint=https://host&region=x`` selects an S3-compatible bucket through
    django-storages, so that several application servers see the same files. The key and
    secret come from the URL's user and password, otherwise from boto3's usual places
    (``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY``). Objects are private and never
    overwritten; documents and previews still go through Tarjotin (members-only, counted), and
    any address the storage gives is signed: it lasts ``expire`` seconds (default 300), a
    picture's rendition (``renditions``, in the same bucket) RENDITION_URL_SECONDS."""
    default = media_storage_config()
    if "OPTIONS" not in default:
        return {"default": default}
    options = {**default["OPTIONS"], "querystring_expire": RENDITION_URL_SECONDS}
    return {"default": default, "renditions": {**default, "OPTIONS": options}}


def media_storage_config():
    """The ``default`` entry of media_storages: where documents and images are kept."""
    url = os.environ.get("MEDIA_STORAGE_URL", "").strip()
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme != "s3":
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL scheme {parts.scheme!r} is not supported; use "
            "s3://bucket?endpoint=https://host&region=name or leave it unset for the media folder."
        )
    bucket = parts.netloc.rpartition("@")[2]  # as written: hostname would lowercase it
    if not bucket:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL needs a bucket name, e.g. s3://tarjotin-media?region=eu-north-1."
        )
    if not 3 <= len(bucket) <= 63 or not set(bucket) <= S3_BUCKET_CHARACTERS:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL bucket {bucket!r} is not a valid bucket name: 3 to 63 lowercase "
            "letters, digits, '.' and '-'."
        )
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = sorted(set(query) - set(S3_OPTIONS))
    if unknown:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL has unknown options {', '.join(unknown)}; "
            f"it takes {', '.join(S3_OPTIONS)}."
        )
    options = {
        "bucket_name": bucket,
        "region_name": query.get("region") or None,
        "default_acl": None,  # the bucket's own: private
        "querystring_auth": True,
        "file_overwrite": False,
    }
    try:
        options["querystring_expire"] = int(query.get("expire", 300))
    except ValueError:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL expire must be a number of seconds, not {query['expire']!r}."
        ) from None
    endpoint = query.get("endpoint")
    if endpoint:
        endpoint_parts = urlsplit(endpoint)
        if endpoint_parts.scheme not in ("http", "https") or not endpoint_parts.hostname:
            raise ImproperlyConfigured(
                f"MEDIA_STORAGE_URL endpoint must be an http or https address, not {endpoint!r}."
            )
        from botocore.config import Config

        options["endpoint_url"] = endpoint
        options["client_config"] = Config(
            # The bucket in the path, not in the host name: a server of one's own (MinIO,
            # s3proxy, SeaweedFS) has no DNS name for each bucket.
            s3={"addressing_style": "path"},
            signature_version="s3v4",
            # boto3 sends and asks for CRC checksums that AWS has and many S3-compatible
            # servers refuse (s3proxy: "not implemented"); Content-MD5 where S3 requires it.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        )
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


EMAIL_SCHEMES = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
}


def email_config():
    """``EMAIL_URL``: ``console://`` (default), ``smtp://user:pass@host:587?tls=1``,
    ``smtps://…`` (implicit TLS), ``locmem://`` or ``dummy://``. Returns settings names
    and values."""
    url = os.environ.get("EMAIL_URL", "console://")
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_SCHEMES:
        raise ImproperlyConfigured(f"EMAIL_URL scheme {parts.scheme!r} is not supported.")
    config = {"EMAIL_BACKEND": EMAIL_SCHEMES[parts.scheme]}
    if parts.scheme in ("smtp", "smtps", "submission"):
        query = parse_qs(parts.query)
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if parts.scheme == "smtps" else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=parts.scheme == "smtps",
            EMAIL_USE_TLS=parts.scheme != "smtps" and query.get("tls", ["1"])[0] in TRUE_WORDS,
        )
    return config


def machine_translation_config():
    """wagtail-localize's machine translator, or None when no provider is configured.

    ``DEEPL_API_KEY`` selects DeepL (free keys end in ``:fx`` and use DeepL's free
    endpoint); ``LIBRETRANSLATE_URL`` with ``LIBRETRANSLATE_API_KEY`` a LibreTranslate
    server; Google Cloud Translation takes ``GOOGLE_TRANSLATE_PROJECT_ID`` and the
    service account file named by ``GOOGLE_APPLICATION_CREDENTIALS`` (it needs the
    ``google-cloud-translate`` package, not installed by default)."""
    if os.environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
        }
    if os.environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    if os.environ.get("GOOGLE_TRANSLATE_PROJECT_ID"):
        credentials = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
        if not credentials:
            raise ImproperlyConfigured(
                "GOOGLE_TRANSLATE_PROJECT_ID needs GOOGLE_APPLICATION_CREDENTIALS "
                "(the path of a service account file)."
            )
        return {
            "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            "OPTIONS": {
                "CREDENTIALS_PATH": credentials,
                "PROJECT_ID": os.environ["GOOGLE_TRANSLATE_PROJECT_ID"],
            },
        }
    return None
