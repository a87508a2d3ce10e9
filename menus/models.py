"""The store's tables as SQLAlchemy 2.0 typed models; money in fen, times aware (UTC stored).

Schema changes go through Alembic (``menus/migrations``); a test checks that the migrations
produce exactly these models.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC, so SQLite and PostgreSQL read back the same value."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (Alembic needs them)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Canteen(Base):
    """老年食堂, 助餐点 or 中央厨房."""

    __tablename__ = "canteens"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_mn: Mapped[str | None] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(32), default="canteen")
    region: Mapped[str] = mapped_column(String(12))
    address: Mapped[str | None] = mapped_column(String(400))
    phone: Mapped[str | None] = mapped_column(String(40))
    modes: Mapped[list[str]] = mapped_column(JSON)
    delivery_area: Mapped[list[str]] = mapped_column(JSON)
    subsidy_budget_fen: Mapped[int | None] = mapped_column(Integer)
    """The subsidy the canteen may spend in a month (fen; None: no budget given)."""
    slots: Mapped[list[CanteenSlot]] = relationship(
        back_populates="canteen",
        cascade="all, delete-orphan",
        order_by="CanteenSlot.id",
    )


class CanteenSlot(Base):
    """A meal a canteen serves, with its order cut-off and serving window."""

    __tablename__ = "canteen_slots"
    __table_args__ = (UniqueConstraint("canteen_id", "meal"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    meal: Mapped[str] = mapped_column(String(16))
    cutoff: Mapped[str] = mapped_column(String(5))
    days_before: Mapped[int] = mapped_column(Integer, default=0)
    serve_start: Mapped[str] = mapped_column(String(5))
    serve_end: Mapped[str] = mapped_column(String(5))
    canteen: Mapped[Canteen] = relationship(back_populates="slots")


class Dish(Base):
    """A dish a canteen cooks, with its names in both languages, price and nutrition."""

    __tablename__ = "dishes"
    __table_args__ = (
        UniqueConstraint("canteen_id", "name"),
        CheckConstraint("price_fen >= 0", name="price_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    name_mn: Mapped[str | None] = mapped_column(String(400))
    name_mn_cyrl: Mapped[str | None] = mapped_column(String(400))
    aliases: Mapped[list[str]] = mapped_column(JSON)
    price_fen: Mapped[int] = mapped_column(Integer)
    nutrition: Mapped[dict[str, Any]] = mapped_column(JSON)
    tags: Mapped[list[str]] = mapped_column(JSON)
    allergens: Mapped[list[str]] = mapped_column(JSON)


class Menu(Base):
    """What one canteen offers for one meal on one date."""

    __tablename__ = "menus"
    __table_args__ = (UniqueConstraint("canteen_id", "date", "meal"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    meal: Mapped[str] = mapped_column(String(16))
    items: Mapped[list[MenuItem]] = relationship(
        back_populates="menu", cascade="all, delete-orphan", order_by="MenuItem.position"
    )
    canteen: Mapped[Canteen] = relationship()


class MenuItem(Base):
    """A dish on a menu, with an optional cap of portions and what is left of it."""

    __tablename__ = "menu_items"
    __table_args__ = (
        UniqueConstraint("menu_id", "dish_id"),
        CheckConstraint("portions_left IS NULL OR portions_left >= 0", name="left_not_negative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    menu_id: Mapped[int] = mapped_column(ForeignKey("menus.id", ondelete="CASCADE"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    portions_cap: Mapped[int | None] = mapped_column(Integer)
    portions_left: Mapped[int | None] = mapped_column(Integer)
    menu: Mapped[Menu] = relationship(back_populates="items")
    dish: Mapped[Dish] = relationship()


class CanteenClosure(Base):
    """休息: a day (``meal`` is ``day``) or one meal of a day on which a canteen does not
    serve, and why (春节, 停水). No menu of a closed meal is offered and no order is taken for
    it; the menu rows stay, so reopening the day brings its menu back."""

    __tablename__ = "canteen_closures"
    __table_args__ = (UniqueConstraint("canteen_id", "date", "meal"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    meal: Mapped[str] = mapped_column(String(16))
    """A meal (``lunch``) or ``day`` for all of them."""
    reason: Mapped[str] = mapped_column(String(100))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    closed_by_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]


class Person(Base):
    """Anyone zhucan knows: an elder, a family member or canteen staff."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(16), default="zh")
    created_at: Mapped[datetime]
    elder: Mapped[ElderProfile | None] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class ElderProfile(Base):
    """What the service needs to know about an elder: where, who, and what they can eat."""

    __tablename__ = "elder_profiles"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    address: Mapped[str] = mapped_column(String(400))
    community: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(12))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str | None] = mapped_column(String(8))
    dietary_notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="elder")
    categories: Mapped[list[ElderCategoryRow]] = relationship(cascade="all, delete-orphan")
    conditions: Mapped[list[ElderConditionRow]] = relationship(cascade="all, delete-orphan")


