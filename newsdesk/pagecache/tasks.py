"""Background jobs of the page cache: telling a CDN which URLs to drop."""

from __future__ import annotations

import json
import logging
import urllib.request

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def cdn_purge(urls: list[str], everything: bool = False) -> int:
    """POST ``{"urls": [...], "everything": bool}`` to ``NEWSDESK_CDN_PURGE_URL``.

    Runs in the worker so a slow CDN never delays the editor's publish. Returns the HTTP
    status; an error raises so the task is recorded as failed.
    """
    endpoint = settings.NEWSDESK_CDN_PURGE_URL
    payload = json.dumps({"urls": urls, "everything": everything}).encode()
    request = urllib.request.Request(
        endpoint, data=payload, method="POST", headers={"Content-Type": "application/json"}
    )
    token = getattr(settings, "NEWSDESK_CDN_PURGE_TOKEN", "")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (https URL from settings)
        logger.info("CDN purge of %d URLs: HTTP %s", len(urls), response.status)
        return response.status
