"""Each analytics test gets its own WAL directory and empty per-process caches."""

import pytest

from newsdesk.analytics.ingest import caches_clear
from newsdesk.analytics.wal import wal_writer_reset


@pytest.fixture(autouse=True)
def _analytics_isolated(settings, tmp_path):
    settings.NEWSDESK_ANALYTICS_WAL_DIR = tmp_path / "wal"
    settings.NEWSDESK_ANALYTICS_RATE_PER_IP = 1000
    settings.NEWSDESK_ANALYTICS_BURST = 1000
    wal_writer_reset()
    caches_clear()
    yield
    wal_writer_reset()
    caches_clear()
