"""Realistic, fictional licences for demos, tests and benchmarks.

The shape follows the union's 1399 report (DOMAIN.md §2, ``seeds/003_…txt``): licences by
province in the report's proportions, 57 % natural and 43 % legal holders, the guild
categories the union licenses with their ISIC codes, one or more websites or apps each.
Business names are composed from common Persian brand words, so none names a real business.

Generation is cheap per row (choices drawn in bulk, search keys cached) so that a benchmark
registry of a million licences is built in seconds. The same seed and day give the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from models.repos.licences import LicenceRow
from services.licence_fields import FIELDS
from services.licences import PROVINCES, HolderType, LicenceStatus
from services.normalize import search_key

__all__ = ["CATEGORIES", "Category", "sample_licences"]

ZWNJ = "\u200c"


@dataclass(frozen=True, slots=True)
class Category:
    """A guild category (رسته شغلی), its ISIC code, its share of licences and brand words."""

    name: str
    isic: str
    weight: int
    words: tuple[tuple[str, str], ...]


# 521128 and 521129 are the codes the categories' own rules give (seeds 000 and 001); the
# other codes are placeholders in the same ISIC group until the union's table is at hand.
CATEGORIES = (
    Category(
        "سامانه آنلاین ارائه خدمات در محل",
        "521128",
        14,
        (
            ("خدمات", "khadamat"),
            ("آچار", "achar"),
            ("تعمیر", "tamir"),
            ("نظافت", "nezafat"),
            ("استادکار", "ostadkar"),
            ("سرویس", "servis"),
            ("کمک", "komak"),
        ),
    ),
    Category(
        "سامانه خدمات برخط پیام دهی",
        "521129",
        6,
        (
            ("پیامک", "payamak"),
            ("پیام", "payam"),
            ("اس" + ZWNJ + "ام" + ZWNJ + "اس", "sms"),
            ("پیام" + ZWNJ + "رسان", "payamresan"),
            ("نوتیف", "notif"),
        ),
    ),
    Category(
        "سامانه معاملات آنلاین طلای آب شده و مصنوعات طلا، جواهر و نقره",
        "521130",
        5,
        (
            ("طلا", "tala"),
            ("زر", "zar"),
            ("سکه", "sekeh"),
            ("جواهر", "javaher"),
            ("نقره", "noghreh"),
            ("گوهر", "gohar"),
        ),
    ),
    Category(
        "سامانه آنلاین ارائه کالا و خدمات سلامت",
        "521131",
        8,
        (
            ("سلامت", "salamat"),
            ("دارو", "daroo"),
            ("طب", "teb"),
            ("درمان", "darman"),
            ("مدیک", "medic"),
            ("دکتر", "doctor"),
        ),
    ),
    Category(
        "سامانه نیازمندی" + ZWNJ + "ها",
        "521132",
        7,
        (
            ("آگهی", "agahi"),
            ("نیازمندی", "niazmandi"),
            ("بازارچه", "bazarcheh"),
            ("دست" + ZWNJ + "دوم", "dastedovom"),
            ("نیاز", "niaz"),
        ),
    ),
    Category(
        "ارائه خدمات مجازی جابجایی هوشمند",
        "521133",
        6,
        (
            ("تاکسی", "taxi"),
            ("بار", "bar"),
            ("پیک", "peyk"),
            ("سفر", "safar"),
            ("ترابر", "tarabar"),
            ("رو", "ro"),
        ),
    ),
    Category(
        "فروشگاه اینترنتی کالای عمومی",
        "521124",
        34,
        (
            ("کالا", "kala"),
            ("شاپ", "shop"),
            ("مارکت", "market"),
            ("بازار", "bazar"),
            ("فروشگاه", "forooshgah"),
            ("مال", "mall"),
            ("خرید", "kharid"),
        ),
    ),
    Category(
        "عرضه گروه کالایی خاص",
        "521126",
        20,
        (
            ("کتاب", "ketab"),
            ("پوشاک", "pooshak"),
            ("گل", "gol"),
            ("کفش", "kafsh"),
            ("سیسمونی", "sismooni"),
            ("قهوه", "ghahveh"),
            ("لوازم خانگی", "lavazem"),
            ("اسباب" + ZWNJ + "بازی", "asbabbazi"),
        ),
    ),
)

# Licences issued in 1399 by province (seeds/003), in the order of PROVINCES.
_PROVINCE_WEIGHTS = (
    27, 21, 8, 92, 36, 7, 2, 590, 9, 9, 50, 7, 19, 5, 5, 1,
    49, 16, 11, 11, 9, 6, 7, 13, 15, 4, 29, 9, 15, 11, 12,
)  # fmt: skip

# First words of brand names: (Persian, Latin, joiner to the next word).
_LEADS = (
    ("دیجی", "digi", ZWNJ),
    ("آنلاین", "online", " "),
    ("نوین", "novin", " "),
    ("پارس", "pars", " "),
    ("ایران", "iran", " "),
    ("سپهر", "sepehr", " "),
    ("آریا", "arya", " "),
    ("مهر", "mehr", " "),
    ("سبز", "sabz", " "),
    ("آسمان", "aseman", " "),
    ("ستاره", "setareh", " "),
    ("نیک", "nik", " "),
    ("باران", "baran", " "),
    ("الماس", "almas", " "),
    ("کوثر", "kowsar", " "),
    ("زاگرس", "zagros", " "),
    ("دماوند", "damavand", " "),
    ("خلیج", "khalij", " "),
    ("پویا", "pooya", " "),
    ("آفتاب", "aftab", " "),
    ("ماهان", "mahan", " "),
    ("رایان", "rayan", " "),
    ("هوشمند", "hooshmand", " "),
    ("تک", "tak", ZWNJ),
    ("سریع", "sari", " "),
    ("همراه", "hamrah", " "),
    ("آسان", "asan", " "),
    ("بهار", "bahar", " "),
    ("نگین", "negin", " "),
    ("یاس", "yas", " "),
    ("سیمرغ", "simorgh", " "),
    ("کیمیا", "kimia", " "),
    ("آرمان", "arman", " "),
    ("امید", "omid", " "),
    ("شهر", "shahr", " "),
    ("روشن", "roshan", " "),
    ("ساحل", "sahel", " "),
    ("آوا", "ava", " "),
    ("پردیس", "pardis", " "),
    ("تینا", "tina", " "),
)
# Last words, often none: (Persian, Latin).
_TAILS = (
    ("", ""),
    ("", ""),
    ("", ""),
    ("", ""),
    ("", ""),
    (" پلاس", "plus"),
    (" ۲۴", "24"),
    (" آنلاین", "online"),
    ("یار", "yar"),
    (" نو", "no"),
    (" برتر", "bartar"),
    (" ایرانیان", "iranian"),
    (" گستر", "gostar"),
    (" سیتی", "city"),
    (" اکسپرس", "express"),
)
_TLDS = ("ir", "ir", "ir", "ir", "ir", "ir", "com", "com", "com", "co")

_FIRST_NAMES = (
    "علی", "محمد", "حسین", "رضا", "مهدی", "امیر", "سعید", "حمید", "مجید", "مصطفی",
    "فاطمه", "زهرا", "مریم", "سارا", "نرگس", "الهام", "مینا", "نازنین", "لیلا", "سمیه",
    "کاوه", "بابک", "آرش", "پریسا", "شیرین", "یاسمن", "فرشاد", "نیما", "هادی", "کیان",
)  # fmt: skip
_LAST_NAMES = (
    "محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی",
    "هاشمی", "قاسمی", "نوری", "کاظمی", "عباسی", "مرادی", "یزدانی", "شریفی", "طاهری",
    "اکبری", "سلیمانی", "فراهانی", "تهرانی", "اصفهانی", "شیرازی", "تبریزی", "زمانی",
    "بهرامی", "نجفی", "خسروی", "ملکی",
)  # fmt: skip
_LEGAL_FORMS = (
    "شرکت {} (سهامی خاص)",
    "شرکت {} (مسئولیت محدود)",
    "شرکت توسعه تجارت {}",
    "شرکت فناوری اطلاعات {}",
    "موسسه {}",
)
# Iranian mobile prefixes after +989.
_OPERATORS = ("12", "13", "19", "35", "36", "37", "38", "39", "01", "02", "90", "91", "92")
_TERMS_YEARS = (1, 2, 2, 3, 3, 5, 5)
_ISSUE_SPAN_DAYS = 6 * 365
# Issue dates lean recent: the registry grows, and old licences were renewed under new numbers.
_RECENCY = 1.7

_NATURAL = HolderType.NATURAL.value
_LEGAL = HolderType.LEGAL.value
_VALID = LicenceStatus.VALID.value
_EXPIRED = LicenceStatus.EXPIRED.value
_SUSPENDED = LicenceStatus.SUSPENDED.value
_REVOKED = LicenceStatus.REVOKED.value
_RENEWAL = LicenceStatus.RENEWAL.value


def _jalali_year(day: date) -> int:
    """The Solar Hijri year of a day, to the day or two: Nowruz falls on 20 or 21 March."""
    return day.year - 621 if (day.month, day.day) >= (3, 21) else day.year - 622


def _status(chance: float, expired: bool) -> str:
    if expired:
        # Old licences are mostly marked expired; some records were never updated.
        if chance < 0.7:
            return _EXPIRED
        return _VALID if chance < 0.9 else _RENEWAL
    if chance < 0.92:
        return _VALID
    if chance < 0.96:
        return _SUSPENDED
    return _REVOKED if chance < 0.98 else _RENEWAL


def sample_licences(count: int, *, seed: int = 1405, today: date) -> list[LicenceRow]:
    """``count`` fictional licences issued during the six years before ``today``.

    Numbers are the Jalali year of issue and a serial ("140212345"), some with a slash
    ("1402/12345"); all are distinct. Hosts are distinct too; about one licence in six also
    has an Instagram page, an Android app or a second domain. Most are valid; the rest are
    expired (some still marked valid), suspended, revoked or under renewal.
    """
    rng = random.Random(seed)
    # random() and indexing, not choice() or randrange(): several times faster per row.
    draw = rng.random
    categories = rng.choices(CATEGORIES, weights=[c.weight for c in CATEGORIES], k=count)
    provinces = rng.choices(PROVINCES, weights=_PROVINCE_WEIGHTS, k=count)
    # Fields the generator below does not compose draw their samples as declared.
    declared = [field for field in FIELDS if field.sample is not None]
    keys: dict[str, str] = {}
    host_uses: dict[str, int] = {}
    rows: list[LicenceRow] = []
    for index in range(count):
        category = categories[index]
        lead, lead_latin, joiner = _LEADS[int(draw() * len(_LEADS))]
        core, core_latin = category.words[int(draw() * len(category.words))]
        tail, tail_latin = _TAILS[int(draw() * len(_TAILS))]
        name = f"{lead}{joiner}{core}{tail}"
        key = keys.get(name)
        if key is None:
            key = keys[name] = search_key(name)

        base = lead_latin + core_latin + tail_latin
        uses = host_uses.get(base, 0) + 1
        host_uses[base] = uses
        # The hyphen keeps "arya" + 24 apart from the tail "24".
        label = base if uses == 1 else f"{base}-{uses}"
        tld = _TLDS[int(draw() * len(_TLDS))]
        sites: tuple[str, ...] = (f"{label}.{tld}",)
        extra = draw()
        if extra < 0.08:
            # Instagram handles take letters, digits, dots and underscores, never hyphens.
            sites += (f"instagram:{label.replace('-', '_')}",)
        elif extra < 0.12:
            sites += (f"app:ir.{label.replace('-', '_')}.app",)
        elif extra < 0.17:
            sites += (f"{label}.{'com' if tld == 'ir' else 'ir'}",)

        if draw() < 0.57:
            holder_type = _NATURAL
            first = _FIRST_NAMES[int(draw() * len(_FIRST_NAMES))]
            holder = f"{first} {_LAST_NAMES[int(draw() * len(_LAST_NAMES))]}"
        else:
            holder_type = _LEGAL
            form = _LEGAL_FORMS[int(draw() * len(_LEGAL_FORMS))]
            holder = form.format(f"{lead} {core}")
        phone = None
        if draw() < 0.85:
            operator = _OPERATORS[int(draw() * len(_OPERATORS))]
            phone = f"+989{operator}{int(draw() * 10_000_000):07d}"

        issued_on = today - timedelta(days=int(_ISSUE_SPAN_DAYS * draw() ** _RECENCY))
        years = _TERMS_YEARS[int(draw() * len(_TERMS_YEARS))]
        expires_on = issued_on + timedelta(days=365 * years + years // 4)
        serial = f"{_jalali_year(issued_on)}{index + 1:05d}"
        number = serial if draw() < 0.88 else f"{serial[:4]}/{serial[4:]}"

        rows.append(
            LicenceRow(
                number=number,
                holder_type=holder_type,
                holder_name=holder,
                holder_phone=phone,
                business_name=name,
                business_key=key,
                sites=sites,
                category=category.name,
                isic=category.isic,
                province=provinces[index],
                issued_on=issued_on,
                expires_on=expires_on,
                status=_status(draw(), expires_on < today),
                **{field.name: field.sample(rng) for field in declared if field.sample},
            )
        )
    return rows
