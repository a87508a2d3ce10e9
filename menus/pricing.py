"""What a meal costs and who pays which part: pure functions over plain values, in fen.

The order of payment follows the seed plan: the government's subsidy (就餐分类补贴) first, then a
consumption voucher (消费券), then the family card (孝心卡), then the charity card (爱心卡), and
what is left is paid at pickup or delivery. Every part is kept on the order, because the monthly
report counts each one separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from menus.vocab import CardKind, ElderCategory


class SubsidyKind(StrEnum):
    """A subsidy is a fixed amount off, or a percentage off; both are capped per meal."""

    FIXED = "fixed"
    PERCENT = "percent"


@dataclass(frozen=True)
class SubsidyPolicy:
    """One line of a region's classified subsidy standard (分类补贴标准)."""

    region: str
    category: ElderCategory
    kind: SubsidyKind
    cap_fen: int
    amount_fen: int = 0
    percent: int = 0
    min_level: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class CardBalance:
    """A prepaid card's balance at the moment of pricing."""

    id: int
    kind: CardKind
    balance_fen: int


@dataclass(frozen=True)
class VoucherValue:
    """One unused consumption voucher (消费券); a voucher is used whole or not at all."""

    id: int
    value_fen: int


@dataclass(frozen=True)
class PriceBreakdown:
    """Every part of an order's price; the parts always add up to ``price_fen``."""

    price_fen: int
    subsidy_fen: int
    voucher_fen: int
    card_fen: int
    payable_fen: int
    subsidy_policy_id: int | None = None
    voucher_id: int | None = None
    card_charges: tuple[tuple[int, int], ...] = ()


CARD_ORDER: tuple[CardKind, ...] = (CardKind.FAMILY, CardKind.CHARITY)
"""Family money is spent before charity money, so that the scarcer charity fund lasts longer."""


def line_total(lines: Iterable[tuple[int, int]]) -> int:
    """The undiscounted price of ``(unit_price_fen, quantity)`` lines."""
    total = 0
    for unit_fen, qty in lines:
        if unit_fen < 0 or qty <= 0:
            raise ValueError("unit prices must be >= 0 and quantities > 0")
        total += unit_fen * qty
    return total


def subsidy_amount(policy: SubsidyPolicy, price_fen: int) -> int:
    """What one policy takes off one meal: never more than its cap or the meal's price."""
    if policy.kind is SubsidyKind.FIXED:
        raw = policy.amount_fen
    else:
        raw = price_fen * policy.percent // 100
    return max(0, min(raw, policy.cap_fen, price_fen))


def policy_applies(
    policy: SubsidyPolicy, region: str, categories: Mapping[ElderCategory, int | None]
) -> bool:
    """Whether a policy covers an elder of this region with these categories (and levels).

    Every registered elder is in ``GENERAL``; ``min_level`` restricts e.g. 失能 subsidies to the
    assessed levels a region chooses.
    """
    if policy.region != region:
        return False
    if policy.category is ElderCategory.GENERAL:
        return True
    if policy.category not in categories:
        return False
    if policy.min_level is None:
        return True
    level = categories[policy.category]
    return level is not None and level >= policy.min_level


def best_subsidy(
    policies: Iterable[SubsidyPolicy],
    region: str,
    categories: Mapping[ElderCategory, int | None],
    price_fen: int,
) -> tuple[int, SubsidyPolicy | None]:
    """The most favourable single subsidy for this meal: categories never add up."""
    best: tuple[int, SubsidyPolicy | None] = (0, None)
    for policy in policies:
        if not policy_applies(policy, region, categories):
            continue
        amount = subsidy_amount(policy, price_fen)
        if amount > best[0]:
            best = (amount, policy)
    return best


def choose_voucher(vouchers: Sequence[VoucherValue], due_fen: int) -> VoucherValue | None:
    """The voucher that wastes least: the largest not above what is due, else the smallest.

    Vouchers are given in the order they should be preferred (soonest to expire first); a
    voucher larger than what is due is still used whole, as paper vouchers are.
    """
    if due_fen <= 0 or not vouchers:
        return None
    fitting = [v for v in vouchers if v.value_fen <= due_fen]
    if fitting:
        return max(fitting, key=lambda v: v.value_fen)
    return min(vouchers, key=lambda v: v.value_fen)


def price_order(
    lines: Iterable[tuple[int, int]],
    *,
    policies: Iterable[SubsidyPolicy] = (),
    region: str = "",
    categories: Mapping[ElderCategory, int | None] | None = None,
    subsidy_used_for_slot: bool = False,
    vouchers: Sequence[VoucherValue] = (),
    cards: Sequence[CardBalance] = (),
) -> PriceBreakdown:
    """Price an order and split it into subsidy, voucher, cards and what is paid on the day.

    ``subsidy_used_for_slot`` is true when the elder already has a subsidised order for this
    date and meal: the plan subsidises one meal per slot per day.
    """
    price = line_total(lines)
    subsidy, policy = (0, None)
    if not subsidy_used_for_slot:
        subsidy, policy = best_subsidy(policies, region, categories or {}, price)
    due = price - subsidy

    voucher = choose_voucher(vouchers, due)
    voucher_fen = min(voucher.value_fen, due) if voucher else 0
    due -= voucher_fen

    charges: list[tuple[int, int]] = []
    for kind in CARD_ORDER:
        for card in cards:
            if card.kind is not kind or due <= 0 or card.balance_fen <= 0:
                continue
            take = min(card.balance_fen, due)
            charges.append((card.id, take))
            due -= take
    card_fen = sum(fen for _, fen in charges)

    return PriceBreakdown(
        price_fen=price,
        subsidy_fen=subsidy,
        voucher_fen=voucher_fen,
        card_fen=card_fen,
        payable_fen=due,
        subsidy_policy_id=policy.id if policy else None,
        voucher_id=voucher.id if voucher and voucher_fen > 0 else None,
        card_charges=tuple(charges),
    )


MAX_YUAN = 10**12
"""No price, subsidy or balance comes near this; a bigger number is refused before it is
turned into fen (and before a message would print its thousands of digits)."""


class PriceError(ValueError):
    """A value that is not a price: the English reason is the text; ``code`` (``not_number``,
    ``not_yuan``, ``too_many_yuan``, ``decimals``) and ``value`` (as written) let a file's
    problem list say it in the reader's language."""

    def __init__(self, code: str, text: str, value: str = "") -> None:
        super().__init__(text)
        self.code = code
        self.value = value


def yuan_to_fen(value: object) -> int:
    """Parse a price in yuan (``12``, ``12.5``, ``"12.50"``) to integer fen, exactly;
    ``PriceError`` otherwise.

    Why via ``str``: ``12.3`` as a float is 12.2999…, and money must not drift by a fen.
    """
    from decimal import Decimal, InvalidOperation

    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise PriceError("not_number", "a price must be a number of yuan, like 12 or 12.5")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise PriceError("not_yuan", f"'{value}' is not a number of yuan", str(value)) from None
    if not amount.is_finite():
        raise PriceError("not_yuan", f"'{value}' is not a number of yuan", str(value))
    if abs(amount) >= MAX_YUAN:  # no amount is this big; its digits need not be read out
        start = str(value)[:20]
        raise PriceError("too_many_yuan", f"'{start}…' is more yuan than any amount here", start)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise PriceError(
            "decimals",
            f"'{value}' has more than two decimals (fen are the smallest unit)",
            str(value),
        )
    return int(fen)


def fen_to_yuan(fen: int) -> str:
    """Fen as a yuan amount for files and screens: 1250 → '12.5', 1200 → '12'."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    if part == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{part:02d}".rstrip("0")
