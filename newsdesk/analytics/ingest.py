"""The hot path: validate a beacon or pixel hit, classify it and append it to the WAL.

Nothing here runs a per-request ORM query. The two exceptions are cached per process: the
day's visitor salt (one query a day) and the set of live article ids (reloaded when an
unknown id shows up, at most once every few seconds).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import secrets
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from .wal import wal_writer

MAX_BODY = 8 * 1024
MAX_EVENTS = 50
MAX_PROPS = 10
ID_MAX = 2**31 - 1
EVENT_NAMES = ("pageview", "engagement", "bookmark", "subscribe", "outbound")
PAGEVIEW_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")

SEARCH_HOSTS = ("google.", "yandex.", "ya.ru", "bing.com", "duckduckgo.com", "search.yahoo.")
SEARCH_HOSTS += ("go.mail.ru", "baidu.com", "ecosia.org", "search.brave.com")
SOCIAL_HOSTS = ("facebook.com", "vk.com", "ok.ru", "t.me", "telegram.org", "instagram.com")
SOCIAL_HOSTS += ("twitter.com", "x.com", "t.co", "youtube.com", "whatsapp.com", "tiktok.com")
SOCIAL_HOSTS += ("threads.net", "linkedin.com", "dzen.ru", "reddit.com")


class BadBeacon(ValueError):
    """Input the beacon refuses; the message is the short reason sent back."""


@dataclass(frozen=True)
class Verdict:
    """What the endpoint answers: an HTTP status, a reason for 4xx, Retry-After for 429."""

    status: int
    reason: str = ""
    retry_after: int = 0


# --- per-process caches -------------------------------------------------------------------


@functools.cache
def _referrer_spam() -> frozenset[str]:
    path = Path(__file__).with_name("referrer_spam.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


@functools.cache
def _crawler_detect():
    from crawlerdetect import CrawlerDetect

    return CrawlerDetect()


@functools.lru_cache(maxsize=8192)
def user_agent_classify(user_agent: str) -> tuple[bool, str]:
    """(is it a bot, device class) for a User-Agent; parsing costs ~0.5 ms, so it is cached."""
    from ua_parser import parse

    lowered = user_agent.lower()
    if not user_agent or "headless" in lowered or "phantomjs" in lowered or "puppeteer" in lowered:
        return True, "bot"
    if _crawler_detect().isCrawler(user_agent):
        return True, "bot"
    result = parse(user_agent)
    device = result.device
    os_family = result.os.family if result.os else ""
    if device and device.family == "Spider":
        return True, "bot"
    brand = (device.brand or "") if device else ""
    family = (device.family or "") if device else ""
    if "tablet" in brand.lower() or family == "iPad" or "tablet" in lowered:
        return False, "tablet"
    if os_family in ("iOS", "Android") or "mobile" in lowered:
        return False, "mobile"
    return False, "desktop"


class _Salts:
    """Today's visitor salt, read from the database once a day per process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.day: date | None = None
        self.secret = b""

    def get(self, day: date) -> bytes:
        if self.day == day:
            return self.secret
        with self.lock:
            if self.day != day:
                self.secret = salt_secret(day=day).encode()
                self.day = day
            return self.secret

    def clear(self) -> None:
        with self.lock:
            self.day, self.secret = None, b""


def connections_refresh() -> None:
    """Drop a stale or broken connection before a query outside Django's request cycle.

    Django does this around each request; the WSGI layer and the housekeeping thread run
    outside it. Inside a transaction (tests) the connection is left alone.
    """
    if not connection.in_atomic_block:
        close_old_connections()


def salt_secret(*, day: date) -> str:
    """The secret of ``day``, created by whichever process needs it first."""
    from .models import VisitorSalt

    connections_refresh()
    try:
        salt, _created = VisitorSalt.objects.get_or_create(
            day=day, defaults={"secret": secrets.token_hex(32)}
        )
    except IntegrityError:  # another process created it between our get and create
        salt = VisitorSalt.objects.get(day=day)
    return salt.secret


