"""The /stats chart: a PNG drawn with matplotlib's Agg renderer, off screen.

Figures are built with the object API (no pyplot, no global state), so charts may be drawn in
worker threads. Persian labels use DejaVu Sans, bundled with matplotlib, which has the glyphs.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from dataclasses import dataclass
from functools import cache

import arabic_reshaper
from bidi.algorithm import get_display
from matplotlib import ft2font
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from services.formatting import format_number, localize_digits
from services.reports.stats import (
    SCORES,
    TOP_SHOWN,
    PeriodKind,
    Stats,
    clerk_label,
    label_of,
    month_label,
    period_label,
    source_counts,
)
from services.texts import Texts

FONT = "DejaVu Sans"
# The first series, then the second (a clerk's overdue cases beside those in hand).
COLOURS = ("#2a6f97", "#d1495b")
# A panel of fewer bars than this keeps their thickness and leaves the rest empty.
MIN_SLOTS = 4
# Long labels (the subjects are whole legal titles) are wrapped to lines of this many letters.
LABEL_WIDTH = 30
# Fluent's isolation marks around values: a layout control, no glyph in the font.
_ISOLATES = re.compile("[\u2066-\u2069]")


@cache
def lays_out_complex_text() -> bool:
    """Whether this matplotlib shapes and orders right-to-left text itself (built with
    libraqm, from 3.11): then Persian goes in as it is; before, it is shaped and reordered
    here, or letters come out unjoined and backwards."""
    return bool(getattr(ft2font, "__libraqm_version__", ""))


def persian_label(text: str, *, native: bool | None = None) -> str:
    """A label ready for matplotlib: as it is where matplotlib lays out Persian itself,
    otherwise joined (arabic_reshaper) and put in visual order (bidi)."""
    text = _ISOLATES.sub("", text)
    if native if native is not None else lays_out_complex_text():
        return text
    return str(get_display(arabic_reshaper.reshape(text)))


@dataclass(frozen=True)
class Panel:
    """One panel of bars: its title, a label and a count a bar (several series side by side
    when `series` names them)."""

    title: str
    labels: list[str]
    counts: list[list[int]]
    series: list[str] | None = None
    vertical: bool = False
    slanted: bool = False


def stats_panels(stats: Stats, t: Texts) -> list[Panel]:
    """What the chart shows: every status (zeros included), the subjects, the months of the
    period (when it has several), the provinces, membership, the sources (filed in chat or
    referred by which body, as the text lists them), the deadlines met and missed, the
    clerks' load now, and satisfaction only once someone has rated."""
    plain = t.plain
    panels = [
        Panel(
            plain("chart-statuses"),
            [label_of(t, "status", key) for key, _ in stats.by_status],
            [[count for _, count in stats.by_status]],
        ),
        Panel(
            plain("chart-subjects"),
            [label_of(t, "subject", key) for key, _ in stats.by_subject],
            [[count for _, count in stats.by_subject]],
        ),
    ]
    if stats.by_month:
        panels.append(
            Panel(
                plain(
                    "chart-last-months" if stats.period.kind is PeriodKind.ALL else "chart-months"
                ),
                [month_label(m.start, t.locale) for m in stats.by_month],
                [[m.count for m in stats.by_month]],
                vertical=True,
                slanted=True,
            )
        )
    provinces = stats.by_province[:TOP_SHOWN]
    others = sum(count for _, count in stats.by_province[TOP_SHOWN:])
    panels.append(
        Panel(
            plain("chart-provinces"),
            [p or plain("stats-province-unknown") for p, _ in provinces]
            + ([plain("stats-others")] if others else []),
            [[count for _, count in provinces] + ([others] if others else [])],
        )
    )
    panels.append(
        Panel(
            plain("chart-membership"),
            [plain("chart-member"), plain("chart-non-member")],
            [[stats.members, stats.non_members]],
            vertical=True,
        )
    )
    sources = source_counts(stats.union, t)
    panels.append(
        Panel(
            plain("chart-sources"),
            [label for label, _ in sources],
            [[count for _, count in sources]],
        )
    )
    first, closing = stats.first_response, stats.closing
    panels.append(
        Panel(
            plain("chart-deadlines"),
            [
                plain("chart-first-on-time"),
                plain("chart-first-late"),
                plain("chart-closed-on-time"),
                plain("chart-closed-late"),
                plain("chart-overdue-now"),
                plain("chart-breached-now"),
            ],
            [
                [
                    first.on_time,
                    first.count - first.on_time,
                    closing.on_time,
                    closing.count - closing.on_time,
                    stats.overdue,
                    stats.breached,
                ]
            ],
        )
    )
    clerks = [clerk for clerk in stats.by_clerk[:TOP_SHOWN] if clerk.open]
    if clerks:
        panels.append(
            Panel(
                plain("chart-clerks"),
                [clerk_label(clerk, t) for clerk in clerks],
                [[clerk.open for clerk in clerks], [clerk.overdue for clerk in clerks]],
                series=[plain("chart-clerk-open"), plain("chart-clerk-overdue")],
            )
        )
    if stats.satisfaction.count:
        panels.append(
            Panel(
                plain("chart-satisfaction"),
                [localize_digits(str(score), t.locale) for score in SCORES],
                [[stats.satisfaction.distribution.get(score, 0) for score in SCORES]],
                vertical=True,
            )
        )
    return panels


