"""An event acknowledged with 2xx survives SIGKILL of the server right after the answer.

The real production WSGI application (``newsdesk.wsgi``) runs in a child process under
wsgiref; once every event has been acknowledged the child is killed with SIGKILL and the
flush command must find exactly as many events. Nothing here depends on timing: the child
announces its port only once it listens, and the kill happens after the last answer.
"""

import http.client
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from newsdesk.analytics.ingest import GIF
from newsdesk.analytics.models import Event

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
SERVER = """
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

from newsdesk.wsgi import application

server = make_server("127.0.0.1", 0, application, handler_class=Quiet)
print(server.server_port, flush=True)
server.serve_forever()
"""


def child_env(data_dir: Path, wal: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="newsdesk.settings.production",
        DJANGO_SECRET_KEY="durability-test-only",
        NEWSDESK_HTTPS="false",
        NEWSDESK_DATA_DIR=str(data_dir),
        NEWSDESK_ANALYTICS_WAL_DIR=str(wal),
        NEWSDESK_ANALYTICS_FLUSH_INTERVAL="0",  # only the test's flush may move events
        NEWSDESK_ANALYTICS_RATE_PER_IP="100000",
        NEWSDESK_ANALYTICS_BURST="100000",
        NEWSDESK_LOG_LEVEL="WARNING",
    )
    return env


def test_server_killed_with_sigkill_after_acknowledging_events_loses_none(settings, tmp_path):
    wal = Path(settings.NEWSDESK_ANALYTICS_WAL_DIR)
    data_dir = tmp_path / "child-data"
    data_dir.mkdir()
    env = child_env(data_dir, wal)
    # The child keeps its daily salt in a database of its own.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "analytics", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    child = subprocess.Popen(
        [sys.executable, "-c", SERVER], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        port = int(child.stdout.readline())
        acknowledged = 0
        page = f"http://127.0.0.1:{port}/gorod/"
        for round_ in range(30):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            batch = [{"n": "pageview", "u": page, "pv": f"r{round_}e{i}"} for i in range(5)]
            connection.request(
                "POST", "/e/", json.dumps({"e": batch}), {"Content-Type": "text/plain"}
            )
            response = connection.getresponse()
            response.read()
            assert response.status == 204
            acknowledged += len(batch)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", "/e.gif?a=&s=", headers={"Referer": page})
            response = connection.getresponse()
            assert response.status == 200 and response.read() == GIF
            acknowledged += 1
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert list(wal.glob("*.wal")), "the killed server left its segment behind"

    call_command("analytics_flush")

    assert Event.objects.count() == acknowledged == 180
    assert Event.objects.filter(source="pixel").count() == 30
    assert list(wal.glob("*.wal")) == []
