"""Bar charts drawn as SVG on the server: no chart library, no CDN, readable without JS."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def svg_bars(points: list[tuple[str, int]], *, label: str, width: int = 720, height: int = 180):
    """An accessible bar chart of (label, value) points; each bar has a tooltip title."""
    if not points:
        return mark_safe("")  # noqa: S308 (constant)
    top = max(value for _, value in points) or 1
    gap = 2
    bar = max(1.0, (width - gap * len(points)) / len(points))
    parts = [
        f'<svg class="analytics-chart" viewBox="0 0 {width} {height + 20}" width="100%" '
        f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" stroke="#888"/>',
    ]
    for index, (name, value) in enumerate(points):
        bar_height = round(value / top * (height - 10), 1)
        x = round(index * (bar + gap), 1)
        parts.append(
            f'<rect x="{x}" y="{height - bar_height}" width="{round(bar, 1)}" '
            f'height="{bar_height}" fill="#0f3d5e"><title>{escape(name)}: {value}</title></rect>'
        )
    parts.append(
        f'<text x="0" y="{height + 15}" font-size="11">{escape(points[0][0])}</text>'
        f'<text x="{width}" y="{height + 15}" font-size="11" text-anchor="end">'
        f"{escape(points[-1][0])}</text>"
        f'<text x="{width}" y="12" font-size="11" text-anchor="end">max {top}</text></svg>'
    )
    return SafeString("".join(parts))
