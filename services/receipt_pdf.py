"""The printed receipt: an A5 PDF of what the chat receipt says, laid out for paper.

Seed 004 (item 9) asks for a printed and an electronic receipt of every service, carrying the
service, the recipient, the tracking number, the date and time, the amount taken, and the
office's details (licence holder, licence number, operator, address); DOMAIN.md §4.

The words are decided when the service is given (`sheet_for`, in that transaction) and kept
with the outbox row; the sender lays them out when it sends the row, adding the link that opens
the case in the bot, which only the bot knows (its username). Persian is shaped by HarfBuzz
(fpdf2's text shaping) in DejaVu Sans, the font matplotlib installs with the desk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from models.repos import Repo
from models.tables import Case, User
from services import cases, people
from services.desk import ChatRef, DeskConfig, DeskInfo
from services.formatting import format_code, format_datetime
from services.outbox import Method, Outgoing, Purpose, enqueue, person
from services.platforms import Platform, profile_of
from services.texts import Texts, texts

logger = logging.getLogger(__name__)

# A start link's payload: the case's tracking code after this word (Telegram takes letters,
# digits, "_" and "-", up to 64).
_PAYLOAD = "case_"
_PAYLOAD_PATTERN = re.compile(r"^case_([0-9]{10})$")
# Where a start link opens a chat with a bot, by platform: Bale's follows Telegram's.
_START_LINKS = {
    Platform.TELEGRAM: "https://t.me/{username}?start={payload}",
    Platform.BALE: "https://ble.ir/{username}?start={payload}",
}

# A5 portrait, in millimetres.
_PAGE = (148.0, 210.0)
_MARGIN = 14.0
_LABEL_WIDTH = 38.0
_LINE = 6.0
_INK = (33, 37, 41)
_MUTED = (108, 117, 125)
_RULE = (206, 212, 218)
_LINK_INK = (13, 71, 161)


def start_payload(code: str) -> str:
    """What a start link carries for a case: its ten digits after `case_`."""
    return f"{_PAYLOAD}{code}"


def code_of_payload(payload: str | None) -> str | None:
    """The tracking code a start link carries, or None for any other payload."""
    match = _PAYLOAD_PATTERN.match((payload or "").strip())
    return match.group(1) if match else None


def start_link(platform: Platform, username: str, code: str) -> str:
    """The link that opens the case in the bot: `/start case_<code>` is sent when tapped."""
    return _START_LINKS[platform].format(username=username, payload=start_payload(code))


@dataclass(frozen=True)
class Sheet:
    """The words of one printed receipt, in its reader's language."""

    locale: str
    code: str
    # When the service was given: the document's own date, so that a retry makes it again
    # byte for byte.
    issued: datetime
    file_name: str
    desk_name: str
    title: str
    rows: tuple[tuple[str, str], ...]
    desk_title: str
    desk_rows: tuple[tuple[str, str], ...]
    verify_title: str
    verify_text: str
    verify_command: str
    footer: str
    # Whom the receipt is addressed to, under its title (a referring body: «به: …»); a
    # citizen's receipt is addressed to nobody but its reader.
    addressee: str = ""

    def stored(self) -> dict[str, Any]:
        """As the outbox row keeps it."""
        return {
            "locale": self.locale,
            "code": self.code,
            "issued": self.issued.isoformat(),
            "file_name": self.file_name,
            "desk_name": self.desk_name,
            "title": self.title,
            "rows": [list(row) for row in self.rows],
            "desk_title": self.desk_title,
            "desk_rows": [list(row) for row in self.desk_rows],
            "verify_title": self.verify_title,
            "verify_text": self.verify_text,
            "verify_command": self.verify_command,
            "footer": self.footer,
            "addressee": self.addressee,
        }

    @classmethod
    def from_stored(cls, value: dict[str, Any]) -> Sheet:
        return cls(
            locale=value["locale"],
            code=value["code"],
            issued=datetime.fromisoformat(value["issued"]),
            file_name=value["file_name"],
            desk_name=value["desk_name"],
            title=value["title"],
            rows=tuple((label, text) for label, text in value["rows"]),
            desk_title=value["desk_title"],
            desk_rows=tuple((label, text) for label, text in value["desk_rows"]),
            verify_title=value["verify_title"],
            verify_text=value["verify_text"],
            verify_command=value["verify_command"],
            footer=value["footer"],
            addressee=value.get("addressee", ""),
        )


def desk_detail(value: str, t: Texts) -> str:
    """A detail of the desk as a receipt prints it: said plainly when it was never set."""
    return value or t.plain("value-not-set")


