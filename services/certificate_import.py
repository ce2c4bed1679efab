"""Importing software-certificate requests from a CSV or XLSX file that an admin sends.

The union keeps its open requests to the IT Organization in spreadsheets; this brings them to
the desk, so that applicants can follow them with ``/track CODE`` like a request registered
by ``/cert new``. The file is read by :mod:`services.sheet_import` (encodings, delimiters,
XLSX, headers in English or Persian ignoring case and spacing); one request per row:

==================  =======================  =============================================
field               Persian header           value
==================  =======================  =============================================
code                کد رهگیری                optional column and value: the request's code
applicant_name      نام متقاضی
applicant_phone     موبایل متقاضی            a mobile number in any form; stored encrypted
product_name        نام محصول                the software the certificate is for
status              وضعیت                    submitted / documents incomplete / under review
                                             / awaiting fee / issued / rejected, or ثبت شده /
                                             نقص مدارک / در حال بررسی / در انتظار پرداخت
                                             هزینه / صادر شده / رد شده
submitted_on        تاریخ ثبت                Jalali (1405/08/01) or Gregorian, not in the future
fee_rials           هزینه (ریال)             optional; Persian digits and separators accepted
public_link         نشانی عمومی              needed when issued
rejection_reason    دلیل رد                  needed when rejected
missing_documents   مدارک ناقص               needed when documents are incomplete; ; ، or ؛
documents_due       مهلت مدارک               needed then too: a date after today
==================  =======================  =============================================

Which request a row is:

- a code of this desk's format names an existing request, which the row updates; a code no
  request has is rejected (the codes are the desk's to give: leave the cell empty for a new
  request);
- an empty code names the request of the same applicant mobile, product and submitted day if
  there is one (registered by an earlier import of the file, or by command), else a new request
  with a new code; so importing a file again changes nothing.

The rules are the service's (:mod:`services.certificates`): the due date of an open request is
``certificate_service_days`` working days from its submission, computed by the same calendar
(with the admins' closures); while documents are missing the service time is paused (no due
date) and the documents are due at the end of the given day, which must be in the future; a
status that moves an existing request must be a move the service allows; when documents come
complete, the service time runs again from the import, as when staff move it. Each request
written gets a history event ``imported`` by whoever imported it (an admin, or the command line).
Applicants are not messaged: the report says so, and the new codes are listed in it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from models.repos import Repo
from models.tables import CertificateEvent, CertificateRequest, User
from services import certificates as service
from services.calendar import TEHRAN, WorkingCalendar, tehran_today
from services.casework.clocks import calendar_for
from services.certificates import CertStatus
from services.desk import DeskConfig
from services.normalize import (
    as_written,
    is_blank,
    normalize_text,
    parse_phone,
    parse_url,
    search_key,
    to_ascii_digits,
)
from services.sheet_import import (
    Cells,
    Column,
    Commit,
    FileProblem,
    ImportReport,
    OpenedSheet,
    Progress,
    ProgressCalls,
    RowProblem,
    RowRejection,
    SheetImport,
    SheetLayout,
    Tally,
    has_columns,
    open_sheet,
    read_header,
)
from services.tracking import CodeKind, TrackingCode, parse_code

__all__ = [
    "COLUMNS",
    "IMPORTED",
    "LAYOUT",
    "certificate_sheet",
    "documents_due_at",
    "import_certificates",
    "is_certificate_file",
    "parse_cert_status",
]

# The history event of a request written by an import.
IMPORTED = "imported"
_TEXT_MAX = 256
_LINK_MAX = 512
_FEE_MAX = 10**12

COLUMNS = (
    Column(
        "code",
        ("code", "tracking code", "tracking_code", "کد رهگیری", "شماره رهگیری"),
        required=False,
    ),
    Column(
        "applicant_name",
        ("applicant_name", "applicant name", "applicant", "نام متقاضی", "متقاضی"),
    ),
    Column(
        "applicant_phone",
        (
            "applicant_phone",
            "applicant phone",
            "applicant mobile",
            "mobile",
            "موبایل متقاضی",
            "تلفن متقاضی",
            "شماره همراه متقاضی",
        ),
    ),
    Column(
        "product_name",
        ("product_name", "product name", "product", "software", "نام محصول", "نام نرم‌افزار"),
    ),
    Column("status", ("status", "وضعیت")),
    Column(
        "submitted_on",
        ("submitted_on", "submitted on", "submitted", "submission date", "تاریخ ثبت"),
    ),
    Column(
        "fee_rials",
        ("fee_rials", "fee rials", "fee", "هزینه (ریال)", "هزینه ریال", "هزینه"),
        required=False,
    ),
    Column(
        "public_link",
        ("public_link", "public link", "link", "نشانی عمومی", "لینک عمومی"),
        required=False,
    ),
    Column(
        "rejection_reason",
        ("rejection_reason", "rejection reason", "دلیل رد"),
        required=False,
    ),
    Column(
        "missing_documents",
        ("missing_documents", "missing documents", "مدارک ناقص", "مدارک کسری"),
        required=False,
    ),
    Column(
        "documents_due",
        ("documents_due", "documents due", "مهلت مدارک", "مهلت ارسال مدارک"),
        required=False,
    ),
)
LAYOUT = SheetLayout(COLUMNS, "cert-import")

_S = CertStatus
_STATUS_WORDS: dict[CertStatus, tuple[str, ...]] = {
    _S.SUBMITTED: ("submitted", "new", "ثبت شده", "جدید"),
    _S.DOCUMENTS_INCOMPLETE: (
        "documents_incomplete",
        "documents incomplete",
        "incomplete",
        "missing documents",
        "نقص مدارک",
        "مدارک ناقص",
    ),
    _S.UNDER_REVIEW: ("under_review", "under review", "review", "در حال بررسی", "در دست بررسی"),
    _S.AWAITING_FEE: (
        "awaiting_fee",
        "awaiting fee",
        "awaiting the fee",
        "در انتظار پرداخت هزینه",
        "در انتظار پرداخت",
    ),
    _S.ISSUED: ("issued", "صادر شده"),
    _S.REJECTED: ("rejected", "رد شده"),
}
_STATUS_KEYS = {
    search_key(word): status for status, words in _STATUS_WORDS.items() for word in words
}
# The separators staff use between documents, as in `/cert CODE missing DATE doc one; doc two`.
_DOCUMENT_SEPARATORS = re.compile(r"[;؛،\n]")
_FEE_NOISE = re.compile(r"[\s,٬،._'’]|ریال|rials?", re.IGNORECASE)


def parse_cert_status(text: str) -> CertStatus | None:
    """A status in English (submitted, under review, …) or Persian (ثبت شده، در حال بررسی، …)."""
    return _STATUS_KEYS.get(search_key(text))


def documents_due_at(day: date) -> datetime:
    """Missing documents given "by" a day are due at the end of that day, Tehran time."""
    return datetime.combine(day, time(23, 59), tzinfo=TEHRAN)


def is_certificate_file(content: bytes, filename: str | None) -> bool:
    """Whether a file's header names every column a certificate-request file needs.

    A licence registry file never does (it has no applicant or product), so an admin may send
    either file without saying which it is.
    """
    return has_columns(read_header(content, filename), LAYOUT)


@dataclass(frozen=True, slots=True)
class _Wanted:
    """A request as a valid row describes it."""

    code: str | None
    written_code: str
    applicant_name: str
    phone: str
    product_name: str
    status: CertStatus
    submitted_at: datetime
    fee_rials: int | None
    link: str | None
    reason: str | None
    missing: tuple[str, ...]
    documents_due: datetime | None

    @property
    def identity(self) -> tuple[str, ...]:
        """What makes two rows the same request: its code, else applicant, product and day."""
        if self.code is not None:
            return ("code", self.code)
        return ("same", self.phone, search_key(self.product_name), self.submitted_at.isoformat())

    def change(self) -> service.Change:
        return service.Change(
            self.status,
            missing=self.missing,
            documents_due=self.documents_due,
            link=self.link,
            reason=self.reason,
        )


# --- checking a row ---------------------------------------------------------------------------


def _fee(cells: Cells) -> int | None:
    raw = cells.optional("fee_rials")
    if not raw:
        return None
    digits = _FEE_NOISE.sub("", to_ascii_digits(raw))
    if not digits.isdigit() or int(digits) > _FEE_MAX:
        raise cells.problem("fee_rials", "cert-import-bad-fee", value=raw)
    return int(digits)


def _status_details(
    cells: Cells, status: CertStatus, now: datetime
) -> tuple[str | None, str | None, tuple[str, ...], datetime | None]:
    """The link, reason, missing documents and their due time the status needs; only those."""
    if status is _S.ISSUED:
        raw = cells.optional("public_link")
        if not raw:
            raise cells.problem("public_link", "cert-import-needs-link")
        if len(raw) > _LINK_MAX or parse_url(raw) is None:
            raise cells.problem("public_link", "cert-import-bad-link", value=raw)
        return raw, None, (), None
    if status is _S.REJECTED:
        if not cells.optional("rejection_reason"):
            raise cells.problem("rejection_reason", "cert-import-needs-reason")
        return None, cells.written("rejection_reason"), (), None
    if status is _S.DOCUMENTS_INCOMPLETE:
        items = _DOCUMENT_SEPARATORS.split(cells.written("missing_documents"))
        missing = tuple(item for item in map(as_written, items) if not is_blank(item))
        if not missing:
            raise cells.problem("missing_documents", "cert-import-needs-missing")
        if not cells.optional("documents_due"):
            raise cells.problem("documents_due", "cert-import-needs-documents-due")
        due = documents_due_at(cells.date("documents_due"))
        if due <= now:
            raise cells.problem(
                "documents_due", "cert-import-documents-due-past", value=cells.raw("documents_due")
            )
        return None, None, missing, due
    return None, None, (), None


def _row(cells: Cells, today: date, now: datetime) -> _Wanted:
    """A valid request from a row's cells, or :class:`RowProblem` for its first problem."""
    raw_code = cells.optional("code")
    code = parse_code(raw_code) if raw_code else None
    if raw_code and (code is None or code.kind is not CodeKind.CERTIFICATE):
        raise cells.problem("code", "cert-import-bad-code", value=raw_code)
    applicant_name = cells.text("applicant_name", _TEXT_MAX)
    raw_phone = cells.required("applicant_phone")
    phone = parse_phone(raw_phone)
    if phone is None:
        raise cells.problem("applicant_phone", "cert-import-bad-phone", value=raw_phone)
    product_name = cells.text("product_name", _TEXT_MAX)
    raw_status = cells.required("status")
    status = parse_cert_status(raw_status)
    if status is None:
        raise cells.problem("status", "cert-import-bad-status", value=raw_status)
    submitted_on = cells.date("submitted_on")
    if submitted_on > today:
        raise cells.problem(
            "submitted_on", "cert-import-submitted-in-future", value=cells.raw("submitted_on")
        )
    fee = _fee(cells)
    link, reason, missing, documents_due = _status_details(cells, status, now)
    return _Wanted(
        code=code.digits if code else None,
        written_code=raw_code,
        applicant_name=applicant_name,
        phone=phone,
        product_name=product_name,
        status=status,
        # A request is taken as received at the start of its day: the office day counts.
        submitted_at=datetime.combine(submitted_on, time(0, 0), tzinfo=TEHRAN),
        fee_rials=fee,
        link=link,
        reason=reason,
        missing=missing,
        documents_due=documents_due,
    )


