"""The page cache: whole anonymous responses stored once per publish, with gzip and brotli.

Layout in the shared cache (Django's cache API: a file cache on one box, Redis when
``REDIS_URL`` is set):

- ``pagecache:gen`` — a random token for the whole site; bumped when something on every
  page changes (navigation, site settings, an author's name on every card).
- ``pagecache:v:<path>`` — a random token per path (or per group of paths, such as all
  feeds and sitemaps); a purge replaces it.
- ``pagecache:e:<hash>`` — the stored entry; the hash covers host, scheme, path, query
  string and both tokens, so a purge makes old entries unreachable in O(1) per path.

Tokens are random rather than counters: if the cache evicts a token, a new one is made,
and an entry stored under an older token can never be served again.

- ``pagecache:seq`` — changed by every purge.

Each process also keeps the pages it served last in memory (:class:`HotPages`), ready to
send, and checks ``pagecache:seq`` about once a second: a hit then costs no shared-cache
round trip at all.
"""

from __future__ import annotations

import gzip
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import unquote

import brotli
from django.conf import settings
from django.core.cache import cache, caches

GEN_KEY = "pagecache:gen"
# Changed by every purge; processes watch it to drop the pages they keep in memory.
SEQ_KEY = "pagecache:seq"
GROUP_SYNDICATION = "group:syndication"
CACHEABLE_TYPES = frozenset(
    {"text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}
)
# Headers that belong to one exchange, not to the stored page.
DROPPED_HEADERS = frozenset(
    {
        "set-cookie",
        "vary",
        "content-length",
        "cache-control",
        "etag",
        "last-modified",
        "date",
        "expires",
        "content-encoding",
        "x-cache",
    }
)


def enabled() -> bool:
    """True when the page cache is on (``NEWSDESK_PAGE_CACHE``, default on)."""
    return getattr(settings, "PAGECACHE_ENABLED", True)


def cache_control() -> str:
    """The Cache-Control header for cached pages (``PAGECACHE_CACHE_CONTROL``)."""
    return getattr(
        settings,
        "PAGECACHE_CACHE_CONTROL",
        "public, max-age=60, s-maxage=300, stale-while-revalidate=600",
    )


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def version_key(path: str) -> str:
    """The token key a path's entries hang on: its own, or its group's (feeds, sitemaps)."""
    rest = path
    for prefix in _language_prefixes():
        if path.startswith(prefix):
            rest = path[len(prefix) - 1 :]
            break
    for prefix in getattr(settings, "PAGECACHE_GROUP_PREFIXES", ()):
        if rest.startswith(prefix):
            return f"pagecache:v:{GROUP_SYNDICATION}"
    return "pagecache:v:" + path


def normalise_path(url: str) -> str:
    """A path as the WSGI server hands it to us: no scheme, host or query, percent-decoded."""
    if "://" in url:
        url = "/" + url.split("://", 1)[1].split("/", 1)[-1]
    return unquote(url.split("?", 1)[0])


def path_excluded(path: str) -> bool:
    """Admin and other never-cached prefixes (``PAGECACHE_EXCLUDE_PREFIXES``)."""
    return path.startswith(tuple(getattr(settings, "PAGECACHE_EXCLUDE_PREFIXES", ("/admin/",))))


def has_private_cookie(cookie_header: str) -> bool:
    """True when the request carries a signed-in user's session cookie.

    The reader-id cookie and csrftoken do not count: pages are the same for every
    anonymous reader and personal parts come from JSON endpoints.
    """
    if not cookie_header:
        return False
    names = getattr(settings, "PAGECACHE_BYPASS_COOKIES", None) or (settings.SESSION_COOKIE_NAME,)
    for part in cookie_header.split(";"):
        name = part.split("=", 1)[0].strip()
        if name in names:
            return True
    return False


@dataclass(slots=True)
class Entry:
    """One stored page: identity and compressed variants, made once at store time."""

    headers: list[tuple[str, str]]
    body: bytes
    gzip: bytes | None
    br: bytes | None
    etag: str
    last_modified: str
    stored_at: float


@dataclass(slots=True)
class Prepared:
    """An entry with the header lists of each variant built once, for the WSGI fast path."""

    entry: Entry
    plain: list[tuple[str, str]]
    gzip: list[tuple[str, str]] | None
    br: list[tuple[str, str]] | None

    def pick(self, encoding: str | None) -> tuple[list[tuple[str, str]], bytes]:
        """Headers and body of the variant to send for a preferred encoding (br, gzip, None)."""
        if encoding == "br" and self.br is not None:
            return self.br, self.entry.br
        if encoding is not None and self.gzip is not None:
            return self.gzip, self.entry.gzip
        return self.plain, self.entry.body


def answer_headers(entry: Entry, state: str) -> list[tuple[str, str]]:
    """Caching and validation headers every answer from the cache carries (304s too)."""
    return [
        ("Cache-Control", cache_control()),
        ("ETag", entry.etag),
        ("Last-Modified", entry.last_modified),
        ("Vary", "Accept-Encoding"),
        ("X-Cache", state),
    ]


def prepared_make(entry: Entry, state: str = "HIT") -> Prepared:
    """Build the ready-to-send header lists of an entry's plain, gzip and brotli variants."""
    common = entry.headers + answer_headers(entry, state)

    def variant(body: bytes | None, encoding: str | None) -> list[tuple[str, str]] | None:
        if body is None:
            return None
        extra = [("Content-Encoding", encoding)] if encoding else []
        return [*common, *extra, ("Content-Length", str(len(body)))]

    return Prepared(
        entry=entry,
        plain=variant(entry.body, None),
        gzip=variant(entry.gzip, "gzip"),
        br=variant(entry.br, "br"),
    )


class HotPages:
    """Pages this process answers without asking the shared cache.

    Asking the shared cache on every hit (a file read, or a Redis round trip) would cost
    more than the whole answer. Instead each process reads one purge sequence number at
    most every ``PAGECACHE_RECHECK_SECONDS`` (default 1 s) and drops all its hot pages
    when it changed; a purge made in this process drops them at once. So another
    process serves a purged page for at most that long.

    Keys are the request's identity (host, scheme, path, query). ``epoch`` counts the
    drops: a page looked up in the shared cache before a drop is not kept after it.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: dict[tuple[str, str, str, str], Prepared] = {}
        self.epoch = 0
        self.seq: object = object()  # unknown until first read: the first check drops
        self.checked_at = float("-inf")
        self.lock = threading.Lock()

    def recheck(self) -> None:
        """Drop every hot page if a purge happened anywhere since the last check."""
        now = time.monotonic()
        if now - self.checked_at < getattr(settings, "PAGECACHE_RECHECK_SECONDS", 1.0):
            return
        seq = cache.get(SEQ_KEY)
        with self.lock:
            self.checked_at = now
            if seq != self.seq:
                self.seq = seq
                self._drop()

    def put(self, identity: tuple[str, str, str, str], entry: Entry, epoch: int) -> Prepared:
        """Keep a page (unless a drop happened since ``epoch`` was read); oldest goes first."""
        prepared = prepared_make(entry)
        with self.lock:
            if epoch == self.epoch:
                if identity not in self.items and len(self.items) >= self.size:
                    del self.items[next(iter(self.items))]
                self.items[identity] = prepared
        return prepared

    def clear(self) -> None:
        """Drop every hot page now and read the sequence again on the next request."""
        with self.lock:
            self._drop()
            self.checked_at = float("-inf")

    def _drop(self) -> None:
        self.items = {}
        self.epoch += 1
        # Other per-process caches that must not outlive a purge (image renditions).
        for alias in getattr(settings, "PAGECACHE_LOCAL_CACHES", ()):
            caches[alias].clear()


# 256 pages of ~100 kB (plain, gzip and brotli) stay well inside a worker's memory budget.
hot = HotPages(256)


class PurgeMemo:
    """A small per-process dict emptied whenever this process sees a purge.

    For things every request needs and only purging edits change (the site's root page,
    whether any page is private): kept until :data:`hot` next drops its pages, so at most
    ``PAGECACHE_RECHECK_SECONDS`` late in other processes. A value computed across a purge
    is returned but not kept.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: dict = {}
        self.seen_epoch = -1
        self.lock = threading.Lock()

    def epoch(self) -> int:
        """The current purge epoch, after checking for purges made elsewhere."""
        hot.recheck()
        epoch = hot.epoch
        if epoch != self.seen_epoch:
            with self.lock:
                self.items = {}
                self.seen_epoch = epoch
        return epoch

    def remember(self, key, compute: Callable[[], object], *, keep_none: bool = True):
        """The value kept for ``key``, else ``compute()`` — kept unless a purge came between.

        ``keep_none=False`` does not keep a ``None`` (a miss), so that requests for pages
        that do not exist cannot fill the memo.
        """
        epoch = self.epoch()
        try:
            return self.items[key]
        except KeyError:
            pass
        value = compute()
        if value is None and not keep_none:
            return value
        with self.lock:
            if epoch == hot.epoch == self.seen_epoch and len(self.items) < self.size:
                self.items[key] = value
        return value


def tokens_read(path: str) -> tuple[str | None, str | None]:
    """The site and path tokens, read in one round trip."""
    vkey = version_key(path)
    values = cache.get_many([GEN_KEY, vkey])
    return values.get(GEN_KEY), values.get(vkey)


def tokens_ensure(path: str) -> tuple[str, str]:
    """The tokens to store under, creating missing ones (``add`` keeps a racing writer's)."""
    gen, ver = tokens_read(path)
    if gen is None:
        cache.add(GEN_KEY, secrets.token_hex(8), timeout=None)
        gen = cache.get(GEN_KEY)
    if ver is None:
        vkey = version_key(path)
        cache.add(vkey, secrets.token_hex(8), timeout=None)
        ver = cache.get(vkey)
    return gen, ver


def entry_key(*, host: str, scheme: str, path: str, query: str, gen: str, ver: str) -> str:
    """The key of one stored variant of a page under the current tokens."""
    raw = "\n".join((host, scheme, path, query, gen, ver)).encode("utf-8", "surrogateescape")
    return "pagecache:e:" + hashlib.blake2b(raw, digest_size=16).hexdigest()


def entry_get(key: str) -> Entry | None:
    """The entry stored under a versioned key in the shared cache, if any."""
    return cache.get(key)


def entry_make(*, headers: list[tuple[str, str]], body: bytes) -> Entry:
    """Build an entry: weak ETag from the body, Last-Modified now, gzip and brotli variants.

    Compression happens here, once per publish, never per request.
    """
    min_size = getattr(settings, "PAGECACHE_COMPRESS_MIN_BYTES", 200)
    compressed_gzip = compressed_br = None
    if len(body) >= min_size:
        compressed_gzip = gzip.compress(body, compresslevel=9, mtime=0)
        compressed_br = brotli.compress(body, quality=11, mode=brotli.MODE_TEXT)
    now = time.time()
    return Entry(
        headers=[(k, v) for k, v in headers if k.lower() not in DROPPED_HEADERS],
        body=body,
        gzip=compressed_gzip,
        br=compressed_br,
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=formatdate(now, usegmt=True),
        stored_at=float(int(now)),
    )


def entry_store(key: str, entry: Entry) -> None:
    """Keep an entry in the shared cache (``PAGECACHE_TIMEOUT``, default a day)."""
    cache.set(key, entry, timeout=getattr(settings, "PAGECACHE_TIMEOUT", 86400))


def accepted_encoding(accept_encoding: str) -> str | None:
    """``br`` or ``gzip`` if the client accepts it (``q=0`` refuses), else None."""
    if not accept_encoding:
        return None
    accepted = set()
    for item in accept_encoding.lower().split(","):
        name, _sep, params = item.strip().partition(";")
        params = params.replace(" ", "")
        if params.startswith("q=") and params[2:] in ("0", "0.0", "0.00", "0.000"):
            continue
        accepted.add(name.strip())
    if "br" in accepted:
        return "br"
    if "gzip" in accepted or "*" in accepted:
        return "gzip"
    return None


def not_modified(entry: Entry, if_none_match: str, if_modified_since: str) -> bool:
    """Whether the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    if if_none_match:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or entry.etag.removeprefix("W/") in tags
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        return entry.stored_at <= since
    return False


def response_parts(
    entry: Entry,
    *,
    method: str,
    accept_encoding: str,
    if_none_match: str,
    if_modified_since: str,
    state: str,
) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body to send for an entry (304, compressed or plain)."""
    if not_modified(entry, if_none_match, if_modified_since):
        return 304, answer_headers(entry, state), b""
    headers, body = prepared_make(entry, state).pick(accepted_encoding(accept_encoding))
    return 200, headers, (b"" if method == "HEAD" else body)


def purge_paths(paths: set[str] | list[str]) -> list[str]:
    """Make every stored variant of these paths unreachable; return the paths purged.

    Group paths (feeds, sitemaps) share one token. Cost: one cache write per distinct key.
    """
    normalised = sorted({normalise_path(path) for path in paths if path})
    keys = {version_key(path) for path in normalised}
    if keys:
        _tokens_renew(keys)
    return normalised


def purge_everything() -> None:
    """Bump the site token: every page is rendered afresh on its next request."""
    _tokens_renew({GEN_KEY})


def fragment_version() -> str:
    """The token ``{% cache %}`` fragments are keyed on: this process's purge epoch.

    Fragments live in each process's memory (the ``template_fragments`` cache, dropped
    with the hot pages), so a local token is enough and costs no shared-cache read.
    """
    hot.recheck()
    return str(hot.epoch)


def fragments_purge() -> None:
    """Drop every process's template fragments (an author, tag or image changed)."""
    _tokens_renew(set())


def _tokens_renew(keys: set[str]) -> None:
    """New random tokens for ``keys`` and the purge sequence; this process forgets at once,
    the others when they next check the sequence."""
    cache.set_many({key: secrets.token_hex(8) for key in keys | {SEQ_KEY}}, timeout=None)
    hot.clear()