def sheet_for(case: Case, desk: DeskInfo, t: Texts) -> Sheet:
    """The printed receipt of a filed complaint: the service, its recipient, the tracking code,
    the date and time it was received, the amount taken, and the desk's details."""
    code = format_code(case.code, t.locale)
    return printed_sheet(
        case,
        desk,
        t,
        title=t.plain("receipt-pdf-title"),
        rows=(
            (t.plain("receipt-field-service"), t.plain("service-complaint")),
            (
                t.plain("receipt-field-recipient"),
                people.contact_name(case.contact_name, t) or t.plain("value-not-set"),
            ),
            (t.plain("receipt-field-code"), code),
            (t.plain("receipt-field-when"), format_datetime(case.received_at, t.locale)),
            (t.plain("receipt-field-amount"), t.plain("amount-free")),
            (t.plain("receipt-field-business"), case.business_name),
        ),
        verify_text=t.plain("receipt-pdf-verify"),
        footer=t.plain("receipt-pdf-footer"),
        file_name=f"pishkhan-receipt-{case.code}.pdf",
    )


def printed_sheet(
    case: Case,
    desk: DeskInfo,
    t: Texts,
    *,
    title: str,
    rows: tuple[tuple[str, str], ...],
    verify_text: str,
    footer: str,
    file_name: str,
    addressee: str = "",
) -> Sheet:
    """A case's printed receipt: its own title, addressee and rows; the desk's details, the
    line that verifies it (`/track CODE`) and its date are every receipt's."""
    return Sheet(
        locale=t.locale,
        code=case.code,
        issued=case.received_at,
        file_name=file_name,
        desk_name=desk.name,
        title=title,
        rows=rows,
        desk_title=t.plain("receipt-pdf-desk"),
        desk_rows=(
            (t.plain("receipt-field-holder"), desk_detail(desk.name, t)),
            (t.plain("receipt-field-licence"), desk_detail(desk.licence_number, t)),
            (t.plain("receipt-field-operator"), desk_detail(desk.operator, t)),
            (t.plain("receipt-field-address"), desk_detail(desk.address, t)),
        ),
        verify_title=t.plain("receipt-pdf-verify-title"),
        verify_text=verify_text,
        verify_command=f"/track {format_code(case.code, t.locale)}",
        footer=footer,
        addressee=addressee,
    )


# --- the font -----------------------------------------------------------------------------

# What the receipt prints: Latin, Persian and Arabic letters and digits, and punctuation.
_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x600, 0x6FF), (0x2000, 0x206F), (0x20AC, 0x20AC))
_FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_FAMILY = "DejaVu"


def _source_fonts() -> Path:
    """DejaVu Sans as matplotlib installs it: a dependency of the desk already."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def _fonts() -> dict[str, Path]:
    """DejaVu Sans cut to what a receipt prints, made once and kept beside the system's
    temporary files: the whole font takes a third of a second to read for every receipt, the
    cut one a tenth. The shaping tables (GSUB, GPOS) are kept whole. Where nothing can be
    written, the whole font does, slower."""
    source = _source_fonts()
    stamp = hashlib.sha256()
    for name in _FONTS.values():
        info = (source / name).stat()
        stamp.update(f"{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    stamp.update(repr(_RANGES).encode())
    folder = Path(tempfile.gettempdir()) / f"pishkhan-fonts-{stamp.hexdigest()[:16]}"
    made: dict[str, Path] = {}
    try:
        folder.mkdir(exist_ok=True)
        for style, name in _FONTS.items():
            target = folder / name
            if not target.exists():
                _cut(source / name, target)
            made[style] = target
    except OSError as error:
        logger.warning("receipts use the whole font, slower: %s", error)
        return {style: source / name for style, name in _FONTS.items()}
    return made


def _cut(source: Path, target: Path) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    # Closed when cut: the font file left open would be closed only by the collector.
    with subset.load_font(str(source), options) as font:
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=[c for low, high in _RANGES for c in range(low, high + 1)])
        cutter.subset(font)
        # Written under a name of its own first: another process may be making the same file.
        partial = target.with_name(f"{target.stem}.{os.getpid()}.partial{target.suffix}")
        subset.save_font(font, str(partial), options)
    partial.replace(target)


@cache
def _printable() -> frozenset[int]:
    """The characters the receipt's font can draw."""
    with TTFont(str(_fonts()[""])) as font:
        return frozenset(font.getBestCmap())


# Letters the font draws only in their other Unicode spelling: ۀ as ه with hamza above.
_SPELLED = str.maketrans({"\u06c0": "\u0647\u0654"})


