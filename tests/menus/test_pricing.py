"""The pricing rules as pure functions: examples from the plan, then properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from menus.pricing import (
    CardBalance,
    SubsidyKind,
    SubsidyPolicy,
    VoucherValue,
    best_subsidy,
    choose_voucher,
    fen_to_yuan,
    line_total,
    price_order,
    subsidy_amount,
    yuan_to_fen,
)
from menus.vocab import CardKind, ElderCategory

REGION = "150102"
POLICIES = [
    SubsidyPolicy(
        REGION, ElderCategory.GENERAL, SubsidyKind.FIXED, cap_fen=100, amount_fen=100, id=1
    ),
    SubsidyPolicy(
        REGION, ElderCategory.DIBAO, SubsidyKind.FIXED, cap_fen=500, amount_fen=500, id=2
    ),
    SubsidyPolicy(
        REGION, ElderCategory.GAOLING, SubsidyKind.PERCENT, cap_fen=400, percent=30, id=3
    ),
    SubsidyPolicy(
        REGION,
        ElderCategory.SHINENG,
        SubsidyKind.FIXED,
        cap_fen=600,
        amount_fen=600,
        min_level=2,
        id=4,
    ),
    SubsidyPolicy(
        "150103", ElderCategory.TEKUN, SubsidyKind.FIXED, cap_fen=900, amount_fen=900, id=5
    ),
]


def test_most_favourable_category_wins_not_the_sum() -> None:
    """低保 (5 yuan) and 高龄 (30% of 12 = 3.60) → 5 yuan, not 8.60."""
    cats = {ElderCategory.DIBAO: None, ElderCategory.GAOLING: None}
    amount, policy = best_subsidy(POLICIES, REGION, cats, 1200)
    assert (amount, policy and policy.id) == (500, 2)


def test_percentage_is_capped_per_meal() -> None:
    """30% of 25 yuan is 7.50, but 高龄's cap is 4 yuan."""
    assert best_subsidy(POLICIES, REGION, {ElderCategory.GAOLING: None}, 2500)[0] == 400


def test_subsidy_never_exceeds_the_price() -> None:
    """A 1-yuan bowl of rice with a 5-yuan subsidy costs nothing, not minus four."""
    assert best_subsidy(POLICIES, REGION, {ElderCategory.DIBAO: None}, 150)[0] == 150


def test_policies_of_other_regions_do_not_apply() -> None:
    """Each 旗县 sets its own standard."""
    assert best_subsidy(POLICIES, REGION, {ElderCategory.TEKUN: None}, 1200)[0] == 100


def test_level_gates_disability_subsidy() -> None:
    """失能 level 1 gets the general subsidy; level 2 and up the 失能 one; no level, general."""
    assert best_subsidy(POLICIES, REGION, {ElderCategory.SHINENG: 1}, 1200)[0] == 100
    assert best_subsidy(POLICIES, REGION, {ElderCategory.SHINENG: 3}, 1200)[0] == 600
    assert best_subsidy(POLICIES, REGION, {ElderCategory.SHINENG: None}, 1200)[0] == 100


def test_second_meal_in_a_slot_gets_no_subsidy() -> None:
    """One subsidised meal per slot per day."""
    breakdown = price_order(
        [(1200, 1)], policies=POLICIES, region=REGION, categories={}, subsidy_used_for_slot=True
    )
    assert breakdown.subsidy_fen == 0 and breakdown.payable_fen == 1200


def test_payment_order_subsidy_voucher_family_charity_then_cash() -> None:
    """12 + 2×1.5 = 15: subsidy 5, voucher 3, family card 4 (all it has), charity 2, cash 1."""
    breakdown = price_order(
        [(1200, 1), (150, 2)],
        policies=POLICIES,
        region=REGION,
        categories={ElderCategory.DIBAO: None},
        vouchers=[VoucherValue(9, 300)],
        cards=[CardBalance(2, CardKind.CHARITY, 200), CardBalance(1, CardKind.FAMILY, 400)],
    )
    assert breakdown.price_fen == 1500
    assert (breakdown.subsidy_fen, breakdown.voucher_fen) == (500, 300)
    assert breakdown.card_charges == ((1, 400), (2, 200))
    assert (breakdown.card_fen, breakdown.payable_fen) == (600, 100)
    assert breakdown.voucher_id == 9 and breakdown.subsidy_policy_id == 2


def test_voucher_choice_wastes_least() -> None:
    """The largest voucher that fits; if none fits, the smallest."""
    vouchers = [VoucherValue(1, 500), VoucherValue(2, 300), VoucherValue(3, 1000)]
    assert choose_voucher(vouchers, 600) == VoucherValue(1, 500)
    assert choose_voucher(vouchers, 200) == VoucherValue(2, 300)
    assert choose_voucher(vouchers, 0) is None
    assert choose_voucher([], 600) is None