class _Articles:
    """Ids of live articles, so a bogus id is refused without a query per request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids: frozenset[int] = frozenset()
        self.loaded_at = -1e9

    def known(self, article_id: int) -> bool:
        if article_id in self.ids:
            return True
        with self.lock:
            # An article published a moment ago is not in the set yet: reload, but at most
            # every few seconds so floods of bogus ids cannot turn into floods of queries.
            if article_id not in self.ids and time.monotonic() - self.loaded_at > 5:
                from newsdesk.news.models import ArticlePage

                connections_refresh()
                self.ids = frozenset(ArticlePage.objects.live().values_list("id", flat=True))
                self.loaded_at = time.monotonic()
        return article_id in self.ids

    def clear(self) -> None:
        with self.lock:
            self.ids, self.loaded_at = frozenset(), -1e9


class _TokenBuckets:
    """Per-IP token buckets in process memory.

    The shared cache would cost a round trip per beacon; an in-process bucket costs a dict
    lookup. With N server processes an IP can get N times the rate at most, which still
    caps a flood.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> int:
        """Take one token; return 0 if allowed, else the seconds to wait."""
        rate = settings.NEWSDESK_ANALYTICS_RATE_PER_IP
        burst = settings.NEWSDESK_ANALYTICS_BURST
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (burst, now))
            tokens = min(burst, tokens + (now - last) * rate)
            if tokens < 1:
                self.buckets[key] = (tokens, now)
                return max(1, int((1 - tokens) / rate + 0.999))
            if len(self.buckets) > 100_000:  # forget idle addresses rather than grow forever
                self.buckets.clear()
            self.buckets[key] = (tokens - 1, now)
            return 0

    def clear(self) -> None:
        with self.lock:
            self.buckets.clear()


SALTS = _Salts()
ARTICLES = _Articles()
BUCKETS = _TokenBuckets()


def caches_clear() -> None:
    """Forget every per-process cache (tests; a new day's salt is picked up by itself)."""
    SALTS.clear()
    ARTICLES.clear()
    BUCKETS.clear()
    user_agent_classify.cache_clear()


# --- classification -----------------------------------------------------------------------


def visitor_hash(*, day: date, site: str, ip: str, user_agent: str) -> str:
    """The Plausible recipe: hash(daily salt + site + IP + UA); the IP goes no further."""
    digest = hashlib.blake2b(digest_size=16, key=SALTS.get(day))
    digest.update(f"{site}\n{ip}\n{user_agent}".encode("utf-8", "replace"))
    return digest.hexdigest()


def referrer_classify(referrer: str, page_host: str) -> tuple[str, str]:
    """(host, kind) of a referrer: kind is search, social, direct, internal, other or spam."""
    if not referrer:
        return "", "direct"
    host = (urlsplit(referrer).hostname or "").lower().removeprefix("www.")
    if not host:
        return "", "direct"
    if host == page_host.lower().removeprefix("www."):
        return host, "internal"
    if host in _referrer_spam() or any(host.endswith("." + s) for s in _referrer_spam()):
        return host, "spam"
    if any(host.startswith(s) or ("." + s) in host for s in SEARCH_HOSTS):
        return host, "search"
    if any(host == s or host.endswith("." + s) for s in SOCIAL_HOSTS):
        return host, "social"
    return host, "other"


def _header(environ: Mapping, name: str) -> str:
    return environ.get(name, "") or ""


def _host(environ: Mapping) -> str:
    host = _header(environ, "HTTP_HOST") or _header(environ, "SERVER_NAME")
    return (urlsplit("//" + host).hostname or "localhost") if host else "localhost"


def _int(value, *, field: str, allow_zero: bool = True) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadBeacon(_("Field %(field)s must be a whole number.") % {"field": field})
    try:
        number = int(value)
    except ValueError:
        raise BadBeacon(_("Field %(field)s must be a whole number.") % {"field": field}) from None
    if number < 0 or number > ID_MAX or (number == 0 and not allow_zero):
        raise BadBeacon(_("Field %(field)s is out of range.") % {"field": field})
    return number


def _url(value, *, host: str) -> str:
    if not isinstance(value, str) or len(value) > 500:
        raise BadBeacon(_("The page address is not a valid URL."))
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadBeacon(_("The page address is not a valid URL."))
    if parts.hostname.lower() != host:
        raise BadBeacon(_("The page address belongs to another site."))
    return (parts.path or "/")[:500]