# --- writing a request ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Importer:
    """Who imports, and the rules and calendar every row is written by."""

    repo: Repo
    by: User | None
    role: str
    now: datetime
    config: DeskConfig
    calendar: WorkingCalendar
    note: str | None

    def due_from(self, start: datetime) -> datetime:
        """The service time, as :func:`services.certificates.create` computes it."""
        return self.calendar.add_working_days(start, self.config.certificate_service_days)

    def event(self, request: CertificateRequest, before: str | None) -> None:
        self.repo.certificates.add_event(
            CertificateEvent(
                request_id=request.id,
                at=self.now,
                actor_id=self.by.id if self.by else None,
                actor_role=self.role,
                platform=self.by.platform if self.by else None,
                action=IMPORTED,
                from_status=before,
                to_status=request.status,
                note=self.note,
            )
        )


async def _same_request(repo: Repo, wanted: _Wanted) -> CertificateRequest | None:
    """The request of the same applicant, product and submitted day, if one is stored."""
    if wanted.code is not None:
        return await repo.certificates.by_code(wanted.code)
    product = search_key(wanted.product_name)
    day = wanted.submitted_at.date()
    for request in await repo.certificates.of_phones([wanted.phone]):
        submitted = request.submitted_at.astimezone(TEHRAN).date()
        if search_key(request.product_name) == product and submitted == day:
            return request
    return None


