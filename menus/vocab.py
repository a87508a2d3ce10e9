"""The closed vocabularies of the domain, with the Chinese words people and documents use.

Why enums of strings: they are stored as plain text (readable in SQL and reports) and parsed
from files and command lines in either their code (``lunch``) or their Chinese label (``午餐``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class MealSlot(StrEnum):
    """A meal a canteen serves; lunch at least, per the seed plan."""

    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"


class Fulfillment(StrEnum):
    """How the elder gets the meal: 堂食, 自取 or 送餐."""

    DINE_IN = "dine_in"
    PICKUP = "pickup"
    DELIVERY = "delivery"


class CanteenKind(StrEnum):
    """老年食堂, 助餐点 or 中央厨房."""

    CANTEEN = "canteen"
    MEAL_POINT = "meal_point"
    CENTRAL_KITCHEN = "central_kitchen"


class OrderStatus(StrEnum):
    """Where an order stands; see ``menus.states`` for the allowed moves."""

    PLACED = "placed"
    CONFIRMED = "confirmed"
    PREPARING = "preparing"
    READY = "ready"
    OUT_FOR_DELIVERY = "out_for_delivery"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    MISSED = "missed"


class Actor(StrEnum):
    """Who acts on an order: the elder, a linked family member, canteen staff, or the system."""

    SELF = "self"
    FAMILY = "family"
    STAFF = "staff"
    SYSTEM = "system"


class ElderCategory(StrEnum):
    """The categories of elder the seed plan names for differentiated subsidies.

    ``GENERAL`` is every registered elder; it carries the smallest (普惠) subsidy.
    """

    GENERAL = "general"
    DIBAO = "dibao"
    TEKUN = "tekun"
    GAOLING = "gaoling"
    DUJU = "duju"
    KONGCHAO = "kongchao"
    LIUSHOU = "liushou"
    SHINENG = "shineng"
    CANJI = "canji"
    JISHENG_TESHU = "jisheng_teshu"


class Condition(StrEnum):
    """Health conditions that change what a meal should be."""

    DIABETES = "diabetes"
    HYPERTENSION = "hypertension"
    CHEWING = "chewing"
    GOUT = "gout"
    HYPERLIPIDEMIA = "hyperlipidemia"
    KIDNEY = "kidney"
    HEART = "heart"


class CardKind(StrEnum):
    """孝心卡 is funded by family; 爱心卡 by charity."""

    FAMILY = "family"
    CHARITY = "charity"


class StaffRole(StrEnum):
    """What a canteen staff member does."""

    MANAGER = "manager"
    COOK = "cook"
    DELIVERY = "delivery"
    VOLUNTEER = "volunteer"
    COMMUNITY = "community"
    """The community contact (社区网格员), told when an elder goes without a meal."""


class Gender(StrEnum):
    """An elder's gender, as registered: how family name them (我妈 / 我爸) and how they are
    addressed (王奶奶 / 李爷爷)."""

    FEMALE = "female"
    MALE = "male"


class Lang(StrEnum):
    """The languages zhucan speaks with people."""

    ZH = "zh"
    MN = "mn"


LABELS_ZH: dict[StrEnum, str] = {
    Gender.FEMALE: "女",
    Gender.MALE: "男",
    MealSlot.BREAKFAST: "早餐",
    MealSlot.LUNCH: "午餐",
    MealSlot.DINNER: "晚餐",
    Fulfillment.DINE_IN: "堂食",
    Fulfillment.PICKUP: "自取",
    Fulfillment.DELIVERY: "送餐",
    CanteenKind.CANTEEN: "老年食堂",
    CanteenKind.MEAL_POINT: "助餐点",
    CanteenKind.CENTRAL_KITCHEN: "中央厨房",
    OrderStatus.PLACED: "已下单",
    OrderStatus.CONFIRMED: "已确认",
    OrderStatus.PREPARING: "制作中",
    OrderStatus.READY: "待取餐",
    OrderStatus.OUT_FOR_DELIVERY: "配送中",
    OrderStatus.COMPLETED: "已完成",
    OrderStatus.CANCELLED: "已取消",
    OrderStatus.MISSED: "未取餐",
    ElderCategory.GENERAL: "普通",
    ElderCategory.DIBAO: "低保",
    ElderCategory.TEKUN: "特困",
    ElderCategory.GAOLING: "高龄",
    ElderCategory.DUJU: "独居",
    ElderCategory.KONGCHAO: "空巢",
    ElderCategory.LIUSHOU: "留守",
    ElderCategory.SHINENG: "失能",
    ElderCategory.CANJI: "残疾",
    ElderCategory.JISHENG_TESHU: "计划生育特殊家庭",
    Condition.DIABETES: "糖尿病",
    Condition.HYPERTENSION: "高血压",
    Condition.CHEWING: "咀嚼困难",
    Condition.GOUT: "痛风",
    Condition.HYPERLIPIDEMIA: "高血脂",
    Condition.KIDNEY: "肾病",
    Condition.HEART: "心脏病",
    CardKind.FAMILY: "孝心卡",
    CardKind.CHARITY: "爱心卡",
}

_EXTRA_WORDS: dict[str, StrEnum] = {
    "早饭": MealSlot.BREAKFAST,
    "午饭": MealSlot.LUNCH,
    "晚饭": MealSlot.DINNER,
    "送餐上门": Fulfillment.DELIVERY,
    "配送": Fulfillment.DELIVERY,
    "到店": Fulfillment.DINE_IN,
    "老人食堂": CanteenKind.CANTEEN,
    "牙口不好": Condition.CHEWING,
    "血糖高": Condition.DIABETES,
    "血压高": Condition.HYPERTENSION,
}


def label_zh(value: StrEnum) -> str:
    """The Chinese word for a vocabulary value, falling back to its code."""
    return LABELS_ZH.get(value, str(value))


E = TypeVar("E", bound=StrEnum)


def parse_vocab(kind: type[E], text: str) -> E:
    """Read a vocabulary value from its code or Chinese word; ``ValueError`` if neither.

    Why both: operators type codes, canteen staff and files often use the Chinese word.
    """
    cleaned = text.strip().lower().replace("-", "_")
    for member in kind:
        if cleaned == member.value or text.strip() == LABELS_ZH.get(member):
            return member
    extra = _EXTRA_WORDS.get(text.strip())
    if isinstance(extra, kind):
        return extra
    allowed = ", ".join(m.value for m in kind)
    raise ValueError(f"'{text}' is not one of: {allowed}")
