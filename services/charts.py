"""The /stats chart: a PNG drawn with matplotlib's Agg renderer, off screen.

Figures are built with the object API (no pyplot, no global state), so charts may be drawn in
worker threads. Persian labels use DejaVu Sans, bundled with matplotlib, which has the glyphs.
"""

from __future__ import annotations

import io
import re
import textwrap
from functools import cache

import arabic_reshaper
from bidi.algorithm import get_display
from matplotlib import ft2font
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from services.formatting import localize_digits
from services.reports.stats import SCORES, Stats, label_of, month_label
from services.texts import Texts

FONT = "DejaVu Sans"
COLOUR = "#2a6f97"
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


def stats_chart(stats: Stats, t: Texts) -> bytes:
    """Four panels: cases by month (the last twelve), by status, by subject, and the
    satisfaction scores."""
    figure = Figure(figsize=(13, 9), dpi=100, layout="constrained")
    figure.suptitle(persian_label(t.plain("chart-title")), fontsize=15, fontfamily=FONT)
    months, statuses, subjects, scores = figure.subplots(2, 2).flat
    _bars(
        months,
        t,
        t.plain("chart-months"),
        [month_label(m.start, t.locale) for m in stats.by_month],
        [m.count for m in stats.by_month],
        vertical=True,
        slanted=True,
    )
    _bars(
        statuses,
        t,
        t.plain("chart-statuses"),
        [label_of(t, "status", key) for key, _ in stats.by_status],
        [count for _, count in stats.by_status],
    )
    _bars(
        subjects,
        t,
        t.plain("chart-subjects"),
        [label_of(t, "subject", key) for key, _ in stats.by_subject],
        [count for _, count in stats.by_subject],
    )
    _bars(
        scores,
        t,
        t.plain("chart-satisfaction"),
        [localize_digits(str(score), t.locale) for score in SCORES],
        [stats.satisfaction.distribution.get(score, 0) for score in SCORES],
        vertical=True,
    )
    FigureCanvasAgg(figure)  # attaches the Agg canvas: no display is ever asked for
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _bars(
    axes: Axes,
    t: Texts,
    title: str,
    labels: list[str],
    counts: list[int],
    *,
    vertical: bool = False,
    slanted: bool = False,
) -> None:
    """One panel of bars, counts on the value axis in the locale's digits."""
    shaped = [_wrapped(label) for label in labels]
    axes.set_title(persian_label(title), fontfamily=FONT)
    count_axis = axes.yaxis if vertical else axes.xaxis
    count_axis.set_major_locator(MaxNLocator(integer=True))
    count_axis.set_major_formatter(
        FuncFormatter(lambda value, _: localize_digits(f"{value:.0f}", t.locale))
    )
    if vertical:
        axes.bar(shaped, counts, color=COLOUR)
        if slanted:
            for label in axes.get_xticklabels():
                label.set(rotation=45, horizontalalignment="right", rotation_mode="anchor")
    else:
        # Read from the top, as the text lists them.
        axes.barh(shaped[::-1], counts[::-1], color=COLOUR)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(FONT)


def _wrapped(label: str) -> str:
    """A long label on several lines, each laid out on its own."""
    return "\n".join(persian_label(line) for line in textwrap.wrap(label, LABEL_WIDTH) or [""])