def test_line_total_refuses_nonsense() -> None:
    """A negative price or a zero quantity is a bug upstream, not a discount."""
    with pytest.raises(ValueError):
        line_total([(-100, 1)])
    with pytest.raises(ValueError):
        line_total([(100, 0)])


@pytest.mark.parametrize(
    ("text", "fen"),
    [("12", 1200), ("12.5", 1250), ("12.50", 1250), (12.3, 1230), (0, 0), ("0.01", 1)],
)
def test_yuan_to_fen_is_exact(text: object, fen: int) -> None:
    """Prices in files are yuan; the store keeps exact fen."""
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("bad", ["12.345", "十二", "nan", "inf", True, None, [12]])
def test_yuan_to_fen_refuses_what_is_not_money(bad: object) -> None:
    """Three decimals, words, NaN, booleans: all refused with a reason."""
    with pytest.raises(ValueError):
        yuan_to_fen(bad)


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_fen_to_yuan_round_trips(fen: int) -> None:
    """What we write into files we read back to the same fen."""
    assert yuan_to_fen(fen_to_yuan(fen)) == fen


policies_st = st.lists(
    st.builds(
        SubsidyPolicy,
        region=st.sampled_from([REGION, "150103"]),
        category=st.sampled_from(list(ElderCategory)),
        kind=st.sampled_from(list(SubsidyKind)),
        cap_fen=st.integers(0, 2000),
        amount_fen=st.integers(0, 3000),
        percent=st.integers(0, 100),
        min_level=st.none() | st.integers(1, 3),
    ),
    max_size=8,
)
lines_st = st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 20)), min_size=1, max_size=6)
categories_st = st.dictionaries(
    st.sampled_from(list(ElderCategory)), st.none() | st.integers(1, 3), max_size=4
)
cards_st = st.lists(
    st.builds(
        CardBalance,
        id=st.integers(1, 10**6),
        kind=st.sampled_from(list(CardKind)),
        balance_fen=st.integers(0, 10_000),
    ),
    max_size=3,
    unique_by=lambda c: c.id,
)
vouchers_st = st.lists(
    st.builds(VoucherValue, id=st.integers(1, 10**6), value_fen=st.integers(1, 2000)),
    max_size=4,
    unique_by=lambda v: v.id,
)


@given(lines_st, policies_st, categories_st, st.booleans(), vouchers_st, cards_st)
def test_price_parts_always_add_up(
    lines: list[tuple[int, int]],
    policies: list[SubsidyPolicy],
    categories: dict[ElderCategory, int | None],
    used: bool,
    vouchers: list[VoucherValue],
    cards: list[CardBalance],
) -> None:
    """The parts sum to the price, none is negative, no card gives more than it holds,
    and the subsidy never exceeds the cap of the policy that gave it."""
    b = price_order(
        lines,
        policies=policies,
        region=REGION,
        categories=categories,
        subsidy_used_for_slot=used,
        vouchers=vouchers,
        cards=cards,
    )
    assert b.price_fen == sum(u * q for u, q in lines)
    assert b.subsidy_fen + b.voucher_fen + b.card_fen + b.payable_fen == b.price_fen
    assert min(b.subsidy_fen, b.voucher_fen, b.card_fen, b.payable_fen) >= 0
    balances = {c.id: c.balance_fen for c in cards}
    assert all(0 < fen <= balances[card_id] for card_id, fen in b.card_charges)
    assert sum(fen for _, fen in b.card_charges) == b.card_fen
    if used:
        assert b.subsidy_fen == 0
    if b.subsidy_fen:
        policy = (
            next(p for p in policies if p.id == b.subsidy_policy_id)
            if all(p.id is not None for p in policies)
            else None
        )
        caps = [p.cap_fen for p in policies if p.region == REGION]
        assert b.subsidy_fen <= max(caps)
        if policy is not None:
            assert b.subsidy_fen <= policy.cap_fen
    else:
        assert b.subsidy_policy_id is None


@given(policies_st, categories_st, st.integers(0, 100_000))
def test_best_subsidy_is_never_beaten_by_a_single_applicable_policy(
    policies: list[SubsidyPolicy], categories: dict[ElderCategory, int | None], price: int
) -> None:
    """Most favourable means: no applicable policy would give more."""
    from menus.pricing import policy_applies

    amount, _ = best_subsidy(policies, REGION, categories, price)
    for policy in policies:
        if policy_applies(policy, REGION, categories):
            assert subsidy_amount(policy, price) <= amount
    assert 0 <= amount <= price


@pytest.mark.parametrize("value", ["9" * 5000, 10**30, "1e400000", 1e300])
def test_amounts_beyond_any_price_are_refused_short(value: object) -> None:
    """A number of thousands of digits is refused without reading it out in the message."""
    with pytest.raises(ValueError) as info:
        yuan_to_fen(value)
    assert len(str(info.value)) < 80