def stats_chart(stats: Stats, t: Texts) -> bytes:
    """The panels of stats_panels two by two, each bar with its value written on it."""
    panels = stats_panels(stats, t)
    rows = math.ceil(len(panels) / 2)
    figure = Figure(figsize=(15, 4.6 * rows), dpi=100, layout="constrained")
    figure.suptitle(
        persian_label(t.plain("chart-title", period=period_label(stats.period, t))),
        fontsize=16,
        fontfamily=FONT,
    )
    # A list, not the array's flat iterator: zip would use up the spare place unseen.
    grid = list(figure.subplots(rows, 2, squeeze=False).flat)
    for axes, panel in zip(grid, panels, strict=False):
        _bars(axes, t, panel)
    for axes in grid[len(panels) :]:
        axes.set_visible(False)
    FigureCanvasAgg(figure)  # attaches the Agg canvas: no display is ever asked for
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _bars(axes: Axes, t: Texts, panel: Panel) -> None:
    """One panel: bars with their counts written at their ends in the locale's digits; the
    count axis itself is hidden (the values say it all, and no tick is ever fractional or
    below zero), with room left for the longest value."""
    shaped = [_wrapped(label) for label in panel.labels]
    axes.set_title(persian_label(panel.title), fontfamily=FONT, fontsize=13)
    positions = list(range(len(shaped)))
    series = len(panel.counts)
    thickness = 0.8 / series
    highest = max((max(counts, default=0) for counts in panel.counts), default=0)
    for index, counts in enumerate(panel.counts):
        offset = (index - (series - 1) / 2) * thickness
        colour = COLOURS[index % len(COLOURS)]
        name = persian_label(panel.series[index]) if panel.series else None
        if panel.vertical:
            bars = axes.bar(
                [p + offset for p in positions], counts, thickness, color=colour, label=name
            )
        else:
            # Read from the top, as the text lists them.
            bars = axes.barh(
                [len(positions) - 1 - p - offset for p in positions],
                counts,
                thickness,
                color=colour,
                label=name,
            )
        axes.bar_label(
            bars,
            labels=[format_number(count, t.locale) for count in counts],
            padding=3,
            fontfamily=FONT,
            fontsize=10,
        )
    limit = max(highest, 1) * 1.18
    if panel.vertical:
        axes.set_xticks(positions, shaped)
        axes.set_ylim(0, limit)
        axes.yaxis.set_visible(False)
        if panel.slanted:
            for label in axes.get_xticklabels():
                label.set(rotation=45, horizontalalignment="right", rotation_mode="anchor")
    else:
        axes.set_yticks([len(positions) - 1 - p for p in positions], shaped)
        axes.set_xlim(0, limit)
        # A bar or two keep the thickness they would have among four, at the top.
        axes.set_ylim(len(positions) - 0.5 - max(len(positions), MIN_SLOTS), len(positions) - 0.5)
        axes.xaxis.set_visible(False)
    for side in ("top", "right", "left" if panel.vertical else "bottom"):
        axes.spines[side].set_visible(False)
    if panel.series:
        axes.legend(prop={"family": FONT})
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(FONT)


def _wrapped(label: str) -> str:
    """A long label on several lines, each laid out on its own."""
    return "\n".join(persian_label(line) for line in textwrap.wrap(label, LABEL_WIDTH) or [""])
