"""Hand-written SVG charts (no plotting dependency): daily bars for the overview and the inbox's
volume, and a weekday x hour heatmap for best times."""

from __future__ import annotations

from datetime import datetime
from html import escape

from fastapi.responses import Response

from analytics.reports.schemas import BestTimes

WIDTH, HEIGHT, PAD = 720, 300, 40
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def svg_response(svg: str) -> Response:
    return Response(svg, media_type="image/svg+xml")


def _frame(title: str, body: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="11">'
        f'<title>{escape(title)}</title><rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="{PAD}" y="20" font-size="14">{escape(title)}</text>{"".join(body)}</svg>'
    )


def daily_bars(
    title: str,
    days: list[tuple[datetime, dict[str, int]]],
    bars: str = "clicks",
    dots: str = "orders",
) -> str:
    """`bars` per day (clicks) as bars, `dots` per day (orders) as dots on the same time axis."""
    if not days:
        return _frame(title, [f'<text x="{PAD}" y="60">No data for this period</text>'])
    top = max(max(v[bars] for _, v in days), 1)
    top_dots = max(max(v[dots] for _, v in days), 1)
    plot_w, plot_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD - 10
    step = plot_w / len(days)
    body = [f'<text x="{PAD}" y="{PAD - 4}">max {top} {bars}/day</text>']
    for i, (day, values) in enumerate(days):
        x = PAD + i * step
        h = plot_h * values[bars] / top
        y = PAD + plot_h - h
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
            f'fill="#4878a8"><title>{day.date()}: {values[bars]} {bars}, '
            f"{values[dots]} {dots}</title></rect>"
        )
        oy = PAD + plot_h - plot_h * values[dots] / top_dots
        body.append(f'<circle cx="{x + step / 2:.1f}" cy="{oy:.1f}" r="3" fill="#d0683a"/>')
        if i % max(1, len(days) // 8) == 0:
            body.append(f'<text x="{x:.1f}" y="{HEIGHT - 12}">{day:%m-%d}</text>')
    body.append(
        f'<text x="{WIDTH - 200}" y="20"><tspan fill="#4878a8">■ {bars}</tspan> '
        f'<tspan fill="#d0683a">● {dots}</tspan></text>'
    )
    return _frame(title, body)


def heatmap(title: str, report: BestTimes) -> str:
    """Average first-day clicks per weekday x hour of publishing, all channels together."""
    cells: dict[tuple[int, int], float] = {}
    for item in report.items:
        key = (item.weekday, item.hour)
        cells[key] = max(cells.get(key, 0.0), item.average_clicks)
    top = max(cells.values(), default=1.0) or 1.0
    cell_w, cell_h = (WIDTH - PAD - 50) / 24, 28
    body = []
    for w, name in enumerate(WEEKDAYS):
        y = PAD + w * cell_h
        body.append(f'<text x="8" y="{y + 18}">{name}</text>')
        for h in range(24):
            value = cells.get((w, h))
            shade = "#eee" if value is None else f"rgba(72,120,168,{0.15 + 0.85 * value / top:.2f})"
            label = "too few samples" if value is None else f"{value} clicks"
            body.append(
                f'<rect x="{50 + h * cell_w:.1f}" y="{y}" width="{cell_w - 1:.1f}" '
                f'height="{cell_h - 1}" fill="{shade}"><title>{name} {h:02d}:00 '
                f"{escape(report.timezone)}: {label}</title></rect>"
            )
    for h in range(0, 24, 3):
        body.append(f'<text x="{50 + h * cell_w:.1f}" y="{PAD + 7 * cell_h + 14}">{h:02d}</text>')
    return _frame(title, body, height=PAD + 7 * cell_h + 30)
