"""Keyboards, their labels from the locale files."""

from __future__ import annotations

from typing import Any, get_args

from aiogram.filters import Filter
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)

from handlers.kit.callbacks import (
    Editable,
    EditField,
    FormNav,
    LanguageChoice,
    ProvinceChoice,
    SubjectChoice,
    pack,
    pack_stored,
)
from services.desk import Subject
from services.licences import PROVINCES
from services.texts import LOCALES, Texts, texts
from services.view import Button


class MenuButton(Filter):
    """Matches a reply-keyboard button by its label in any language (`labels`, which a gate
    reads: `handlers.kit.gates`)."""

    def __init__(self, labels: frozenset[str]) -> None:
        self.labels = labels

    async def __call__(self, message: Message) -> bool:
        return message.text in self.labels


def menu_button(key: str) -> MenuButton:
    """Matches a reply-keyboard button by its label in any language."""
    return MenuButton(frozenset(texts(locale).plain(key) for locale in LOCALES))


MENU_KEYS = (
    "menu-complaint",
    "menu-my-cases",
    "menu-track",
    "menu-licence",
    "menu-help",
)


def main_menu(t: Texts) -> ReplyKeyboardMarkup:
    """The citizen's main menu: made once per language, the same object sent every time
    (nothing changes a keyboard once made)."""
    menu = _MAIN_MENUS.get(t.locale)
    if menu is None:
        menu = _MAIN_MENUS[t.locale] = _main_menu(t)
    return menu


_MAIN_MENUS: dict[str, ReplyKeyboardMarkup] = {}


def _main_menu(t: Texts) -> ReplyKeyboardMarkup:
    label = t.plain
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=label("menu-complaint"))],
            [
                KeyboardButton(text=label("menu-my-cases")),
                KeyboardButton(text=label("menu-track")),
            ],
            [KeyboardButton(text=label("menu-licence")), KeyboardButton(text=label("menu-help"))],
        ],
        resize_keyboard=True,
        is_persistent=True,
    )


def contact_keyboard(t: Texts) -> ReplyKeyboardMarkup:
    """The platform's own button that shares the sender's verified phone number."""
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=t.plain("button-share-contact"), request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def inline(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data) for text, data in row]
            for row in rows
        ]
    )


def nav(t: Texts, step: str, *actions: str) -> InlineKeyboardMarkup:
    """Navigation buttons of a form step (skip, done, no-order…)."""
    return inline(
        [
            [(t.plain(f"button-{action}"), FormNav(step=step, action=action).pack())]
            for action in actions
        ]
    )


def subjects(t: Texts) -> InlineKeyboardMarkup:
    """The subjects in plain words; their legal names are for staff and reports."""
    return inline(
        [[(t.plain(f"subject-{s}-plain"), SubjectChoice(subject=s).pack())] for s in Subject]
    )


# Provinces on a row of the keyboard: their names fit three abreast on a phone.
PROVINCES_PER_ROW = 3


def provinces(t: Texts, step: str) -> InlineKeyboardMarkup:
    """The 31 provinces, and a button for not knowing."""
    buttons = [(name, ProvinceChoice(index=i).pack()) for i, name in enumerate(PROVINCES)]
    rows = [
        buttons[start : start + PROVINCES_PER_ROW]
        for start in range(0, len(buttons), PROVINCES_PER_ROW)
    ]
    rows.append([(t.plain("button-skip"), FormNav(step=step, action="skip").pack())])
    return inline(rows)


def summary(t: Texts) -> InlineKeyboardMarkup:
    return inline(
        [
            [(t.plain("button-confirm"), FormNav(step="confirm", action="confirm").pack())],
            [
                (t.plain("button-edit"), FormNav(step="confirm", action="edit").pack()),
                (t.plain("button-cancel"), FormNav(step="confirm", action="cancel").pack()),
            ],
        ]
    )


EDITABLE: tuple[str, ...] = get_args(Editable)


def edit_fields(t: Texts, names: list[str]) -> InlineKeyboardMarkup:
    """The answers that can be changed (those the form's path has), and a way back."""
    rows = [
        [(t.plain(f"field-{name}"), EditField(field=name).pack())]
        for name in EDITABLE
        if name in names
    ]
    rows.append([(t.plain("button-back"), FormNav(step="confirm", action="back").pack())])
    return inline(rows)


def resume(t: Texts) -> InlineKeyboardMarkup:
    return inline(
        [
            [(t.plain("button-resume"), FormNav(step="start", action="resume").pack())],
            [(t.plain("button-restart"), FormNav(step="start", action="restart").pack())],
        ]
    )


def languages() -> InlineKeyboardMarkup:
    return inline(
        [
            [
                (texts(locale).plain("language-name"), LanguageChoice(locale=locale).pack())
                for locale in LOCALES
            ]
        ]
    )


def from_buttons(rows: list[list[Button]]) -> InlineKeyboardMarkup | None:
    """An inline keyboard from the buttons the services describe."""
    return _markup(
        [[(b.text, pack(b.callback) if b.callback else None, b.url) for b in row] for row in rows]
    )


def from_stored(rows: list[list[dict[str, Any]]]) -> InlineKeyboardMarkup | None:
    """An inline keyboard from the buttons an outbox row keeps (`Button.stored`)."""
    return _markup(
        [
            [
                (
                    b["text"],
                    pack_stored(b["callback"]) if b.get("callback") else None,
                    b.get("url"),
                )
                for b in row
            ]
            for row in rows
        ]
    )


# A button as drawn: its label, its callback data or its link.
_Drawn = tuple[str, str | None, str | None]


def _markup(rows: list[list[_Drawn]]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=text, callback_data=data, url=url)
                for text, data, url in row
            ]
            for row in rows
        ]
    )
