"""Run the Nu HTML checker (vnu-jar from npm, installed by ``make test``) on rendered pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parent.parent / "tools/node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_errors(pages: dict[str, str], workdir: Path) -> list[str]:
    """Validate each named HTML document; return the checker's errors as readable lines.

    All documents go to one Java process, which takes most of the time.
    """
    if not VNU_JAR.exists() or shutil.which("java") is None:
        raise RuntimeError("The Nu HTML checker is not installed: run `make system-test-deps`.")
    files = []
    for name, html in pages.items():
        path = workdir / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} — "
        f"{m.get('extract', '').strip()[:120]}"
        for m in messages
        if m.get("type") == "error"
    ]