class ElderCategoryRow(Base):
    """One subsidy category of an elder (失能 carries its assessed level)."""

    __tablename__ = "elder_categories"
    elder_id: Mapped[int] = mapped_column(
        ForeignKey("elder_profiles.person_id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    level: Mapped[int | None] = mapped_column(Integer)


class ElderConditionRow(Base):
    """One health condition of an elder."""

    __tablename__ = "elder_conditions"
    elder_id: Mapped[int] = mapped_column(
        ForeignKey("elder_profiles.person_id", ondelete="CASCADE"), primary_key=True
    )
    condition: Mapped[str] = mapped_column(String(32), primary_key=True)


class FamilyLink(Base):
    """A family member linked to an elder, and what they may do for them."""

    __tablename__ = "family_links"
    __table_args__ = (UniqueConstraint("family_id", "elder_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(32))
    can_order: Mapped[bool] = mapped_column(default=True)
    can_pay: Mapped[bool] = mapped_column(default=False)
    notify: Mapped[bool] = mapped_column(default=True)


class StaffMember(Base):
    """A person working for a canteen, with a role."""

    __tablename__ = "staff_members"
    __table_args__ = (UniqueConstraint("person_id", "canteen_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))


class Identity(Base):
    """A channel account (e.g. a Telegram user id) that belongs to a person."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("channel", "account_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    account_id: Mapped[str] = mapped_column(String(128))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))


class SubsidyPolicyRow(Base):
    """One line of a region's classified meal subsidy standard."""

    __tablename__ = "subsidy_policies"
    __table_args__ = (
        CheckConstraint("cap_fen >= 0 AND amount_fen >= 0", name="amounts_not_negative"),
        CheckConstraint("percent >= 0 AND percent <= 100", name="percent_range"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(12), index=True)
    category: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    percent: Mapped[int] = mapped_column(Integer, default=0)
    cap_fen: Mapped[int] = mapped_column(Integer)
    min_level: Mapped[int | None] = mapped_column(Integer)


class Card(Base):
    """A prepaid card for an elder: 孝心卡 (family) or 爱心卡 (charity)."""

    __tablename__ = "cards"
    __table_args__ = (CheckConstraint("balance_fen >= 0", name="balance_not_negative"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    balance_fen: Mapped[int] = mapped_column(Integer, default=0)
    funded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class CardTransaction(Base):
    """A movement on a card: a top-up, a charge for an order, or its refund."""

    __tablename__ = "card_transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(32))


class Voucher(Base):
    """A consumption voucher (消费券), used whole on one order."""

    __tablename__ = "vouchers"
    __table_args__ = (CheckConstraint("value_fen > 0", name="value_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    value_fen: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    used_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))


class Order(Base):
    """An elder's meal for one date and slot, with every part of its price."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(
            "price_fen = subsidy_fen + voucher_fen + card_fen + payable_fen", name="parts_sum"
        ),
        CheckConstraint(
            "subsidy_fen >= 0 AND voucher_fen >= 0 AND card_fen >= 0 AND payable_fen >= 0",
            name="parts_not_negative",
        ),
        Index("ix_orders_slot", "canteen_id", "date", "meal"),
        Index("ix_orders_elder_slot", "elder_id", "date", "meal"),
        # the region dashboard counts a month of orders by status from this index alone
        Index("ix_orders_day_status", "canteen_id", "date", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    placed_by_role: Mapped[str] = mapped_column(String(16))
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id"))
    date: Mapped[date] = mapped_column(Date)
    meal: Mapped[str] = mapped_column(String(16))
    fulfillment: Mapped[str] = mapped_column(String(16))
    delivery_address: Mapped[str | None] = mapped_column(String(400))
    status: Mapped[str] = mapped_column(String(20))
    price_fen: Mapped[int] = mapped_column(Integer)
    subsidy_fen: Mapped[int] = mapped_column(Integer)
    subsidy_policy_id: Mapped[int | None] = mapped_column(ForeignKey("subsidy_policies.id"))
    voucher_fen: Mapped[int] = mapped_column(Integer)
    card_fen: Mapped[int] = mapped_column(Integer)
    payable_fen: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="OrderItem.id",
        lazy="selectin",
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id"
    )
    elder: Mapped[Person] = relationship(foreign_keys=[elder_id])
    canteen: Mapped[Canteen] = relationship()


class OrderItem(Base):
    """A dish and quantity on an order, at the price it had when ordered."""

    __tablename__ = "order_items"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    menu_item_id: Mapped[int] = mapped_column(ForeignKey("menu_items.id"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    dish_name: Mapped[str] = mapped_column(String(100))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    order: Mapped[Order] = relationship(back_populates="items")


class OrderEvent(Base):
    """One change of an order (append-only): who, when, from, to, and why."""

    __tablename__ = "order_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    actor_role: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    order: Mapped[Order] = relationship(back_populates="events")


class Conversation(Base):
    """Where a person's conversation stands (the dialogue's state, as JSON), so that a restart
    or a second bot process continues it."""

    __tablename__ = "conversations"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime]


class ChannelSession(Base):
    """Where a channel account stands before it belongs to a person (registration), and the
    last update it sent, so that a retried update is answered once."""

    __tablename__ = "channel_sessions"
    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime]


class PersonSettings(Base):
    """What a person chose for themselves: a daily ordering reminder, voice replies, speech
    rate. One row per person, created on first change."""

    __tablename__ = "person_settings"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    reminder_at: Mapped[str | None] = mapped_column(String(5))
    voice_replies: Mapped[bool] = mapped_column(default=True)
    speech_rate: Mapped[int | None] = mapped_column(Integer)
    speech_volume: Mapped[int | None] = mapped_column(Integer)
    """Loudness in percent of the voice's own (None: 100)."""
    updated_at: Mapped[datetime]


class LinkCode(Base):
    """A one-time code an elder gives to a family member; the link is made only when the elder
    confirms who redeemed it."""

    __tablename__ = "link_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    family_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    relation: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None]


class Feedback(Base):
    """A complaint, a word of praise or a 1–5 rating about a canteen's meal, and its answer."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        Index("ix_feedback_canteen", "canteen_id", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """A message waiting to reach a person through their channel. ``key`` makes queueing
    idempotent; a sender claims rows (``claimed_until``) so that two processes never send the
    same one."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "due_at"),
        Index("ix_outbox_kind_due", "kind", "due_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(200))


class SchedulerMark(Base):
    """How far a periodic sweep has got (e.g. the last order event turned into messages), so a
    restarted scheduler continues there instead of rescanning everything."""

    __tablename__ = "scheduler_marks"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class StaffAccount(Base):
    """A sign-in to the web console for one person: canteen staff (their canteens and roles
    are their ``staff_members`` rows) or a civil-affairs supervisor of ``supervisor_region``
    (read-only, every canteen whose region code starts with it). Only an argon2 hash of the
    password is kept."""

    __tablename__ = "staff_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    supervisor_region: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]


class WebSession(Base):
    """A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so
    reading this table gives no way in, and signing out (deleting the row) ends the session
    even for a copied cookie."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("staff_accounts.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LoginFailure(Base):
    """A refused sign-in, counted per login and per client address to slow down guessing;
    kept in the store so that every console process counts the same attempts."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_login", "login", "at"),
        Index("ix_login_failures_client", "client", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class AuditEntry(Base):
    """One change made through the console or to the accounts (append-only): who, when, what,
    and the canteen or region it concerns, so managers and supervisors see their own."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_canteen", "canteen_id", "at"),
        Index("ix_audit_log_region", "region", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(100))
    canteen_id: Mapped[int | None] = mapped_column(ForeignKey("canteens.id", ondelete="SET NULL"))
    region: Mapped[str | None] = mapped_column(String(12))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(100))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class StandingOrder(Base):
    """每天 / 工作日 / 下周一到周五: the same meal ordered for many days. The scheduler places
    each day's order before its cut-off, through the same rules as any order."""

    __tablename__ = "standing_orders"
    __table_args__ = (Index("ix_standing_elder", "elder_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    placed_by_role: Mapped[str] = mapped_column(String(16))
    meal: Mapped[str] = mapped_column(String(16))
    fulfillment: Mapped[str] = mapped_column(String(16))
    lines: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Dish name → portions."""
    weekdays: Mapped[list[int]] = mapped_column(JSON)
    """0 is Monday … 6 is Sunday."""
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    paused: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SafetyPhoto(Base):
    """A photo uploaded with a food-safety record (a 留样 now): a JPEG or PNG of at most
    ``menus.food_safety.MAX_PHOTO_BYTES``, kept in the store itself so that every console
    process serves the same bytes and a backup of the database is a backup of the photos."""

    __tablename__ = "safety_photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    content_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime]


class FoodSample(Base):
    """留样: a portion of one dish of one meal kept (at least 125 g) for 48 hours, with who
    kept it and when; the names are copied so the record outlives the dish and the person."""

    __tablename__ = "food_samples"
    __table_args__ = (
        UniqueConstraint("canteen_id", "day", "meal", "dish_name"),
        CheckConstraint("grams >= 125", name="grams_at_least_125"),
        Index("ix_food_samples_kept", "canteen_id", "kept_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    meal: Mapped[str] = mapped_column(String(16))
    dish_id: Mapped[int | None] = mapped_column(ForeignKey("dishes.id", ondelete="SET NULL"))
    dish_name: Mapped[str] = mapped_column(String(100))
    grams: Mapped[int] = mapped_column(Integer)
    kept_at: Mapped[datetime]
    kept_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    kept_by_name: Mapped[str] = mapped_column(String(100))
    photo_id: Mapped[int | None] = mapped_column(
        ForeignKey("safety_photos.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[datetime]


class DisinfectionRecord(Base):
    """餐具消毒: the tableware of one meal disinfected, how, when and by whom (one per meal)."""

    __tablename__ = "disinfection_log"
    __table_args__ = (UniqueConstraint("canteen_id", "day", "meal"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    meal: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(32))
    done_at: Mapped[datetime]
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    done_by_name: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]


class SelfInspection(Base):
    """每日自查: the day's fixed checklist (``menus.food_safety.CHECKS``), each check passed
    or failed with a note, and who inspected (one per canteen and day)."""

    __tablename__ = "self_inspections"
    __table_args__ = (UniqueConstraint("canteen_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    results: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Check code → {"ok": bool, "note": str}."""
    inspected_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    inspected_by_name: Mapped[str] = mapped_column(String(100))
    inspected_at: Mapped[datetime]


class RouteCommunity(Base):
    """A community's place in a canteen's delivery route (送餐路线): which community the
    couriers go to first. Kept per canteen, so every meal's and every day's list follows it."""

    __tablename__ = "route_communities"
    __table_args__ = (UniqueConstraint("canteen_id", "community"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    community: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)


class RouteStop(Base):
    """A stop's place in its community's walking order: one elder at one address. The address
    is kept only as ``menus.delivery.address_key`` (a hash), so this table holds no address; a
    new address, or one now in another community, has no place yet and goes last."""

    __tablename__ = "route_stops"
    __table_args__ = (UniqueConstraint("canteen_id", "elder_id", "address_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    canteen_id: Mapped[int] = mapped_column(ForeignKey("canteens.id", ondelete="CASCADE"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    address_key: Mapped[str] = mapped_column(String(32))
    community: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)


class StoreVersion(Base):
    """A counter bumped in the same transaction as a change that worker processes cache (the
    dishes and menus: ``menus``), so every process learns of it by reading one row."""

    __tablename__ = "store_versions"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
