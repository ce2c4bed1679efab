"""Tests of services.normalize: examples for each rule, and properties with hypothesis."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.normalize import (
    LengthCheck,
    check_length,
    display_host,
    is_blank,
    normalize_text,
    parse_amount,
    parse_jalali_or_gregorian_date,
    parse_phone,
    parse_url,
    parse_website_or_app,
    search_key,
    to_ascii_digits,
    to_persian_digits,
)

ZWNJ = "\u200c"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# Letters and marks that Persian text is made of, with their Arabic look-alikes.
PERSIAN_ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئۀةيكى" + "ًٌٍَُِّْٰٓٔ"
NOISY_ALPHABET = (
    PERSIAN_ALPHABET
    + "abcXYZ019۱۲٣ .,!\t\n\r\u00a0"
    + ZWNJ
    + "\u200b\u200d\u200f\u202b\ufeffـ\x00"
)


# --- digits ---------------------------------------------------------------------------------


def test_to_ascii_digits_converts_persian_and_arabic_indic_digits() -> None:
    assert to_ascii_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert to_ascii_digits("کد ۱۲-٣٤ ab5") == "کد 12-34 ab5"


def test_to_persian_digits_converts_ascii_digits_only() -> None:
    assert to_persian_digits("0123456789") == "۰۱۲۳۴۵۶۷۸۹"
    assert to_persian_digits("v2 ٣") == "v۲ ٣"


@given(st.text(alphabet="0123456789"))
def test_digit_round_trip(digits: str) -> None:
    assert to_ascii_digits(to_persian_digits(digits)) == digits


@given(st.text().filter(lambda s: to_ascii_digits(s) == s))
def test_digit_round_trip_keeps_other_text(text: str) -> None:
    assert to_ascii_digits(to_persian_digits(text)) == text


# --- normalize_text -------------------------------------------------------------------------


def test_normalize_text_maps_arabic_letters_to_persian() -> None:
    assert normalize_text("علي كريمي") == "علی کریمی"
    assert normalize_text("مصطفى") == "مصطفی"
    assert normalize_text("مدرسة") == "مدرسه"


def test_normalize_text_keeps_hamza_forms() -> None:
    assert normalize_text("آبان أسف إسلام مؤسسه سئوال خانۀ") == "آبان أسف إسلام مؤسسه سئوال خانۀ"


def test_normalize_text_composes_with_nfc() -> None:
    assert normalize_text("ا\u0653بان") == "آبان"
    # A removed character between a letter and its mark must not block composition.
    assert normalize_text("ا\u200d\u0653بان") == "آبان"


def test_normalize_text_does_not_apply_compatibility_folding() -> None:
    assert normalize_text("۱۰۰ ﷼") == "۱۰۰ ﷼"
    assert normalize_text("x²") == "x²"


def test_normalize_text_removes_tatweel_and_harakat() -> None:
    assert normalize_text("ســـلام") == "سلام"
    assert normalize_text("مُحَمَّد") == "محمد"
    assert normalize_text("رحمٰن") == "رحمن"


def test_normalize_text_removes_invisible_controls_but_keeps_zwnj() -> None:
    text = "\u202bمی\u200cخواهم\u200f \u200bشکایت\ufeff\u2066کنم\u2069\u200e\x00"
    assert normalize_text(text) == "می\u200cخواهم شکایتکنم"


def test_normalize_text_cleans_stray_zwnj() -> None:
    assert normalize_text("می\u200c\u200c\u200cخواهم") == "می\u200cخواهم"
    assert normalize_text("کتاب\u200c ها") == "کتاب ها"
    assert normalize_text("\u200cسلام\u200c") == "سلام"


def test_normalize_text_collapses_whitespace_but_keeps_lines() -> None:
    text = "  سلام   \t دنیا  \r\n\r\n\r\n\r\n  خط  دوم \u00a0\nخط سوم\u2028آخر  "
    assert normalize_text(text) == "سلام دنیا\n\nخط دوم\nخط سوم\nآخر"


def test_normalize_text_keeps_digits() -> None:
    assert normalize_text("سفارش ۱۲۳ و ٤٥ و 67") == "سفارش ۱۲۳ و ٤٥ و 67"


def test_normalize_text_of_blank_text_is_empty() -> None:
    assert normalize_text(" \n\t\u200c\u200f ") == ""


@given(st.text(alphabet=NOISY_ALPHABET))
def test_normalize_text_is_idempotent_on_persian_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_text_is_idempotent_on_any_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


# --- is_blank -------------------------------------------------------------------------------

# Characters that show nothing: formatting and bidi controls, the soft hyphen, U+180E, the BOM,
# zero-width spaces and joiners, combining marks, variation selectors, fillers, whitespace.
INVISIBLE_ALPHABET = (
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u00ad\u180e\ufeff\u200b\u2060\u061c\u034f\u0301\u0651\u064b\u20dd\u0670"
    "\ufe00\ufe0f\U000e0100\U000e0041\u3164\u115f\uffa0\u2800ـ \t\n\u00a0\u2028\u3000"
)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\u00ad ", "\u180e", "\u200c\u200d", "\u200f\u200e", "\ufeff", "\u0301", "\ufe0f"],
)
def test_is_blank_for_what_shows_nothing(text: str) -> None:
    assert is_blank(text)


@pytest.mark.parametrize("text", ["a", "۱", "ی", "😀", "ـا", "\u200fفروشگاه", "<", "&", "-"])
def test_is_blank_not_for_what_shows_something(text: str) -> None:
    assert not is_blank(text)


@given(st.text(alphabet=INVISIBLE_ALPHABET))
def test_is_blank_for_any_mix_of_invisible_characters(text: str) -> None:
    assert is_blank(text)


@given(
    st.text(alphabet=INVISIBLE_ALPHABET),
    st.characters(categories=["Lu", "Ll", "Lo", "Nd", "So", "Sm", "Po"]).filter(
        lambda char: not is_blank(char)
    ),
    st.text(alphabet=INVISIBLE_ALPHABET),
)
def test_is_blank_not_when_one_character_shows(before: str, shown: str, after: str) -> None:
    assert not is_blank(before + shown + after)


@given(st.text())
def test_is_blank_reads_the_text_as_normalize_text_keeps_it(text: str) -> None:
    assert is_blank(normalize_text(text)) == is_blank(text)


# --- search_key -----------------------------------------------------------------------------


def test_search_key_matches_spellings_of_a_business_name() -> None:
    keys = {search_key(name) for name in ("دیجی\u200cکالا", "ديجي كالا", "دیجی کالا", "دیجیکالا")}
    assert len(keys) == 1
    assert search_key("DigiKala") == search_key("digi-kala") == search_key("DIGI KALA")
    assert search_key("DigiKala") == "digikala"


def test_search_key_folds_hamza_and_madda() -> None:
    assert search_key("آبان") == search_key("ابان") == search_key("أبان")
    assert search_key("مؤسسه") == search_key("موسسه")
    assert search_key("خانۀ") == search_key("خانه")
    assert search_key("سئوال") == search_key("سیوال")
    assert search_key("إسلام") == search_key("اسلام")


def test_search_key_folds_digits_punctuation_and_presentation_forms() -> None:
    assert search_key("فروشگاه ۱۲۳!") == search_key("فروشگاه-123") == "فروشگاه123"
    assert search_key("\ufed9\ufe98\ufe8e\ufe8f") == search_key("کتاب")
    assert search_key("Ｓｈｏｐ") == "shop"
    assert search_key("Café") == "cafe"


def test_search_key_of_punctuation_is_empty() -> None:
    assert search_key(" - . \u200c !") == ""


@st.composite
def persian_spelling_variants(draw: st.DrawFn) -> tuple[str, str]:
    """A Persian text and the same text with Arabic letters and extra spaces/ZWNJ."""
    text = draw(st.text(alphabet=PERSIAN_ALPHABET + " " + ZWNJ))
    swaps = {"ی": "ي", "ي": "ی", "ک": "ك", "ك": "ک"}
    variant = []
    for char in text:
        if char in swaps and draw(st.booleans()):
            char = swaps[char]
        variant.append(draw(st.sampled_from(["", "", " ", ZWNJ, " \u200c "])) + char)
    return text, "".join(variant)


@given(persian_spelling_variants())
def test_search_key_ignores_letter_variants_and_spacing(pair: tuple[str, str]) -> None:
    text, variant = pair
    assert search_key(variant) == search_key(text)


@given(st.text())
def test_search_key_is_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


# --- parse_url ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("https://www.Example.ir/path?q", "example.ir"),
        ("http://example.com", "example.com"),
        ("HTTPS://Shop.Example.co.ir/", "shop.example.co.ir"),
        ("www.example.com", "example.com"),
        ("example.ir", "example.ir"),
        ("  example.ir/  ", "example.ir"),
        ("example.ir.", "example.ir"),
        ("(example.ir)،", "example.ir"),
        ("«https://example.ir/a/b#top»", "example.ir"),
        ("shop۱۲۳.ir", "shop123.ir"),
        ("shop٣.ir", "shop3.ir"),
        ("example.ir:8080/login", "example.ir"),
        ("my-shop.ir", "my-shop.ir"),
        ("192.168.10.1", "192.168.10.1"),
        ("http://5.6.7.8:8000/", "5.6.7.8"),
        ("دیجی\u200cکالا.ایران", "xn--mgbanl1i60athb.xn--mgba3a4f16a"),
        ("https://ديجيكالا.ایران/", "xn--mgbanl1i60athb.xn--mgba3a4f16a"),
        ("دیجیکالا.com", "xn--mgbanl1i60athb.com"),
        ("xn--mgbanl1i60athb.xn--mgba3a4f16a", "xn--mgbanl1i60athb.xn--mgba3a4f16a"),
    ],
)
def test_parse_url_accepts_websites(text: str, host: str) -> None:
    assert parse_url(text) == host


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "example",
        "localhost:8080",
        "www.ir",
        "exa mple.ir",
        "https://example.ir/a b",
        "ftp://example.ir",
        "mailto:me@example.ir",
        "user@example.ir",
        "https://user:pw@example.ir",
        "example.ir:0",
        "example.ir:99999",
        "example.ir:http",
        "example..ir",
        ".example.ir",
        "-shop.ir",
        "shop-.ir",
        "shop_name.ir",
        "example.i",
        "example.123",
        "1.200.000",
        "12.5",
        "256.1.1.1",
        "[::1]",
        "سلام.خوبی",
        "دیجیکالا",
        "a" * 64 + ".ir",
        ".".join(["a" * 63] * 4) + ".ir",
    ],
)
def test_parse_url_rejects_non_websites(text: str) -> None:
    assert parse_url(text) is None


def test_parse_url_accepts_longest_label_and_name() -> None:
    assert parse_url("a" * 63 + ".ir") == "a" * 63 + ".ir"
    name = ".".join(["a" * 63] * 3 + ["a" * 58]) + ".ir"
    assert len(name) == 253
    assert parse_url(name) == name


def test_parse_url_compares_unicode_and_punycode_forms() -> None:
    assert parse_url("دیجیکالا.ایران") == parse_url("http://xn--mgbanl1i60athb.xn--mgba3a4f16a")


def test_display_host_shows_unicode_labels() -> None:
    assert display_host("xn--mgbanl1i60athb.xn--mgba3a4f16a") == "دیجیکالا.ایران"
    assert display_host("example.ir") == "example.ir"


# --- parse_website_or_app -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("https://www.Example.ir/path", "example.ir"),
        ("@Shop_Name", "@shop_name"),
        ("@shop.name", "@shop.name"),
        (" @shop_name. ", "@shop_name"),
        ("instagram.com/Shop.Name", "instagram:shop.name"),
        ("https://www.instagram.com/shop_name/?igsh=abc", "instagram:shop_name"),
        ("t.me/shop_bot", "telegram:shop_bot"),
        ("https://telegram.me/ShopBot", "telegram:shopbot"),
        ("ble.ir/shop", "bale:shop"),
        ("ir.example.app", "app:ir.example.app"),
        ("com.Digikala", "app:com.digikala"),
        ("https://cafebazaar.ir/app/com.digikala?l=fa", "app:com.digikala"),
        ("myket.ir/app/ir.example.app", "app:ir.example.app"),
        ("https://play.google.com/store/apps/details?id=com.digikala&hl=fa", "app:com.digikala"),
        ("app.example.ir", "app.example.ir"),
        ("cafebazaar.ir", "cafebazaar.ir"),
    ],
)
def test_parse_website_or_app_accepts_references(text: str, reference: str) -> None:
    assert parse_website_or_app(text) == reference


@pytest.mark.parametrize(
    "text",
    [
        "",
        "دیجیکالا",
        "shop_name",
        "@",
        "@shop name",
        "@.shop",
        "@shop-name",
        "@" + "a" * 33,
        "instagram.com",
        "instagram.com/p/Cxyz",
        "t.me/+AbCdEf",
        "t.me/joinchat/AbCdEf",
        "https://cafebazaar.ir/app/",
        "https://play.google.com/store/apps/details",
        "1.200.000",
    ],
)
def test_parse_website_or_app_rejects_the_rest(text: str) -> None:
    assert parse_website_or_app(text) is None


# --- parse_phone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "09123456789",
        "9123456789",
        "+989123456789",
        "+98 912 345 6789",
        "+98 (0) 912 345 6789",
        "00989123456789",
        "989123456789",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢٣٤٥٦٧٨٩",
        "0912-345-6789",
        "0912.345.6789",
        " \u200e+98\u200c912 345 67 89\u200f ",
    ],
)
def test_parse_phone_reads_iranian_mobiles(text: str) -> None:
    assert parse_phone(text) == "+989123456789"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("+44 7911 123456", "+447911123456"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("0049 30 123456", "+4930123456"),
    ],
)
def test_parse_phone_keeps_international_numbers(text: str, number: str) -> None:
    assert parse_phone(text) == number


def test_parse_phone_reads_bare_international_digits_only_when_asked() -> None:
    assert parse_phone("447911123456") is None
    assert parse_phone("447911123456", international=True) == "+447911123456"
    assert parse_phone("989123456789", international=True) == "+989123456789"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0912345678",
        "091234567890",
        "02112345678",
        "+982112345678",
        "+98912345678",
        "+0123456789",
        "+1234567",
        "+1234567890123456",
        "tel:+989123456789",
        "0912345678a",
        "+98+9123456789",
    ],
)
def test_parse_phone_rejects_the_rest(text: str) -> None:
    assert parse_phone(text) is None


@given(st.text(alphabet="0123456789+ -()"))
def test_parse_phone_is_invariant_under_digit_script(text: str) -> None:
    expected = parse_phone(text)
    assert parse_phone(to_persian_digits(text)) == expected
    assert parse_phone(text.translate(ARABIC_INDIC)) == expected


@given(st.from_regex(r"9[0-9]{9}", fullmatch=True), st.sampled_from(["0", "+98", "0098", "98"]))
def test_parse_phone_of_any_mobile_in_any_script(national: str, prefix: str) -> None:
    expected = "+98" + national
    assert parse_phone(prefix + national) == expected
    assert parse_phone(to_persian_digits(prefix + national)) == expected


# --- parse_amount ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("0", 0),
        ("120000", 120_000),
        ("۱۲۰٬۰۰۰", 120_000),
        ("١٢٠٬٠٠٠", 120_000),
        ("120,000", 120_000),
        ("1.200.000", 1_200_000),
        ("1 200 000", 1_200_000),
        ("۱۲۰،۰۰۰", 120_000),
        (" 100,000 ", 100_000),
        ("007", 7),
        ("1,000,000,000,000,000", 10**15),
    ],
)
def test_parse_amount_reads_rials(text: str, amount: int) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "-5",
        "+5",
        "12.5",
        "۱۲٫۵",
        "1,2345",
        "1234,567",
        ",120",
        "120,",
        "1,200.000",
        "120000 ریال",
        "۱۲۰ هزار تومان",
        "1e6",
        "1,000,000,000,000,001",
        "9" * 40,
    ],
)
def test_parse_amount_rejects_the_rest(text: str) -> None:
    assert parse_amount(text) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_amount_reads_formatted_integers(amount: int) -> None:
    assert parse_amount(f"{amount:,}") == amount
    assert parse_amount(to_persian_digits(f"{amount:,}".replace(",", "٬"))) == amount
    assert parse_amount(str(amount)) == amount


# --- parse_jalali_or_gregorian_date ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1405/09/02", datetime.date(2026, 11, 23)),
        ("۱۴۰۵/۰۹/۰۲", datetime.date(2026, 11, 23)),
        ("1405-9-2", datetime.date(2026, 11, 23)),
        ("1405.09.02", datetime.date(2026, 11, 23)),
        ("۱۴۰۵ / ۹ / ۲", datetime.date(2026, 11, 23)),
        ("1405/01/01", datetime.date(2026, 3, 21)),
        ("1403/12/30", datetime.date(2025, 3, 20)),
        ("2026-11-23", datetime.date(2026, 11, 23)),
        ("2026/11/23", datetime.date(2026, 11, 23)),
        ("٢٠٢٦/١١/٢٣", datetime.date(2026, 11, 23)),
        ("2024-02-29", datetime.date(2024, 2, 29)),
    ],
)
def test_parse_date_reads_jalali_and_gregorian(text: str, day: datetime.date) -> None:
    assert parse_jalali_or_gregorian_date(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1405/13/01",
        "1405/00/10",
        "1405/12/31",
        "1405/12/30",
        "1405/07/31",
        "2026-02-29",
        "2026-13-01",
        "1405/09-02",
        "02/09/1405",
        "1405/09",
        "14050902",
        "امروز",
    ],
)
def test_parse_date_rejects_invalid_dates(text: str) -> None:
    assert parse_jalali_or_gregorian_date(text) is None


# --- check_length ---------------------------------------------------------------------------


def test_check_length_counts_after_normalisation() -> None:
    assert check_length("سلام", 3, 10) is LengthCheck.OK
    assert check_length("   سـلامٌ   ", 4, 4) is LengthCheck.OK
    assert check_length("  ab \u200f ", 3, 10) is LengthCheck.TOO_SHORT
    assert check_length("a" * 11, 3, 10) is LengthCheck.TOO_LONG
    assert check_length("abc", 3, 3) is LengthCheck.OK


def test_check_length_counts_as_the_platforms_do() -> None:
    # An emoji is two UTF-16 code units, as Telegram and Bale count a message.
    assert check_length("😀" * 5, 1, 10) is LengthCheck.OK
    assert check_length("😀" * 6, 1, 10) is LengthCheck.TOO_LONG
    assert check_length("😀", 3, 10) is LengthCheck.TOO_SHORT


def test_check_length_rejects_inverted_bounds() -> None:
    with pytest.raises(ValueError, match="minimum"):
        check_length("abc", 5, 4)
