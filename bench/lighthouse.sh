#!/usr/bin/env bash
# Lighthouse (mobile profile, Debian Chromium) on the home page and the reference article as
# `make run` serves them. Prints the four category scores per page.
# Usage: bench/lighthouse.sh [BASE_URL]   (default http://127.0.0.1:8000; start `make run` first)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-http://127.0.0.1:${PORT:-8000}}"
TOOLS=bench/.lighthouse
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null
fi
article_path=$(curl -fsS "$BASE/politics/" | grep -o 'href="/politics/[^"]*/"' | head -1 | cut -d'"' -f2)
reference_path=$(DJANGO_SETTINGS_MODULE=newsdesk.settings.dev .venv/bin/python manage.py shell -v0 -c \
  "from newsdesk.news.models import ArticlePage as A; a=A.objects.filter(source_name='primeminister.kz').first(); print(a.url if a else '')" 2>/dev/null || true)
mkdir -p bench/out
for path in / "${reference_path:-$article_path}"; do
  out="bench/out/lighthouse$(echo "$path" | tr '/' '_').json"
  CHROME_PATH=/usr/bin/chromium "$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" \
    --quiet --output=json --output-path="$out" --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" >/dev/null
  python3 - "$out" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
print(f"{sys.argv[2]}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
PY
done
