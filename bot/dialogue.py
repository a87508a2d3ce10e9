"""The dialogue: one turn in, one reply out, with the person's state kept in the store.

One engine for every channel. It understands with ``nlu`` (against the current menu), fills in
an order one question at a time, reads it back with every part of its price (from
``menus.orders.quote_order``, so what is said is what is placed), and places it only after a
yes. The draft carries its own idempotency key: a second "yes", a retried message, or a crash
between storing and replying never makes a second order.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.replies import say
from bot.texts import DAY_WORDS, MEAL_WORDS, spoken_number, spoken_yuan
from menus.clock import cutoff_at, local_today
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen, load_menus, slot_times
from menus.models import Conversation, Dish, Person
from menus.orders import (
    OrderLine,
    OrderRequest,
    OrderSummary,
    cancel_order,
    list_orders,
    place_order_once,
    quote_order,
)
from menus.people import find_elder
from menus.states import OPEN_STATUSES
from menus.vocab import Fulfillment, MealSlot, label_zh
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

MODE_WORDS = {"delivery": "送到家", "pickup": "自己去拿", "dine_in": "在食堂吃"}
CHOICES = {"1": "今天吃什么", "2": "我要订餐", "3": "我的订单", "4": "再说一遍"}
FLAGS = {  # condition → (tags that suit it, tags that don't, the word for why)
    "hypertension": ({"low_salt"}, set(), "salty"),
    "diabetes": ({"low_sugar"}, set(), "sweet"),
    "chewing": ({"soft", "porridge"}, set(), "hard"),
    "gout": (set(), {"high_purine"}, "purine"),
    "hyperlipidemia": ({"low_fat"}, set(), "fatty"),
}


@dataclass
class Reply:
    """What to say, and the choices to offer as buttons (or numbers in the terminal)."""

    text: str
    choices: list[str] = field(default_factory=list)


class Dialogue:
    """Handles turns for elders, keeping each one's state in the ``conversations`` table."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        with factory() as session:
            dishes = session.scalars(select(Dish).order_by(Dish.id))
            names = tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in dishes
            )
        self.parser = Parser(MenuNames(names))

    # ------------------------------------------------------------------- one turn

    def handle(self, elder_id: int, text: str, now: datetime) -> Reply:
        """Understand one utterance and answer it; the state is stored before returning."""
        state = self._load(elder_id)
        reply = self._turn(elder_id, state, text.strip(), now)
        if reply.text != state.get("last"):
            state["last"] = reply.text
        self._save(elder_id, state, now)
        return reply

    def _turn(self, elder_id: int, state: dict[str, Any], text: str, now: datetime) -> Reply:
        lang = state.setdefault("lang", "zh")
        if state.get("offered") and text in CHOICES:
            text = CHOICES[text]
        state["offered"] = False
        today = local_today(now)
        parsed = self.parser.parse(text, today=today)
        intent = parsed["intent"]["name"]
        entities = parsed["entities"]
        if intent == "repeat":
            return Reply(state.get("last") or say("nothing_to_repeat", lang))
        awaiting = state.get("awaiting")
        if awaiting == "confirm":
            if intent == "affirm":
                return self._place(elder_id, state, now)
            if intent in ("deny", "cancel_order"):
                state.pop("draft", None)
                state["awaiting"] = None
                return Reply(say("not_placed", lang))
            if entities:
                return self._fill(elder_id, state, entities, now, correcting=True)
            return Reply(say("confirm_yes_no", lang), ["要", "不要"])
        if awaiting == "cancel":
            state["awaiting"] = None
            if intent == "affirm":
                return self._cancel(state, now)
            state.pop("cancel_id", None)
            return Reply(say("cancel_kept", lang))
        if intent in ("order_meal", "inform", "choose_fulfillment") or (
            intent == "change_order" and state.get("draft")
        ):
            return self._fill(elder_id, state, entities, now)
        if intent == "ask_menu":
            return self._menu(elder_id, entities, now, lang)
        if intent == "ask_nutrition":
            return self._menu(elder_id, entities, now, lang, only_flags=True)
        if intent == "cancel_order":
            return self._ask_cancel(elder_id, state, now)
        if intent == "check_order":
            return self._orders(elder_id, now, lang)
        simple = {"greet": "greet", "help": "help", "thank": "thanks", "goodbye": "bye"}
        if intent in simple:
            state["misses"] = 0
            return Reply(say(simple[intent], lang, name=self._name(elder_id)))
        if intent in ("affirm", "deny"):
            return Reply(say("ok", lang))
        return self._not_understood(state, lang)

    # -------------------------------------------------------------------- ordering

    def _fill(
        self,
        elder_id: int,
        state: dict[str, Any],
        entities: list[dict[str, Any]],
        now: datetime,
        *,
        correcting: bool = False,
    ) -> Reply:
        """Merge what was said into the draft and ask the next thing, or read it back."""
        lang = state["lang"]
        draft = state.setdefault("draft", {"dishes": [], "key": None})
        draft["key"] = None  # anything changed: a new read-back, a new key
        dishes = [e for e in entities if e["entity"] == "dish"]
        quantities = {e.get("group"): e["value"] for e in entities if e["entity"] == "quantity"}
        if dishes:
            lines = {name: qty for name, qty in draft["dishes"]} if not correcting else {}
            if correcting:
                lines = {name: qty for name, qty in draft["dishes"]}
            for dish in dishes:
                lines[dish["value"]] = int(quantities.get(dish.get("group"), 1))
            draft["dishes"] = [[name, qty] for name, qty in lines.items()]
        elif None in quantities and draft["dishes"]:
            draft["dishes"][-1][1] = int(quantities[None])  # 改成两份
        for entity in entities:
            if entity["entity"] in ("date", "meal", "fulfillment"):
                draft[entity["entity"]] = entity["value"]
        state["misses"] = 0
        if not draft["dishes"]:
            state["awaiting"] = "dish"
            return Reply(say("ask_dish", lang))
        if not draft.get("meal"):
            state["awaiting"] = "meal"
            return Reply(say("ask_meal", lang), ["中午", "晚上"])
        if not draft.get("date"):
            draft["date"] = self._next_open_day(MealSlot(draft["meal"]), now).isoformat()
        if not draft.get("fulfillment"):
            state["awaiting"] = "fulfillment"
            return Reply(say("ask_fulfillment", lang), ["送到家", "自己去拿", "在食堂吃"])
        return self._read_back(elder_id, state, now)

    def _request(self, elder_id: int, draft: dict[str, Any]) -> OrderRequest:
        return OrderRequest(
            elder_id=elder_id,
            day=date.fromisoformat(draft["date"]),
            meal=MealSlot(draft["meal"]),
            fulfillment=Fulfillment(draft["fulfillment"]),
            lines=[OrderLine(name, qty) for name, qty in draft["dishes"]],
            idempotency_key=draft.get("key") or "draft",
        )

    def _read_back(self, elder_id: int, state: dict[str, Any], now: datetime) -> Reply:
        lang = state["lang"]
        draft = state["draft"]
        try:
            quote = quote_order(self.factory, self._request(elder_id, draft), now)
        except DomainError as refusal:
            return self._refused(state, refusal, now)
        draft["key"] = f"dialogue-{elder_id}-{uuid.uuid4()}"
        state["awaiting"] = "confirm"
        text = read_back(quote, local_today(now), lang) + say("ask_confirm", lang)
        return Reply(text, ["要", "不要"])

    def _place(self, elder_id: int, state: dict[str, Any], now: datetime) -> Reply:
        lang = state["lang"]
        draft = state["draft"]
        try:
            order, created = place_order_once(self.factory, self._request(elder_id, draft), now)
        except DomainError as refusal:
            return self._refused(state, refusal, now)
        state.pop("draft", None)
        state["awaiting"] = None
        serve = serve_words(order, local_today(now))
        return Reply(say("placed" if created else "placed_again", lang, serve=serve))

    def _refused(self, state: dict[str, Any], refusal: DomainError, now: datetime) -> Reply:
        """A rule said no: say why in the elder's words, and ask again for what must change."""
        lang = state["lang"]
        draft = state.get("draft") or {}
        when = ""
        if draft.get("date") and draft.get("meal"):
            when = _when(
                date.fromisoformat(draft["date"]), MealSlot(draft["meal"]), local_today(now)
            )
        params = refusal.params
        if refusal.code in ("unknown_dish", "sold_out", "duplicate_dish"):
            draft["dishes"] = []
            state["awaiting"] = "dish"
            if refusal.code == "unknown_dish":
                return Reply(
                    say(
                        "no_such_dish",
                        lang,
                        when=when,
                        dish=params.get("dish"),
                        available=params.get("available"),
                    )
                )
            if refusal.code == "sold_out":
                return Reply(say("sold_out", lang, dish=params.get("dish")))
        elif refusal.code in ("closed", "no_menu", "past_date"):
            draft.pop("date", None)
            draft.pop("meal", None)
            state["awaiting"] = "meal"
            return Reply(say(refusal.code, lang, when=when), ["中午", "晚上"])
        elif refusal.code in ("mode_not_offered", "outside_area", "no_address"):
            mode = MODE_WORDS.get(str(draft.pop("fulfillment", "")), "")
            state["awaiting"] = "fulfillment"
            return Reply(say(refusal.code, lang, mode=mode), ["自己去拿", "在食堂吃"])
        else:
            state.pop("draft", None)
            state["awaiting"] = None
        return Reply(say("refused", lang, message=refusal.message("zh")))

    def _next_open_day(self, meal: MealSlot, now: datetime) -> date:
        with self.factory() as session:
            times = slot_times(get_canteen(session), meal)
        today = local_today(now)
        if times is not None and now >= cutoff_at(today, times):
            return today + timedelta(days=1)
        return today

    # ------------------------------------------------------------------ questions

    def _menu(
        self,
        elder_id: int,
        entities: list[dict[str, Any]],
        now: datetime,
        lang: str,
        *,
        only_flags: bool = False,
    ) -> Reply:
        """The day's menu in spoken order with prices, and what suits the elder's conditions."""
        today = local_today(now)
        day = next(
            (date.fromisoformat(e["value"]) for e in entities if e["entity"] == "date"), today
        )
        meal = next((MealSlot(e["value"]) for e in entities if e["entity"] == "meal"), None)
        with self.factory() as session:
            elder = find_elder(session, str(elder_id))
            conditions = {c.condition for c in elder.elder.conditions} if elder.elder else set()
            conditions |= {e["value"] for e in entities if e["entity"] == "condition"}
            menus = load_menus(session, None, day, meal)
            if meal is None:
                menus = [m for m in menus if m.meal != "breakfast"] or menus
            lines: list[str] = []
            dishes = []
            for menu in menus:
                when = _when(menu.date, MealSlot(menu.meal), today)
                if not only_flags:
                    items = "，".join(
                        say(
                            "menu_item", lang, dish=i.dish.name, price=spoken_yuan(i.dish.price_fen)
                        )
                        for i in menu.items
                    )
                    lines.append(say("menu_intro", lang, when=when) + items + "。")
                dishes += [i.dish for i in menu.items]
        if not menus:
            return Reply(say("menu_none", lang, when=_day(day, today)))
        lines += _flags(dishes, conditions, lang)
        return Reply("".join(lines) or say("help", lang))

    def _orders(self, elder_id: int, now: datetime, lang: str) -> Reply:
        today = local_today(now)
        with self.factory() as session:
            orders = [
                OrderSummary.of(o)
                for o in list_orders(session, elder_id=elder_id)
                if o.date >= today and o.status in {s.value for s in OPEN_STATUSES}
            ]
        if not orders:
            return Reply(say("no_orders", lang))
        lines = [say("orders_intro", lang)]
        for order in orders[:3]:
            lines.append(
                say(
                    "order_line",
                    lang,
                    when=_when(order.date, MealSlot(order.meal), today),
                    items=_items(order),
                    status=label_zh(_status(order.status)),
                )
            )
        return Reply("".join(lines))

    def _ask_cancel(self, elder_id: int, state: dict[str, Any], now: datetime) -> Reply:
        lang = state["lang"]
        today = local_today(now)
        with self.factory() as session:
            upcoming = [
                OrderSummary.of(o)
                for o in list_orders(session, elder_id=elder_id)
                if o.date >= today and o.status in ("placed", "confirmed")
            ]
        if not upcoming:
            return Reply(say("no_orders", lang))
        order = upcoming[0]
        state["cancel_id"] = order.id
        state["awaiting"] = "cancel"
        when = _when(order.date, MealSlot(order.meal), today)
        return Reply(say("cancel_which", lang, when=when, items=_items(order)), ["要", "不要"])

    def _cancel(self, state: dict[str, Any], now: datetime) -> Reply:
        lang = state["lang"]
        order_id = state.pop("cancel_id", None)
        if order_id is None:
            return Reply(say("no_orders", lang))
        try:
            with unit_of_work(self.factory) as session:
                order = cancel_order(session, int(order_id), now)
                card = order.card_fen
        except DomainError as refusal:
            return Reply(say("refused", lang, message=refusal.message("zh")))
        refund = say("cancel_refund", lang, card=spoken_yuan(card)) if card else ""
        return Reply(say("cancel_done", lang, refund=refund))

    def _not_understood(self, state: dict[str, Any], lang: str) -> Reply:
        """Ask again once in other words; the second time, offer the choices."""
        state["misses"] = int(state.get("misses") or 0) + 1
        if state["misses"] >= 2:
            state["misses"] = 0
            state["offered"] = True
            return Reply(say("choices", lang), list(CHOICES.values()))
        return Reply(say("not_understood", lang))

    # ------------------------------------------------------------------- storage

    def _load(self, elder_id: int) -> dict[str, Any]:
        with self.factory() as session:
            row = session.get(Conversation, elder_id)
            if row is not None:
                return dict(row.state)
            person = session.get(Person, elder_id)
            return {"lang": person.lang if person else "zh"}

    def _save(self, elder_id: int, state: dict[str, Any], now: datetime) -> None:
        with unit_of_work(self.factory) as session:
            row = session.get(Conversation, elder_id)
            if row is None:
                session.add(Conversation(person_id=elder_id, state=state, updated_at=now))
            else:
                row.state = dict(state)
                row.updated_at = now

    def _name(self, elder_id: int) -> str:
        with self.factory() as session:
            person = session.get(Person, elder_id)
            return person.name if person else ""


