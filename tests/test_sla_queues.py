"""/sla shows each queue only the deadlines that apply to it, on Telegram and on Bale."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.tables import AuditEntry, QueuePolicy
from services.platforms import Platform
from tests.conftest import make_settings
from tests.desk import Desk, Person

ADMINS = {
    Platform.TELEGRAM: Person(Platform.TELEGRAM, 111, "Mina", "Admin"),
    Platform.BALE: Person(Platform.BALE, 222, "Hamid", "Admin"),
}
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
COMPLAINT_STEPS = ("کمیسیون", "ماده ۷۲ (روز)", "تعزیرات حکومتی (روز)", "commission_days")


def shown(text: str) -> str:
    return text.translate(_ISOLATES)


@pytest.mark.parametrize("platform", list(Platform))
async def test_certificates_show_the_service_days_only(desk: Desk, platform: Platform) -> None:
    admin = ADMINS[platform]

    await desk.say(admin, "/sla certificates")

    text = shown(desk.last_text(admin))
    assert "مهلت‌های صف تأییدیه‌های فنی" in text
    assert "زمان ارائه خدمت پس از کامل شدن مدارک (روز کاری): ۱۵" in text
    for line in text.splitlines():
        if line.startswith("•"):
            assert not any(step in line for step in COMPLAINT_STEPS), line
    assert text.count("•") == 1
    if platform is Platform.BALE:
        assert "<b>" not in text  # Bale takes no HTML


@pytest.mark.parametrize("settings", [make_settings(certificate_service_days=20)])
async def test_certificates_show_the_configured_service_days(desk: Desk) -> None:
    await desk.say(ADMINS[Platform.TELEGRAM], "/sla certificates")

    assert "(روز کاری): ۲۰" in shown(desk.last_text(ADMINS[Platform.TELEGRAM]))


async def test_licences_say_that_no_deadline_runs(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await desk.say(admin, "/sla licences")

    text = shown(desk.last_text(admin))
    assert "برای این صف مهلتی تعیین نشده است" in text
    assert "•" not in text


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("/sla certificates commission_days=7", "با /sla تغییر نمی‌کند"),
        ("/sla licences overall_days=3", "صف پروانه‌ها مهلتی ندارد"),
    ],
)
async def test_a_queue_without_statutory_steps_keeps_them_unchanged(
    desk: Desk, command: str, said: str
) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await desk.say(admin, command)

    assert said in shown(desk.last_text(admin))
    async with desk.repo() as repo:
        assert list(await repo.session.scalars(select(QueuePolicy))) == []
        changes = select(AuditEntry).where(AuditEntry.action == "sla_changed")
        assert list(await repo.session.scalars(changes)) == []


async def test_complaints_still_show_every_step(desk: Desk) -> None:
    admin = ADMINS[Platform.TELEGRAM]

    await desk.say(admin, "/sla complaints")

    text = shown(desk.last_text(admin))
    assert "رسیدگی کمیسیون (روز): ۵" in text
    assert "مهلت کل ماده ۷۲ (روز): ۱۰" in text
    assert "رسیدگی تعزیرات حکومتی (روز): ۱۴" in text
    assert "زمان ارائه خدمت" not in text