# What joins an emoji to the next (a zero-width joiner): gone with the emoji it belongs to,
# kept between letters that the font draws.
_EMOJI_GLUE = frozenset("\u200d")
# Runs of spaces in a line, and a zero-width non-joiner left beside a space or a line's end.
_SPACES = re.compile(r"[^\S\n]+")
_LOOSE_ZWNJ = re.compile(r"\u200c*( |^|$)\u200c*", re.MULTILINE)
_INVISIBLE = frozenset({"Cf", "Mn", "Me"})


def _shown(char: str, printable: frozenset[int]) -> str | None:
    """What the font draws for a character: itself; its plain form (a letter pasted in its
    Arabic presentation form, a full-width Latin letter); nothing for an invisible mark it
    lacks (a direction isolate); None for one it cannot draw at all (an emoji)."""
    if char == "\n" or ord(char) in printable:
        return char
    plain = unicodedata.normalize("NFKC", char)
    if plain != char and all(ord(each) in printable for each in plain):
        return plain
    if unicodedata.category(char) in _INVISIBLE:
        return ""
    return None


def _drawable(text: str) -> str:
    """The text without what the font cannot draw (an emoji in a name): a box in its place
    would read as a fault of the receipt. What is left reads as written: a word that stood
    beside an emoji, or between two, keeps one space on either side; a line starts and ends
    with no space."""
    printable = _printable()
    kept: list[str] = []
    run: list[str] = []  # joiners and dressings not yet known to belong to a letter or emoji
    dropped = False  # whether something was left off since the last character drawn
    for char in text.translate(_SPELLED):
        if char in _EMOJI_GLUE:
            run.append(char)
            continue
        shown = _shown(char, printable)
        if shown is None:
            run, dropped = [], True
        elif shown:
            kept.append(" " if dropped else "".join(run))
            kept.append(shown)
            run, dropped = [], False
    kept.append(" " if dropped else "".join(run))
    lines = (_SPACES.sub(" ", line) for line in "".join(kept).split("\n"))
    return "\n".join(_LOOSE_ZWNJ.sub(r"\1", line).strip(" ") for line in lines).strip()


# --- the page -----------------------------------------------------------------------------


