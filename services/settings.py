"""Typed settings of Pishkhan, read once from the environment and `.env`."""

from __future__ import annotations

from datetime import time, timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from models import crypto
from services.calendar import WorkingCalendar, parse_weekend
from services.desk import ChatRef, DeskConfig, DeskInfo, Queue, Windows
from services.platforms import Platform


def _parse_refs(value: Any) -> Any:
    if isinstance(value, str):
        return [ChatRef.parse(item) for item in value.split(",") if item.strip()]
    return value


def _parse_ref(value: Any) -> Any:
    if isinstance(value, str):
        return ChatRef.parse(value) if value.strip() else None
    return value


class MissingTokens(RuntimeError):
    """No platform has a token: there is nothing to run."""


DEFAULT_SQLITE = "sqlite+aiosqlite:///./data/pishkhan.sqlite3"


class Settings(BaseSettings):
    """Every setting of the desk; `.env.example` documents each key."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    telegram_bot_token: SecretStr | None = None
    bale_bot_token: SecretStr | None = None
    telegram_api_base: str = "https://api.telegram.org"
    bale_api_base: str = "https://tapi.bale.ai"

    database_url: str = DEFAULT_SQLITE
    database_echo: bool = False
    redis_url: str | None = None

    admin_ids: Annotated[list[ChatRef], NoDecode] = Field(default_factory=list)
    complaints_staff_chat: Annotated[ChatRef | None, NoDecode] = None
    licences_staff_chat: Annotated[ChatRef | None, NoDecode] = None
    certificates_staff_chat: Annotated[ChatRef | None, NoDecode] = None
    # What a platform said of someone's membership of a staff chat is believed this long.
    staff_membership_ttl_seconds: float = Field(default=120.0, gt=0, le=600)

    default_locale: str = "fa"
    desk_name: str = "دفتر پیشخوان اتحادیه کشوری کسب‌وکارهای مجازی"
    # Printed on every receipt; one left empty is printed as «ثبت نشده» (not set), and the
    # start-up says so in the log.
    desk_licence_number: str = ""
    desk_address: str = ""
    desk_operator: str = ""

    max_attachments: int = Field(default=5, ge=0, le=10)
    description_min_chars: int = Field(default=20, ge=1)
    # Bounds on typed answers, in UTF-16 code units as the platforms count them (an emoji is
    # two); a summary or card too long for one message is shortened, the full text following.
    description_max_chars: int = Field(default=6000, ge=100, le=20000)
    text_max_chars: int = Field(default=200, ge=20)

    # A worker renews its claim on each update in hand; a claim not renewed this long belongs to
    # a worker that died, and the platform's retry of that update is handled by another.
    claim_lease_seconds: float = Field(default=30.0, gt=0)
    outbox_poll_seconds: float = Field(default=1.0, gt=0)
    outbox_batch_size: int = Field(default=50, ge=1)
    outbox_max_attempts: int = Field(default=8, ge=1)
    # A claimed message stays invisible to other senders this long; one a dead sender held
    # is sent after it.
    outbox_lease_seconds: float = Field(default=60.0, gt=0)
    rate_per_bot_per_second: float = Field(default=30.0, gt=0)
    rate_per_chat_per_second: float = Field(default=1.0, gt=0)
    rate_per_group_per_minute: float = Field(default=20.0, gt=0)

    weekend: Annotated[frozenset[int], NoDecode] = frozenset({3, 4})
    office_open: time = time(8, 0)
    office_close: time = time(16, 0)
    notice_hours: Annotated[tuple[int, ...], NoDecode] = (24, 2)
    escalate_after_hours: int = Field(default=24, ge=1)
    digest_time: time = time(8, 0)
    objection_window_days: int = Field(default=10, ge=1)
    reopen_window_days: int = Field(default=30, ge=1)
    sweep_seconds: float = Field(default=60.0, gt=0)
    certificate_service_days: int = Field(default=15, ge=1)
    certificate_fee_rials: int = Field(default=100_000, ge=0)
    certificate_payment_url: str = "https://ito.gov.ir"
    documents_notice_hours: int = Field(default=24, ge=1)
    # Whether the business complained about is told the complainant's name (never the phone).
    respondent_sees_complainant_name: bool = False

    mode: Literal["polling", "webhook"] = "polling"
    webhook_base_url: str | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    webhook_secret: SecretStr | None = None

    data_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    data_key_file: Path = Path("data") / "secret.key"

    flood_rate: int = Field(default=30, ge=1)
    flood_per_seconds: float = Field(default=10.0, gt=0)

    log_level: str = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admins(cls, value: Any) -> Any:
        return _parse_refs(value)

    @field_validator(
        "complaints_staff_chat", "licences_staff_chat", "certificates_staff_chat", mode="before"
    )
    @classmethod
    def _chat(cls, value: Any) -> Any:
        return _parse_ref(value)

    @field_validator("data_keys", mode="before")
    @classmethod
    def _keys(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("desk_name", "desk_licence_number", "desk_address", "desk_operator")
    @classmethod
    def _desk_detail(cls, value: str) -> str:
        # A dash (the placeholder of earlier examples) is no detail: it would print as data.
        value = value.strip()
        return "" if value.strip("-—–_ ") == "" else value

    @field_validator("weekend", mode="before")
    @classmethod
    def _weekend(cls, value: Any) -> Any:
        return parse_weekend(value) if isinstance(value, str) else value

    @field_validator("notice_hours", mode="before")
    @classmethod
    def _notice_hours(cls, value: Any) -> Any:
        if isinstance(value, str):
            hours = sorted({int(item) for item in value.split(",") if item.strip()}, reverse=True)
            if any(hour <= 0 for hour in hours):
                raise ValueError("NOTICE_HOURS are positive whole hours, e.g. 24,2")
            return tuple(hours)
        return value

    @field_validator("telegram_bot_token", "bale_bot_token", "redis_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("default_locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        if value not in ("fa", "en"):
            raise ValueError("DEFAULT_LOCALE must be fa or en")
        return value

    @model_validator(mode="after")
    def _webhook_needs(self) -> Settings:
        if self.mode == "webhook" and not (self.webhook_base_url and self.webhook_secret):
            raise ValueError("MODE=webhook needs WEBHOOK_BASE_URL and WEBHOOK_SECRET")
        return self

    @model_validator(mode="after")
    def _strip_bases(self) -> Settings:
        object.__setattr__(self, "telegram_api_base", self.telegram_api_base.rstrip("/"))
        object.__setattr__(self, "bale_api_base", self.bale_api_base.rstrip("/"))
        return self

    def token(self, platform: Platform) -> SecretStr | None:
        """The token of a platform, or None when it is not configured."""
        return self.telegram_bot_token if platform is Platform.TELEGRAM else self.bale_bot_token

    def api_base(self, platform: Platform) -> str:
        """The Bot API server of a platform."""
        return self.telegram_api_base if platform is Platform.TELEGRAM else self.bale_api_base

    @cached_property
    def platforms(self) -> tuple[Platform, ...]:
        """The platforms that have a token, in a fixed order."""
        return tuple(p for p in Platform if self.token(p) is not None)

    def require_tokens(self) -> None:
        """Stop with one clear sentence when no platform can be started."""
        if not self.platforms:
            raise MissingTokens(
                "No bot token is set: set TELEGRAM_BOT_TOKEN and/or BALE_BOT_TOKEN "
                "(in the environment or in .env; see .env.example)."
            )

    def staff_chat(self, queue: Queue) -> ChatRef | None:
        """The staff chat that receives the cases of a queue."""
        return {
            Queue.COMPLAINTS: self.complaints_staff_chat,
            Queue.LICENCES: self.licences_staff_chat,
            Queue.CERTIFICATES: self.certificates_staff_chat,
        }[queue]

    def is_admin(self, platform: Platform, user_id: int) -> bool:
        """Whether a platform user is one of the configured admins."""
        return ChatRef(platform, user_id) in self.admin_ids

    @cached_property
    def desk(self) -> DeskInfo:
        """The office details printed on receipts."""
        return DeskInfo(
            name=self.desk_name,
            licence_number=self.desk_licence_number,
            operator=self.desk_operator,
            address=self.desk_address,
        )

    def missing_desk_details(self) -> list[str]:
        """The settings of the desk's details that receipts need and nobody set."""
        details = {
            "DESK_NAME": self.desk_name,
            "DESK_LICENCE_NUMBER": self.desk_licence_number,
            "DESK_OPERATOR": self.desk_operator,
            "DESK_ADDRESS": self.desk_address,
        }
        return [name for name, value in details.items() if not value]

    @cached_property
    def calendar(self) -> WorkingCalendar:
        """The office's weekend and hours; admin closures are added from the database."""
        return WorkingCalendar(
            weekend=self.weekend, office_open=self.office_open, office_close=self.office_close
        )

    @cached_property
    def windows(self) -> Windows:
        """How long a citizen may object to a decision or reopen a withdrawn case."""
        return Windows(
            objection=timedelta(days=self.objection_window_days),
            reopen=timedelta(days=self.reopen_window_days),
        )

    @cached_property
    def config(self) -> DeskConfig:
        """The settings the services need, in their own terms."""
        chats = {queue: chat for queue in Queue if (chat := self.staff_chat(queue)) is not None}
        return DeskConfig(
            desk=self.desk,
            staff_chats=chats,
            admins=tuple(self.admin_ids),
            calendar=self.calendar,
            windows=self.windows,
            notice_hours=self.notice_hours,
            escalate_after=timedelta(hours=self.escalate_after_hours),
            digest_time=self.digest_time,
            staff_locale=self.default_locale,
            certificate_service_days=self.certificate_service_days,
            certificate_fee_rials=self.certificate_fee_rials,
            certificate_payment_url=self.certificate_payment_url,
            documents_notice=timedelta(hours=self.documents_notice_hours),
            respondent_sees_name=self.respondent_sees_complainant_name,
        )


def configure_keys(settings: Settings) -> None:
    """Personal identifiers are encrypted with DATA_KEYS (the first encrypts), or with a key
    kept beside the embedded database when none is set."""
    crypto.configure(
        [key.get_secret_value() for key in settings.data_keys], settings.data_key_file
    )
