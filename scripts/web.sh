#!/usr/bin/env bash
# The production web server alone: granian, one worker per core, two threads per worker.
# `scripts/serve.sh`, `bench/pages.py` and the multi-process test all start it this way.
# Environment: HOST, PORT, WEB_CONCURRENCY (workers), WEB_THREADS (threads per worker).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each thread would get its own malloc arena; two arenas keep a worker's memory flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# Few threads: pages are CPU-bound under one interpreter lock, and each thread holds its
# own database connection. Two keep one slow request from holding up the rest.
exec .venv/bin/granian --interface wsgi --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --workers "${WEB_CONCURRENCY:-$(nproc)}" --blocking-threads "${WEB_THREADS:-2}" \
  --no-ws --log-level "${WEB_LOG_LEVEL:-warning}" newsdesk.wsgi:application
