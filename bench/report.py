"""The final table: printed, and kept as JSON and Markdown under bench/results/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.common import Result

HEADERS = ("benchmark", "backend", "size", "figure", "target", "result")


def rows(results: Sequence[Result]) -> list[tuple[str, ...]]:
    return [(r.benchmark, r.backend, r.size, r.figure, r.target, r.verdict) for r in results]


def text_table(results: Sequence[Result]) -> str:
    """A plain table for the terminal."""
    table = [HEADERS, *rows(results)]
    widths = [max(len(row[column]) for row in table) for column in range(len(HEADERS))]
    lines = []
    for index, row in enumerate(table):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def plan_lines(results: Sequence[Result]) -> list[str]:
    """The EXPLAIN line of each sweep's find query, for under the table."""
    return [
        f"EXPLAIN of the sweep's find, {r.backend}, {r.size}: {r.details['plan_line']}"
        for r in results
        if r.details.get("plan_line")
    ]


def markdown_table(results: Sequence[Result]) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|")

    lines = [
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join("---" for _ in HEADERS) + "|",
    ]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows(results)]
    return "\n".join(lines)


def write(
    folder: Path, results: Sequence[Result], run: dict[str, Any], machine: dict[str, str]
) -> tuple[Path, Path]:
    """bench/results/latest.json (everything measured) and latest.md (the table)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = {"run": run, "machine": machine, "results": [asdict(r) for r in results]}
    json_path = folder / "latest.json"
    json_path.write_text(
        json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
    )
    about = ", ".join(f"{key} {value}" for key, value in machine.items() if value)
    load = run.get("load_average")
    notes = [
        f"Measured {run['finished']} with `{' '.join(['python -m bench', *run['argv']])}` "
        f"in {run['seconds']:.0f} s.",
        f"Machine: {about}.",
    ]
    if load:
        notes.append(f"Load average (1 min) at start and end: {load[0]:.2f}, {load[1]:.2f}.")
    plans = [f"- `{line}`" for line in plan_lines(results)]
    markdown = "\n\n".join([markdown_table(results), "\n".join(notes)]) + "\n"
    if plans:
        markdown += "\n" + "\n".join(plans) + "\n"
    errors = [r for r in results if r.error]
    if errors:
        markdown += "\nErrors:\n" + "".join(f"- {r.benchmark}: {r.error}\n" for r in errors)
    md_path = folder / "latest.md"
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path
