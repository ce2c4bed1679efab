"""Tests of services.tracking: layout, Damm check digit, tolerant parsing."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from services.normalize import to_persian_digits
from services.tracking import (
    CodeKind,
    TrackingCode,
    damm_check_digit,
    new_code,
    parse_code,
)

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NOISE = ["", "", "", " ", "\u200c", "-", "\u200f", "\u200e", "\u202b", "\u2069", "\u00a0", "ـ"]


def replay(values: list[int]) -> Callable[[int], int]:
    """An rng for new_code that returns ``values`` in order, checking each is in range."""
    iterator = iter(values)

    def rng(bound: int) -> int:
        value = next(iterator)
        assert 0 <= value < bound
        return value

    return rng


# --- Damm -----------------------------------------------------------------------------------


def test_damm_check_digit_known_values() -> None:
    # The worked example of Damm's algorithm: 572 → 4.
    assert damm_check_digit("572") == "4"
    assert damm_check_digit("") == "0"
    assert damm_check_digit("0") == "0"


def test_damm_check_digit_rejects_non_digits() -> None:
    with pytest.raises(ValueError, match="ASCII digits"):
        damm_check_digit("12a")
    with pytest.raises(ValueError, match="ASCII digits"):
        damm_check_digit("۱۲")


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_damm_check_digit_completes_to_zero(payload: str) -> None:
    full = payload + damm_check_digit(payload)
    assert damm_check_digit(full) == "0"


# --- TrackingCode and new_code --------------------------------------------------------------


def test_new_code_layout_from_a_replayed_rng() -> None:
    rng = replay([3, 5, 6, 7, 8, 9, 0, 1])
    code = new_code(CodeKind.COMPLAINT, rng=rng)
    payload = "1" + "4" + "5678901"
    assert code.digits == payload + damm_check_digit(payload)
    assert code.kind is CodeKind.COMPLAINT
    assert code.display() == code.digits[:5] + "-" + code.digits[5:]
    assert str(code) == code.digits


def test_new_code_first_random_digit_is_never_zero() -> None:
    code = new_code(CodeKind.CERTIFICATE, rng=lambda bound: 0)
    assert code.digits.startswith("21000000")
    assert code.kind is CodeKind.CERTIFICATE


@given(st.sampled_from(CodeKind), st.randoms(use_true_random=False))
def test_new_code_is_valid(kind: CodeKind, rnd: random.Random) -> None:
    code = new_code(kind, rng=rnd.randrange)
    assert len(code.digits) == 10
    assert code.digits.isascii() and code.digits.isdigit()
    assert code.digits[0] == kind.value
    assert code.digits[1] != "0"
    assert code.kind is kind


def test_new_code_default_rng_gives_different_codes() -> None:
    codes = {new_code(CodeKind.COMPLAINT).digits for _ in range(50)}
    assert len(codes) > 45


def test_tracking_code_rejects_invalid_digits() -> None:
    valid = new_code(CodeKind.COMPLAINT, rng=lambda bound: bound - 1).digits
    assert TrackingCode(valid).digits == valid
    with pytest.raises(ValueError, match="10 ASCII digits"):
        TrackingCode(valid[:9])
    with pytest.raises(ValueError, match="10 ASCII digits"):
        TrackingCode(to_persian_digits(valid))
    with pytest.raises(ValueError, match="kind"):
        payload = "9" + valid[1:9]
        TrackingCode(payload + damm_check_digit(payload))
    with pytest.raises(ValueError, match="check digit"):
        TrackingCode(valid[:9] + str((int(valid[9]) + 1) % 10))


def test_tracking_code_is_a_value() -> None:
    code = new_code(CodeKind.COMPLAINT)
    assert TrackingCode(code.digits) == code
    assert hash(TrackingCode(code.digits)) == hash(code)


# --- parse_code -----------------------------------------------------------------------------

EXAMPLE = "1" + "2345678"
EXAMPLE_PAYLOAD = EXAMPLE + "9"
EXAMPLE_CODE = EXAMPLE_PAYLOAD + damm_check_digit(EXAMPLE_PAYLOAD)


@pytest.mark.parametrize(
    "text",
    [
        EXAMPLE_CODE,
        EXAMPLE_CODE[:5] + "-" + EXAMPLE_CODE[5:],
        to_persian_digits(EXAMPLE_CODE[:5] + "-" + EXAMPLE_CODE[5:]),
        EXAMPLE_CODE.translate(ARABIC_INDIC),
        "#" + EXAMPLE_CODE,
        " # " + EXAMPLE_CODE[:5] + " " + EXAMPLE_CODE[5:] + " ",
        "\u200f" + to_persian_digits(EXAMPLE_CODE[:5]) + "\u200c–\u200c" + EXAMPLE_CODE[5:],
        EXAMPLE_CODE[:5] + "ـ" + EXAMPLE_CODE[5:],
    ],
)
def test_parse_code_accepts_typed_forms(text: str) -> None:
    code = parse_code(text)
    assert code is not None
    assert code.digits == EXAMPLE_CODE


@pytest.mark.parametrize(
    "text",
    [
        "",
        EXAMPLE_CODE[:9],
        EXAMPLE_CODE + "0",
        EXAMPLE_CODE[:9] + str((int(EXAMPLE_CODE[9]) + 1) % 10),
        "x" + EXAMPLE_CODE,
        EXAMPLE_CODE + "#",
        "##" + EXAMPLE_CODE,
        EXAMPLE_CODE[:5] + "/" + EXAMPLE_CODE[5:],
    ],
)
def test_parse_code_rejects_malformed_codes(text: str) -> None:
    assert parse_code(text) is None


def test_parse_code_rejects_unknown_kinds() -> None:
    for kind_digit in "03456789":
        payload = kind_digit + EXAMPLE_PAYLOAD[1:]
        assert parse_code(payload + damm_check_digit(payload)) is None


@st.composite
def typed_codes(draw: st.DrawFn) -> tuple[TrackingCode, str]:
    """A new code and the way a citizen might type or paste it back."""
    code = new_code(draw(st.sampled_from(CodeKind)), rng=draw(st.randoms()).randrange)
    shown = draw(st.sampled_from([code.display(), code.digits]))
    shown = draw(
        st.sampled_from(
            [shown, to_persian_digits(shown), shown.translate(ARABIC_INDIC)],
        )
    )
    typed = "".join(draw(st.sampled_from(NOISE)) + char for char in shown)
    if draw(st.booleans()):
        typed = "#" + typed
    return code, typed + draw(st.sampled_from(NOISE))


@given(typed_codes())
def test_parse_code_round_trips(pair: tuple[TrackingCode, str]) -> None:
    code, typed = pair
    assert parse_code(typed) == code


@given(
    st.sampled_from(CodeKind),
    st.randoms(use_true_random=False),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=1, max_value=9),
)
def test_parse_code_rejects_any_single_digit_error(
    kind: CodeKind, rnd: random.Random, position: int, shift: int
) -> None:
    digits = new_code(kind, rng=rnd.randrange).digits
    wrong = str((int(digits[position]) + shift) % 10)
    assert parse_code(digits[:position] + wrong + digits[position + 1 :]) is None


@given(
    st.sampled_from(CodeKind),
    st.randoms(use_true_random=False),
    st.integers(min_value=0, max_value=8),
)
def test_parse_code_rejects_any_adjacent_transposition(
    kind: CodeKind, rnd: random.Random, position: int
) -> None:
    digits = new_code(kind, rng=rnd.randrange).digits
    first, second = digits[position], digits[position + 1]
    assume(first != second)
    swapped = digits[:position] + second + first + digits[position + 2 :]
    assert parse_code(swapped) is None


def test_every_single_digit_error_and_transposition_of_one_code_is_caught() -> None:
    digits = EXAMPLE_CODE
    for position in range(10):
        for wrong in "0123456789":
            if wrong != digits[position]:
                assert parse_code(digits[:position] + wrong + digits[position + 1 :]) is None
    for position in range(9):
        swapped = (
            digits[:position] + digits[position + 1] + digits[position] + digits[position + 2 :]
        )
        if swapped != digits:
            assert parse_code(swapped) is None