def _event_clean(raw, *, host: str) -> dict:
    """One validated event as stored; raises BadBeacon with the reason."""
    if not isinstance(raw, dict):
        raise BadBeacon(_("Each event must be a JSON object."))
    name = raw.get("n")
    if name not in EVENT_NAMES:
        raise BadBeacon(_("Unknown event name."))
    article_id = _int(raw.get("a"), field="a")
    if article_id and not ARTICLES.known(article_id):
        raise BadBeacon(_("No published article has this id."))
    authors = raw.get("au") or []
    if not isinstance(authors, list) or len(authors) > 10:
        raise BadBeacon(_("Field au must be a list of at most 10 ids."))
    pageview_id = raw.get("pv") or ""
    if pageview_id and (not isinstance(pageview_id, str) or not PAGEVIEW_ID.match(pageview_id)):
        raise BadBeacon(_("Field pv is not a valid page view id."))
    referrer = raw.get("r") or ""
    if not isinstance(referrer, str) or len(referrer) > 1000:
        raise BadBeacon(_("The referrer is not a valid URL."))
    props = raw.get("p") or {}
    if not isinstance(props, dict) or len(props) > MAX_PROPS:
        raise BadBeacon(_("Field p must be an object with at most 10 keys."))
    for key, value in props.items():
        if len(key) > 32 or not isinstance(value, (str, int, float, bool)) or len(str(value)) > 200:
            raise BadBeacon(_("Event properties must be short strings or numbers."))
    if name == "outbound":
        target = urlsplit(str(props.get("href", "")))
        if target.scheme not in ("http", "https") or not target.hostname:
            raise BadBeacon(_("An outbound event needs the link's address in p.href."))
    return {
        "n": name,
        "a": article_id,
        "s": _int(raw.get("s"), field="s"),
        "au": ",".join(str(_int(v, field="au", allow_zero=False)) for v in authors),
        "path": _url(raw.get("u"), host=host),
        "pv": pageview_id,
        "r": referrer,
        "es": min(_int(raw.get("es"), field="es"), 86_400),
        "sd": min(_int(raw.get("sd"), field="sd"), 100),
        "p": props,
    }


def _records(events: list[dict], environ: Mapping, *, source: str) -> bytes:
    """Classify events and encode them as WAL lines (the IP is used, never written)."""
    now = timezone.now()
    host = _host(environ)
    user_agent = _header(environ, "HTTP_USER_AGENT")[:512]
    is_bot, device = user_agent_classify(user_agent)
    purpose = (_header(environ, "HTTP_SEC_PURPOSE") + _header(environ, "HTTP_PURPOSE")).lower()
    if "prefetch" in purpose or "prerender" in purpose:
        is_bot = True
    gpc = _header(environ, "HTTP_SEC_GPC").strip() == "1"
    visitor = ""
    lines = []
    for event in events:
        referrer_host, referrer_kind = referrer_classify(event.pop("r"), host)
        bot = is_bot or referrer_kind == "spam"
        if not bot and not gpc and not visitor:
            visitor = visitor_hash(
                day=now.date(), site=host, ip=_header(environ, "REMOTE_ADDR"), user_agent=user_agent
            )
        record = {
            **event,
            "uid": uuid.uuid4().hex,
            "ts": now.timestamp(),
            "src": source,
            "rh": referrer_host[:255],
            "rk": referrer_kind,
            "dev": device,
            "v": "" if bot else visitor,
            "bot": bot,
        }
        lines.append(json.dumps(record, separators=(",", ":"), ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def _rate_limited(environ: Mapping) -> int:
    return BUCKETS.take(_header(environ, "REMOTE_ADDR") or "unknown")


def beacon_ingest(environ: Mapping, body: bytes) -> Verdict:
    """Handle a POSTed JSON beacon: one event object, a list, or ``{"e": [...]}``.

    All events of a beacon are stored or none: a bad one refuses the whole beacon.
    """
    if _header(environ, "HTTP_SEC_FETCH_SITE") == "cross-site":
        return Verdict(403, _("Beacons are accepted from this site's pages only."))
    if len(body) > MAX_BODY:
        return Verdict(400, _("The beacon is larger than 8 KB."))
    retry_after = _rate_limited(environ)
    if retry_after:
        return Verdict(
            429, _("Too many requests. Please wait a little and try again."), retry_after
        )
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return Verdict(400, _("The beacon is not valid JSON."))
    if isinstance(payload, dict) and "e" in payload:
        payload = payload["e"]
    raw_events = payload if isinstance(payload, list) else [payload]
    if not raw_events or len(raw_events) > MAX_EVENTS:
        return Verdict(400, _("A beacon carries from 1 to 50 events."))
    host = _host(environ)
    try:
        events = [_event_clean(raw, host=host) for raw in raw_events]
    except BadBeacon as error:
        return Verdict(400, str(error))
    wal_writer().append(_records(events, environ, source="js"))
    return Verdict(204)


def pixel_ingest(environ: Mapping) -> bool:
    """Record a noscript page view from ``/e.gif?a=&s=&au=``; bad input is ignored.

    The page's address comes from the Referer header the browser sends for the image.
    """
    query = parse_qs(_header(environ, "QUERY_STRING")[:2000])
    referer = _header(environ, "HTTP_REFERER")
    raw = {
        "n": "pageview",
        "u": referer,
        "a": (query.get("a") or [""])[0],
        "s": (query.get("s") or [""])[0],
        "au": [v for v in (query.get("au") or [""])[0].split(",") if v][:10],
    }
    try:
        event = _event_clean(raw, host=_host(environ))
    except BadBeacon:
        return False
    if _rate_limited(environ):
        return False
    wal_writer().append(_records([event], environ, source="pixel"))
    return True


# The smallest transparent GIF (43 bytes).
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