async def _insert(importer: _Importer, wanted: _Wanted) -> CertificateRequest:
    repo, config = importer.repo, importer.config
    status = wanted.status
    open_running = status not in service.FINAL and status is not _S.DOCUMENTS_INCOMPLETE
    request = CertificateRequest(
        code=(await service.unique_code(repo)).digits,
        applicant_name=wanted.applicant_name,
        applicant_phone=wanted.phone,
        product_name=wanted.product_name,
        status=status.value,
        missing_documents=list(wanted.missing),
        documents_due_at=wanted.documents_due,
        fee_rials=config.certificate_fee_rials if wanted.fee_rials is None else wanted.fee_rials,
        public_link=wanted.link,
        rejection_reason=wanted.reason,
        submitted_at=wanted.submitted_at,
        status_changed_at=importer.now,
        due_at=importer.due_from(wanted.submitted_at) if open_running else None,
        created_by=importer.by.id if importer.by else None,
    )
    service.schedule(request, config)
    repo.certificates.add(request)
    await repo.session.flush()
    importer.event(request, None)
    return request


def _update(importer: _Importer, request: CertificateRequest, wanted: _Wanted) -> bool | str:
    """Bring a stored request to the row; whether anything changed, or a refusal's key."""
    before = dict(_facts(request))
    status_before = request.status
    if wanted.status != status_before:
        refusal = service.check(request, wanted.change(), importer.now)
        if refusal is not None:
            return refusal.key
    request.applicant_name = _same_words(request.applicant_name, wanted.applicant_name)
    request.applicant_phone = wanted.phone
    request.product_name = _same_words(request.product_name, wanted.product_name)
    if wanted.fee_rials is not None:
        request.fee_rials = wanted.fee_rials
    # A sheet knows the day only: the time of a request registered by command stays.
    redated = request.submitted_at.astimezone(TEHRAN).date() != wanted.submitted_at.date()
    if redated:
        request.submitted_at = wanted.submitted_at
    request.status = wanted.status.value
    request.missing_documents = list(wanted.missing)
    request.documents_due_at = wanted.documents_due
    if wanted.link is not None:
        request.public_link = wanted.link
    if wanted.reason is not None:
        request.rejection_reason = wanted.reason
    if wanted.status in service.FINAL or wanted.status is _S.DOCUMENTS_INCOMPLETE:
        request.due_at = None
    elif status_before == _S.DOCUMENTS_INCOMPLETE:
        # The documents came complete now: the service time runs again, as service moves it.
        request.due_at = importer.due_from(importer.now)
    elif redated and wanted.status.value == status_before:
        request.due_at = importer.due_from(wanted.submitted_at)
    if dict(_facts(request)) == before:
        return False
    if wanted.status != status_before:
        request.status_changed_at = importer.now
    service.schedule(request, importer.config)
    importer.event(request, status_before)
    return True


