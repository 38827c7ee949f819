#!/usr/bin/env bash
# Serve Newsdesk: granian (one worker per core), the task worker and the clock that
# enqueues scheduled publishing. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
WORKERS="${WEB_CONCURRENCY:-$(nproc)}"

$PY manage.py db_worker --queue-name default >>data/worker.log 2>&1 &
worker=$!
$PY manage.py run_clock >>data/clock.log 2>&1 &
clock=$!
trap 'kill $worker $clock 2>/dev/null || true' EXIT INT TERM

if [ -f data/demo-editor.txt ]; then
  echo "Admin: http://127.0.0.1:${PORT}/admin/ — $(cat data/demo-editor.txt)"
fi
echo "Newsdesk: http://127.0.0.1:${PORT}/"
PORT="$PORT" WEB_CONCURRENCY="$WORKERS" scripts/web.sh