class _Page:
    """One A5 page written in the reader's direction."""

    def __init__(self, rtl: bool) -> None:
        pdf = FPDF(orientation="portrait", unit="mm", format=_PAGE)
        pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
        pdf.set_auto_page_break(auto=True, margin=_MARGIN)
        for style, path in _fonts().items():
            pdf.add_font(_FAMILY, style, str(path))
        self.pdf = pdf
        self.rtl = rtl
        self.direction()
        pdf.add_page()
        self.align = Align.R if rtl else Align.L

    def direction(self, *, ltr: bool = False, as_typed: bool = False) -> None:
        """The receipt's own words run in its language's direction; what people typed (a
        name, a business) takes the direction of its first letter, so that a Latin name in a
        Persian receipt, or a Persian one in an English receipt, reads as it was written."""
        direction = "ltr" if ltr else ("rtl" if self.rtl and not as_typed else None)
        self.pdf.set_text_shaping(use_shaping_engine=True, direction=direction)

    def font(self, size: float, *, bold: bool = False, ink: tuple[int, int, int] = _INK) -> None:
        self.pdf.set_font(_FAMILY, "B" if bold else "", size)
        self.pdf.set_text_color(*ink)

    def centred(self, text: str, size: float, *, bold: bool = False) -> None:
        self.font(size, bold=bold)
        self.pdf.multi_cell(
            0, size * 0.5, _drawable(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def rule(self, gap: float = 3.0) -> None:
        pdf = self.pdf
        pdf.ln(gap)
        pdf.set_draw_color(*_RULE)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(gap)

    def heading(self, text: str) -> None:
        self.font(11, bold=True)
        self.pdf.multi_cell(
            0, 7, _drawable(text), align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def paragraph(self, text: str, *, size: float = 9.5, ink: tuple[int, int, int] = _INK) -> None:
        self.font(size, ink=ink)
        self.pdf.multi_cell(
            0, _LINE - 0.5, _drawable(text), align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def rows(self, rows: tuple[tuple[str, str], ...]) -> None:
        """Label and value side by side, the label first in the reading direction; a long
        value wraps in its own column."""
        pdf = self.pdf
        value_width = pdf.epw - _LABEL_WIDTH
        label_x = pdf.l_margin + value_width if self.rtl else pdf.l_margin
        value_x = pdf.l_margin if self.rtl else pdf.l_margin + _LABEL_WIDTH
        pdf.set_draw_color(*_RULE)
        for label, value in rows:
            top = pdf.get_y()
            lines = max(self._lines(_LABEL_WIDTH, label, True), self._lines(value_width, value))
            height = lines * _LINE + 2
            if top + height > pdf.page_break_trigger:
                pdf.add_page()
                top = pdf.get_y()
            self.font(10, bold=True, ink=_MUTED)
            pdf.set_xy(label_x, top + 1)
            pdf.multi_cell(_LABEL_WIDTH, _LINE, _drawable(label), align=self.align)
            self.font(10)
            pdf.set_xy(value_x, top + 1)
            self.direction(as_typed=True)
            pdf.multi_cell(value_width, _LINE, _drawable(value), align=self.align)
            self.direction()
            pdf.set_y(top + height)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())

    def _lines(self, width: float, text: str, bold: bool = False) -> int:
        self.font(10, bold=bold)
        self.direction(as_typed=not bold)
        lines = self.pdf.multi_cell(width, _LINE, _drawable(text), dry_run=True, output="LINES")
        self.direction()
        assert isinstance(lines, list)  # what output="LINES" answers
        return max(1, len(lines))

    def left_to_right(self, text: str, *, bold: bool = False, link: str | None = None) -> None:
        """A command or a web address, centred: it reads left to right in every language (in a
        Persian line its parts would change places), and a link opens when clicked."""
        pdf = self.pdf
        self.direction(ltr=True)
        self.font(10 if bold else 9.5, bold=bold, ink=_LINK_INK if link else _INK)
        pdf.multi_cell(
            0,
            _LINE + 1,
            _drawable(text),
            align=Align.C,
            link=link,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.direction()


def render(sheet: Sheet, link: str) -> bytes:
    """The receipt as an A5 PDF, its font embedded."""
    page = _Page(rtl=sheet.locale == "fa")
    pdf = page.pdf
    pdf.set_title(sheet.title)
    pdf.set_lang("fa-IR" if page.rtl else "en")
    pdf.set_creator("Pishkhan")
    pdf.set_creation_date(sheet.issued)
    page.centred(sheet.desk_name, 12, bold=True)
    pdf.ln(1)
    page.centred(sheet.title, 16, bold=True)
    page.rule()
    if sheet.addressee:
        page.heading(sheet.addressee)
        pdf.ln(1)
    page.rows(sheet.rows)
    pdf.ln(5)
    page.heading(sheet.desk_title)
    page.rows(sheet.desk_rows)
    pdf.ln(5)
    page.heading(sheet.verify_title)
    page.paragraph(sheet.verify_text)
    pdf.ln(2)
    page.left_to_right(sheet.verify_command, bold=True)
    page.left_to_right(link, link=link)
    page.rule()
    page.paragraph(sheet.footer, size=8.5, ink=_MUTED)
    return bytes(pdf.output())


def queue_printed(
    repo: Repo,
    case: Case,
    chat: ChatRef,
    config: DeskConfig,
    now: datetime,
    *,
    locale: str | None = None,
    dedupe_key: str | None = None,
) -> None:
    """The case's printed receipt to a chat, in the caller's transaction: its words now, its
    pages when the sender sends it (with the link that opens the case in the bot)."""
    t = texts(locale or case.locale)
    caption = t.render(
        profile_of(chat.platform), "receipt-pdf-caption", code=format_code(case.code, t.locale)
    )
    queue_sheet(repo, case, chat, sheet_for(case, config.desk, t), caption, now, dedupe_key)


def queue_sheet(
    repo: Repo,
    case: Case,
    chat: ChatRef,
    sheet: Sheet,
    caption: str,
    now: datetime,
    dedupe_key: str | None = None,
) -> None:
    """A printed receipt (any sheet) to a chat under its caption, in the caller's
    transaction: laid out when the sender sends it."""
    enqueue(
        repo,
        Outgoing(
            platform=chat.platform,
            chat_id=chat.id,
            text=caption,
            parse_mode=profile_of(chat.platform).parse_mode,
            method=Method.RECEIPT_PDF,
            sheet=sheet.stored(),
        ),
        now=now,
        purpose=Purpose.PRINTED_RECEIPT,
        case_id=case.id,
        dedupe_key=dedupe_key,
    )


async def send_again(
    repo: Repo, user: User, typed: str, config: DeskConfig, now: datetime, locale: str
) -> Case | None:
    """`/receipt CODE`: the printed receipt once more, to its owner only, in the chat that
    asked (on any of their linked accounts). None for an unknown code, a mistyped one, or
    someone else's case: the same answer, which tells no case apart."""
    case = await cases.owned_case(repo, user, typed)
    if case is None:
        return None
    queue_printed(repo, case, person(user), config, now, locale=locale)
    await repo.commit()
    return case