def _same_words(stored: str, given: str) -> str:
    """The words kept: those stored, when the sheet spells the same words otherwise (ي for ی,
    another spacing); the sheet's, when they differ."""
    return stored if normalize_text(stored) == normalize_text(given) else given


def _facts(request: CertificateRequest) -> list[tuple[str, object]]:
    """What an import may change of a request, to tell whether it did."""
    return [
        ("applicant_name", request.applicant_name),
        ("applicant_phone", request.applicant_phone),
        ("product_name", request.product_name),
        ("fee_rials", request.fee_rials),
        ("submitted_at", request.submitted_at),
        ("status", request.status),
        ("missing_documents", list(request.missing_documents)),
        ("documents_due_at", request.documents_due_at),
        ("public_link", request.public_link),
        ("rejection_reason", request.rejection_reason),
        ("due_at", request.due_at),
    ]


# --- the import -------------------------------------------------------------------------------


async def import_certificates(
    repo: Repo,
    source: bytes | str | os.PathLike[str],
    *,
    filename: str | None = None,
    now: datetime,
    today: date,
    config: DeskConfig,
    by: User | None = None,
    role: str = "system",
    progress: Progress | None = None,
    commit: Commit | None = None,
    batch_size: int = 200,
) -> ImportReport:
    """Import certificate requests from a CSV or XLSX file, as the module docstring says.

    Every row is checked first; when a request appears twice, the later row wins and the
    earlier one is rejected ("cert-import-duplicate-request"). Then requests are written in
    batches of ``batch_size``: after each ``commit`` is awaited when given (an interrupted
    import is resumed by importing the file again) and ``progress(done, total)`` called with
    the rows handled and the rows read. Without ``commit`` the caller commits once.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    tally = Tally()
    try:
        sheet = open_sheet(source, filename, LAYOUT)
    except FileProblem as problem:
        return tally.report(problem.problem)
    try:
        wanted = _checked_rows(sheet, tally, today, now)
    finally:
        sheet.close()
    importer = _Importer(
        repo,
        by,
        role,
        now,
        config,
        await calendar_for(repo, config),
        filename,
    )
    calls = ProgressCalls(progress)
    done = tally.rejected
    for line, request in wanted:
        await _apply(importer, sheet, tally, line, request)
        done += 1
        if done % batch_size == 0:
            if commit is not None:
                await commit()
            await calls(done, tally.read)
    if commit is not None:
        await commit()
    await calls(tally.read, tally.read)
    return tally.report()


def certificate_sheet(
    repo: Repo,
    *,
    now: datetime,
    config: DeskConfig,
    by: User | None = None,
    role: str = "system",
    commit: Commit | None = None,
) -> SheetImport:
    """The certificate import by ``by`` (an admin; None for the command line) at ``now``,
    ready to run on a sent or named file."""

    async def run(content: bytes, filename: str | None, progress: Progress | None) -> ImportReport:
        return await import_certificates(
            repo,
            content,
            filename=filename,
            now=now,
            today=tehran_today(now),
            config=config,
            by=by,
            role=role,
            progress=progress,
            commit=commit,
        )

    return SheetImport(LAYOUT, run)


def _checked_rows(
    sheet: OpenedSheet, tally: Tally, today: date, now: datetime
) -> list[tuple[int, _Wanted]]:
    """Every valid row, once per request (the later row of two wins), in file order."""
    kept: dict[tuple[str, ...], tuple[int, _Wanted]] = {}
    for line, cells in sheet.records():
        tally.read += 1
        try:
            wanted = _row(cells, today, now)
        except RowProblem as problem:
            tally.reject(sheet.rejection(line, problem))
            continue
        earlier = kept.pop(wanted.identity, None)
        if earlier is not None:
            field = "code" if wanted.code is not None else "applicant_phone"
            tally.reject(
                RowRejection(
                    earlier[0],
                    field,
                    sheet.titles.get(field),
                    "cert-import-duplicate-request",
                    {"later_row": line},
                )
            )
        kept[wanted.identity] = (line, wanted)
    return sorted(kept.values(), key=lambda item: item[0])


async def _apply(
    importer: _Importer, sheet: OpenedSheet, tally: Tally, line: int, wanted: _Wanted
) -> None:
    stored = await _same_request(importer.repo, wanted)
    if stored is None and wanted.code is not None:
        tally.reject(
            RowRejection(
                line,
                "code",
                sheet.titles.get("code"),
                "cert-import-unknown-code",
                {"value": wanted.written_code},
            )
        )
        return
    if stored is None:
        request = await _insert(importer, wanted)
        tally.inserted += 1
        tally.assigned.append((line, TrackingCode(request.code).display()))
        return
    outcome = _update(importer, stored, wanted)
    if isinstance(outcome, str):
        tally.reject(
            RowRejection(
                line,
                "status",
                sheet.titles.get("status"),
                "cert-import-illegal-move",
                {"before": stored.status, "after": wanted.status.value},
            )
        )
    elif outcome:
        tally.updated += 1
    else:
        tally.unchanged += 1
