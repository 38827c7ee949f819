"""Shared request logic of the WSGI layer and the middleware: is it eligible, which key."""

from __future__ import annotations

from collections.abc import Mapping

from . import store


def request_path(meta: Mapping) -> str:
    """PATH_INFO as Django decodes it (WSGI hands over UTF-8 bytes as latin-1 text)."""
    raw = meta.get("PATH_INFO", "/") or "/"
    try:
        return raw.encode("latin-1").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a server that already decoded it
        return raw


def request_eligible(meta: Mapping) -> bool:
    """GET/HEAD, cache on, no signed-in session cookie, no Authorization, not excluded."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or not store.enabled():
        return False
    if meta.get("HTTP_AUTHORIZATION") or store.has_private_cookie(meta.get("HTTP_COOKIE", "")):
        return False
    return not store.path_excluded(request_path(meta))


def request_identity(meta: Mapping) -> tuple[str, str, str, str]:
    """What tells one cached page from another: host, scheme, path and query string."""
    return (
        (meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")).lower(),
        meta.get("HTTP_X_FORWARDED_PROTO") or meta.get("wsgi.url_scheme", "http"),
        request_path(meta),
        meta.get("QUERY_STRING", ""),
    )


def request_key(meta: Mapping, gen: str, ver: str) -> str:
    """The entry key for a request under the given tokens."""
    host, scheme, path, query = request_identity(meta)
    return store.entry_key(host=host, scheme=scheme, path=path, query=query, gen=gen, ver=ver)


def hit_parts(meta: Mapping, entry: store.Entry, state: str):
    """Status, headers and body answering this request from an entry."""
    return store.response_parts(
        entry,
        method=meta.get("REQUEST_METHOD", "GET"),
        accept_encoding=meta.get("HTTP_ACCEPT_ENCODING", ""),
        if_none_match=meta.get("HTTP_IF_NONE_MATCH", ""),
        if_modified_since=meta.get("HTTP_IF_MODIFIED_SINCE", ""),
        state=state,
    )