# ----------------------------------------------------------------------- phrasing


def _day(day: date, today: date) -> str:
    return DAY_WORDS.get((day - today).days) or f"{day.month}月{day.day}日"


def _when(day: date, meal: MealSlot, today: date) -> str:
    return _day(day, today) + MEAL_WORDS[meal.value]


def _items(order: OrderSummary) -> str:
    return "、".join(f"{i.dish_name}{spoken_number(i.qty)}份" for i in order.items)


def _status(status: str) -> Any:
    from menus.vocab import OrderStatus

    return OrderStatus(status)


def _flags(dishes: list[Dish], conditions: set[str], lang: str) -> list[str]:
    """Point out what suits the elder's conditions and what to eat less of."""
    out: list[str] = []
    seen: set[str] = set()
    for condition in sorted(conditions):
        good_tags, bad_tags, why = FLAGS.get(condition, (set(), set(), ""))
        for dish in dishes:
            if dish.name in seen:
                continue
            tags = set(dish.tags)
            salty = condition == "hypertension" and dish.nutrition.get("sodium_mg", 0) >= 800
            if salty or bad_tags & tags:
                out.append(say("menu_flag_bad", lang, dish=dish.name, why=say(why, lang)))
                seen.add(dish.name)
            elif good_tags & tags and len([s for s in out if "适合" in s]) < 2:
                out.append(say("menu_flag_good", lang, dish=dish.name))
                seen.add(dish.name)
    return out


def read_back(order: OrderSummary, today: date, lang: str = "zh") -> str:
    """The order with every part of its price, as it will be placed."""
    voucher = (
        say("read_back_voucher", lang, voucher=spoken_yuan(order.voucher_fen))
        if order.voucher_fen
        else ""
    )
    return say(
        "read_back",
        lang,
        name=order.elder_name,
        when=_when(order.date, MealSlot(order.meal), today),
        mode=MODE_WORDS.get(order.fulfillment, order.fulfillment),
        items=_items(order),
        price=spoken_yuan(order.price_fen),
        subsidy=spoken_yuan(order.subsidy_fen),
        voucher=voucher,
        card=spoken_yuan(order.card_fen),
        payable=spoken_yuan(order.payable_fen)
        if order.payable_fen
        else say("nothing_to_pay", lang),
    )


def serve_words(order: OrderSummary, today: date, lang: str = "zh") -> str:
    """When and where the meal will be ready."""
    if order.serve_start is None or order.serve_end is None:
        return ""
    key = {"delivery": "serve_delivery", "pickup": "serve_pickup"}.get(
        order.fulfillment, "serve_dine_in"
    )
    return say(key, lang, day=_day(order.date, today), start=order.serve_start, end=order.serve_end)
