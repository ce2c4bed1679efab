"""The one resolver of the names staff type: every spelling of a name finds its key, a few
words find it when they name one member only, and what names several or none finds nothing."""

from __future__ import annotations

import pytest

from services.names import CERT_STATUSES, OPINIONS, QUEUES, SETTINGS, STATUS_NAMES, Family
from services.texts import texts


@pytest.mark.parametrize(
    ("family", "typed", "key"),
    [
        (STATUS_NAMES, "باطل شده", "voided"),
        (STATUS_NAMES, "باطل‌شده", "voided"),
        (STATUS_NAMES, "باطلشده", "voided"),
        (STATUS_NAMES, "VOIDED", "voided"),
        (STATUS_NAMES, "منتظر بررسي كارشناس", "awaiting_review"),  # Arabic yeh and kaf
        (STATUS_NAMES, "دردست اقدام", "in_progress"),
        (STATUS_NAMES, "Referred to the complaints commission", "referred_commission"),
        (STATUS_NAMES, "قضایی", "referred_judicial"),
        (OPINIONS, "تخلف", "violation"),
        (OPINIONS, "عدم تخلف", "no_violation"),
        (OPINIONS, "no_violation", "no_violation"),
        (QUEUES, "تاییدیه‌های فنی", "certificates"),
        (QUEUES, "تأییدیه ها", "certificates"),
        (SETTINGS, "کمیسیون", "commission_days"),
        (SETTINGS, "رسیدگی کمیسیون", "commission_days"),
        (SETTINGS, "ماده ۷۲", "overall_days"),
        (SETTINGS, "overall_days", "overall_days"),
        (CERT_STATUSES, "review", "under_review"),
        (CERT_STATUSES, "در حال بررسی", "under_review"),
    ],
)
def test_every_spelling_of_a_name_finds_its_key(family: Family, typed: str, key: str) -> None:
    assert family.named(typed) == key


@pytest.mark.parametrize(
    ("family", "typed"),
    [
        (STATUS_NAMES, "ارجاع"),  # three statuses are referrals
        (STATUS_NAMES, "در"),  # a short word names nothing by itself
        (STATUS_NAMES, ""),
        (SETTINGS, "روز"),  # every setting counts days
        (QUEUES, "پارکینگ"),
    ],
)
def test_what_names_several_or_none_finds_nothing(family: Family, typed: str) -> None:
    assert family.named(typed) is None


def test_a_name_at_the_start_leaves_the_rest_as_typed() -> None:
    assert STATUS_NAMES.leading("ارجاع به کمیسیون شکایت به دلیل\nتکرار") == (
        "referred_commission",
        "به دلیل\nتکرار",
    )
    assert STATUS_NAMES.leading("مختومه") == ("closed", "")
    assert STATUS_NAMES.leading("نامعلوم است") is None


def test_each_member_has_a_name_to_type_that_finds_it() -> None:
    for family in (STATUS_NAMES, OPINIONS, QUEUES, SETTINGS, CERT_STATUSES):
        for locale in ("fa", "en"):
            for key in family.keys:
                assert family.named(family.typed(key, texts(locale))) == key, (locale, key)
