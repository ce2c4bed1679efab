"""Handlers say what they need: the event, its callback data or form, and one context."""

from __future__ import annotations

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parent.parent / "handlers"
AT_MOST = 7


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for path in sorted(HANDLERS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((f"{path.relative_to(HANDLERS)}:{node.name}", node))
    return found


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    args = node.args
    listed = len(args.posonlyargs) + len(args.args) + len(args.kwonlyargs)
    return listed + (args.vararg is not None) + (args.kwarg is not None)


def test_no_handler_takes_the_whole_data_dict() -> None:
    open_ended = [
        name
        for name, node in _functions()
        if node.args.kwarg is not None and node.args.kwarg.arg == "data"
    ]
    assert _functions() and open_ended == []


def test_no_function_in_handlers_takes_eight_parameters_or_more() -> None:
    wide = [(name, _parameters(node)) for name, node in _functions()]
    assert [(name, n) for name, n in wide if n > AT_MOST] == []
