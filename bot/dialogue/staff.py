"""What canteen staff can do by talking to the bot: publish a menu file (checked, previewed,
then confirmed), read the kitchen sheet and the delivery list, mark orders, and read and answer
complaints. Only for the canteens they work for; the store checks it again."""

from __future__ import annotations

import base64
import re
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.dialogue import emergency, staff_counts, staff_lists, staff_relay, staff_topic
from bot.dialogue.context import Turn
from bot.dialogue.state import Awaiting
from bot.dialogue.utterance import Intent, Utterance
from bot.dialogue.words import ACKNOWLEDGE_WORDS, key
from bot.phrasing import when_words
from bot.turn import Reply
from menus.access import About, Act, Who, check
from menus.catalogue import PUBLISH, SPOKEN, choices, date_words, say, word
from menus.clock import TZ, local_today, parse_hhmm
from menus.db import read_only, unit_of_work
from menus.delivery import DeliveryStop
from menus.errors import DomainError
from menus.feedback import answer, open_feedback, staff_canteens
from menus.menu_store import import_menu_file, load_menus
from menus.menufile import MenuFile, MenuFileError, parse_menu_bytes
from menus.models import Canteen, Person
from menus.orders import get_order, set_status
from menus.reports import KitchenSheet, kitchen_sheet
from menus.states import forward_steps
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus
from menus.xlsxfile import is_xlsx

S = OrderStatus
MARKS: list[tuple[re.Pattern[str], OrderStatus]] = [
    (re.compile(r"(\d+)\s*号?.*(没来|没取|没拿|没人|没吃)"), S.MISSED),
    (re.compile(r"(\d+)\s*号?.*(送到|送达|取走|拿走|吃完|吃了|完成)"), S.COMPLETED),
    (re.compile(r"(\d+)\s*号?.*(出发|去送|在路上|送出)"), S.OUT_FOR_DELIVERY),
    (re.compile(r"(\d+)\s*号?.*(做好|好了|可以取|可以拿)"), S.READY),
    (re.compile(r"(\d+)\s*号?.*(开始做|在做)"), S.PREPARING),
    (re.compile(r"(\d+)\s*号?.*(确认|接单)"), S.CONFIRMED),
]
_MN_ORDER = r"^\s*(\d+)\s*(?:-?р|дугаар|ᠳᠤᠭᠠᠷ)?\s*(?:захиалга\w*|ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ\S*)?\s*"
MARKS_MN: list[tuple[re.Pattern[str], OrderStatus]] = [
    (re.compile(_MN_ORDER + r"(ирээгүй|аваагүй)$"), S.MISSED),
    (re.compile(_MN_ORDER + r"(х[үу]ргэсэн|х[үу]ргэгдсэн|ᠬᠦᠷᠭᠡᠭᠰᠡᠨ|авсан)$"), S.COMPLETED),
    (re.compile(_MN_ORDER + r"(гарсан|ᠭᠠᠷᠤᠭᠰᠠᠨ)$"), S.OUT_FOR_DELIVERY),
    (re.compile(_MN_ORDER + r"(бэлэн|бэлэн болсон|ᠪᠡᠯᠡᠨ)$"), S.READY),
]
"""Mongolian marks are the whole sentence: the order's number, then the word (12 хүргэсэн,
3-р захиалга бэлэн); a number inside a sentence (1 айлд хүргэсэн, 1 хүн ирээгүй) marks
nothing."""
ANSWER = re.compile(r"^回复\s*(\d+)\s*号?[\s,，:：]*(.+)$", re.S)
KITCHEN = ("厨房", "做什么", "做啥", "备餐", "做多少", "备啥", "准备啥", "准备什么", "各几份",
           "юу хийх", "ᠶᠠᠭᠤ ᠬᠢᠬᠦ")  # fmt: skip
"""Asking what to cook; in Mongolian юу хийх вэ (ᠶᠠᠭᠤ ᠬᠢᠬᠦ ᠪᠤᠢ)."""
DELIVERY = ("送餐单", "送哪", "配送", "送餐", "送几家", "送的啥", "送啥", "送的是谁", "谁家",
            "给谁送", "送谁", "哪几家", "哪两家", "捋一下",
            "хүргэ", "хургэ", "hurge", "ᠬᠦᠷᠭᠡ")  # fmt: skip
"""Asking where to deliver; in Mongolian хүргэх (hurgeh typed in Latin, ᠬᠦᠷᠭᠡᠬᠦ)."""
FEEDBACK = ("意见", "投诉", "评价", "表扬")
QUESTION_MARKS = re.compile(r"[？?]|吗|几|啥|什么|哪")
"""A question (有意见吗, 投诉的都有啥): not a complaint passed on."""
MAX_PROBLEMS = 10


def handle(turn: Turn, said: Utterance) -> Reply:
    """One staff utterance."""
    canteens = _canteens(turn)
    text = said.text
    if key(text) in ACKNOWLEDGE_WORDS:  # 收到, to an elder's alarm
        acknowledged = emergency.acknowledged(turn)
        if acknowledged is not None:
            return acknowledged
    pending = turn.state.menu_file
    if pending and turn.state.awaiting == Awaiting.PUBLISH:
        turn.state.ask(None)
        turn.state.menu_file = None
        yes = {"发布吧", *(say(PUBLISH[0], lang) for lang in SPOKEN)}
        if said.intent == Intent.AFFIRM or text.strip() in yes:
            return _publish(turn, pending, canteens)
        return Reply(say("menu_not_published", turn.lang))
    found = ANSWER.match(text.strip())
    if found:
        return _answer(turn, int(found.group(1)), found.group(2))
    for pattern, target in MARKS:
        found = pattern.search(text)
        if found:
            return _mark(turn, int(found.group(1)), target)
    spoken = text.strip().rstrip(".!。！᠃ ").lower()
    for pattern, target in MARKS_MN:
        found = pattern.match(spoken)
        if found:
            return _mark(turn, int(found.group(1)), target)
    return _sheets(turn, canteens, said)


def _sheets(turn: Turn, canteens: list[int], said: Utterance) -> Reply:
    """Counts, the delivery list, the kitchen sheet, the complaints, or what can be asked; a
    question leaving out its meal or dish leans on the one before (明天中午的呢)."""
    kind = staff_topic.kind_of(said.text, said, DELIVERY, KITCHEN)
    first = _passed_on_or_stop(turn, canteens, said, kind)
    if first is not None:
        return first
    said, kind = staff_topic.continued(turn, said, kind)
    if kind is None:
        relayed = staff_relay.relayed(turn, said.text, canteens)  # …老爷子反映排骨太硬，给记一下
        if relayed is not None:
            return relayed
        if any(word in said.text for word in FEEDBACK):
            return _feedback(turn, canteens)
        return Reply(say("staff_help", turn.lang))
    canteen_id = canteens[0]
    day, meal = _meal_for(turn, canteen_id, said)
    staff_topic.remember(turn, said, kind, day, meal)
    return _answer_kind(turn, canteen_id, said, kind, day, meal)


def _passed_on_or_stop(
    turn: Turn, canteens: list[int], said: Utterance, kind: str | None
) -> Reply | None:
    """A complaint passed on for an elder (…跟我说昨天送的饭凉了，跟送餐的说说: not a list,
    though it names 送餐), or one stop of the round asked after (丰州路那家呢); else None."""
    if not QUESTION_MARKS.search(said.text):
        relayed = staff_relay.relayed(turn, said.text, canteens)
        if relayed is not None:
            return relayed
    if kind is not None or not staff_topic.AGAIN.search(said.text):
        return None
    day, meal = _meal_for(turn, canteens[0], said)
    if staff_lists.named_stops(said.text, _stops(turn, canteens[0], day, meal)):
        return _delivery(turn, canteens[0], day, meal, said.text)
    return None


def _answer_kind(
    turn: Turn, canteen_id: int, said: Utterance, kind: str, day: date, meal: MealSlot
) -> Reply:
    """The answer to a question of that kind about that meal."""
    if kind == "delivery":
        listed = _delivery(turn, canteen_id, day, meal, said.text)
        also = staff_lists.kind_of(said.text)  # 送的是哪几家，在这吃的是谁: both lists
        if also is None:
            return listed
        other = staff_lists.way_list(turn, canteen_id, day, meal, also)
        return Reply(listed.text + "\n" + other.text)
    if kind in staff_lists.WAYS:
        return staff_lists.way_list(turn, canteen_id, day, meal, kind)
    if kind == "who":  # 鱼都谁订了; no dish (昭乌达路那边是谁跟谁): the round's stops
        dishes = staff_counts.dishes_asked(turn, canteen_id, said, day, meal)
        if dishes:
            return staff_lists.who_ordered(turn, canteen_id, day, meal, dishes)
        if staff_lists.named_stops(said.text, _stops(turn, canteen_id, day, meal)):
            return _delivery(turn, canteen_id, day, meal, said.text)
        ways = [staff_lists.way_list(turn, canteen_id, day, meal, w) for w in staff_lists.ALL_WAYS]
        return Reply("\n".join(w.text for w in ways))  # 今天中午都谁订饭了: every way
    if kind == "kitchen":
        return _kitchen(turn, canteen_id, day, meal)
    return staff_counts.answer(turn, canteen_id, said, day, meal)


def menu_file(turn: Turn, filename: str, data: bytes) -> Reply:
    """Check a menu file and preview it; it is published only after a yes."""
    if turn.kind != "staff":
        return Reply(say("staff_only", turn.lang))
    canteens = _canteens(turn)
    try:
        parsed = parse_menu_bytes(data, filename, today=turn.today)
    except MenuFileError as refused:
        return _problems(turn, refused)
    _own_canteen(turn, parsed, canteens)
    turn.state.menu_file = _pending(filename, data)
    turn.state.ask(Awaiting.PUBLISH)
    days = sorted(m.date for m in parsed.menus)
    preview = say(
        "menu_preview",
        turn.lang,
        canteen=parsed.canteen.name or parsed.canteen.code,
        dishes=len(parsed.dishes),
        menus=len(parsed.menus),
        first=date_words(days[0], turn.lang) if days else "",
        last=date_words(days[-1], turn.lang) if days else "",
    )
    return Reply(preview, choices(PUBLISH, turn.lang), inline=True)


def _problems(turn: Turn, refused: MenuFileError) -> Reply:
    """What is wrong with a file, numbered, in the staff member's language: the first
    ``MAX_PROBLEMS`` of them (a chat message is read on a phone), and how many there are."""
    shown = refused.lines(turn.lang, MAX_PROBLEMS)
    text = "\n" + "\n".join(f"{n}. {line}" for n, line in enumerate(shown, 1))
    return Reply(say("menu_file_problems", turn.lang, count=len(refused.problems), problems=text))


def _publish(turn: Turn, pending: dict[str, str], canteens: list[int]) -> Reply:
    """Store the previewed file; what the stored orders forbid (a cap below what is ordered, a
    dish with orders left out) is listed as the file's problems were."""
    try:
        parsed = parse_menu_bytes(_pending_bytes(pending), pending["name"], today=turn.today)
        _own_canteen(turn, parsed, canteens)
        with unit_of_work(turn.store.factory) as session:
            summary = import_menu_file(session, parsed, pending["name"])
    except MenuFileError as refused:
        return _problems(turn, refused)
    turn.store.refresh_names()
    return Reply(say("menu_published", turn.lang, **vars(summary)))


def _pending(filename: str, data: bytes) -> dict[str, str]:
    """A previewed file as the conversation state keeps it (JSON): a text file as its text,
    readable where the state is stored; a workbook, which is binary, in base64."""
    if is_xlsx(filename):
        return {"name": filename, "base64": base64.b64encode(data).decode("ascii")}
    return {"name": filename, "text": data.decode("utf-8-sig")}


def _pending_bytes(pending: dict[str, str]) -> bytes:
    """The bytes of a previewed file, checked again when staff say 发布."""
    if "base64" in pending:
        return base64.b64decode(pending["base64"])
    return pending["text"].encode()


def _own_canteen(turn: Turn, parsed: MenuFile, canteens: list[int]) -> None:
    """A file may only be about a canteen the sender works for."""
    with read_only(turn.store.factory) as session:
        canteen = session.query(Canteen).filter_by(code=parsed.canteen.code).one_or_none()
        staff = Who(Actor.STAFF, canteens=frozenset(canteens))
        check(staff, Act.PUBLISH, About(canteen_id=canteen.id if canteen else None))


def _canteens(turn: Turn) -> list[int]:
    with read_only(turn.store.factory) as session:
        canteens = staff_canteens(session, turn.person_id)
    if not canteens:
        raise DomainError("not_staff")
    return canteens


def _next_meal(
    session: Session, canteen: Canteen, now: datetime, said: Utterance
) -> tuple[date, MealSlot]:
    """The meal the kitchen is working towards when none is asked about or leaned on
    (``staff_topic.meal_asked`` comes first): the day said's first meal served, else the first
    of today's not yet served."""
    today = local_today(now)
    if said.day is not None and said.day != today:  # 明天的厨房单: that day's first meal served
        served = {menu.meal for menu in load_menus(session, [canteen.id], said.day, None)}
        first = next((s.meal for s in canteen.slots if s.meal in served), None)
        return said.day, MealSlot(first) if first else MealSlot.LUNCH
    clock = now.astimezone(TZ).time()
    for slot in canteen.slots:
        if clock <= parse_hhmm(slot.serve_end):
            return today, MealSlot(slot.meal)
    return today, MealSlot(canteen.slots[-1].meal) if canteen.slots else MealSlot.LUNCH


def _meal_for(turn: Turn, canteen_id: int, said: Utterance) -> tuple[date, MealSlot]:
    """The meal asked about or leaned on, else the one the kitchen is working towards."""
    with read_only(turn.store.factory) as session:
        canteen = session.get(Canteen, canteen_id)
        assert canteen is not None
        asked = staff_topic.meal_asked(session, canteen, said, turn.today, turn.state.menu_read)
        return asked or _next_meal(session, canteen, turn.now, said)


def _sheet(turn: Turn, canteen_id: int, day: date, meal: MealSlot) -> KitchenSheet:
    with read_only(turn.store.factory) as session:
        canteen = session.get(Canteen, canteen_id)
        assert canteen is not None
        return kitchen_sheet(session, canteen, day, meal)


def _kitchen(turn: Turn, canteen_id: int, day: date, meal: MealSlot) -> Reply:
    when, sheet = _when(day, meal, turn), _sheet(turn, canteen_id, day, meal)
    if not sheet.orders:
        return Reply(say("kitchen_none", turn.lang, when=when))
    lang, names = turn.lang, turn.store.names(turn.lang)  # ᠭᠠᠷ ᠮᠢᠬᠠ to a Mongolian cook
    lines = [
        say("kitchen_line", lang, dish=names.get(d, d), qty=q) for d, q in sheet.portions.items()
    ]
    return Reply(
        say("kitchen_intro", lang, when=when)
        + say("comma", lang).join(lines)
        + say("stop", lang).strip()
    )


def _stops(turn: Turn, canteen_id: int, day: date, meal: MealSlot) -> list[DeliveryStop]:
    """The meal's delivery stops, community by community in walking order."""
    sheet = _sheet(turn, canteen_id, day, meal)
    return [stop for group in sheet.delivery.values() for stop in group]


def _delivery(turn: Turn, canteen_id: int, day: date, meal: MealSlot, text: str = "") -> Reply:
    """The meal's delivery list, or its stops that ``text`` names (丰州路那家呢)."""
    when, stops = _when(day, meal, turn), _stops(turn, canteen_id, day, meal)
    stops = staff_lists.named_stops(text, stops) or stops
    if not stops:
        return Reply(say("delivery_none", turn.lang, when=when))
    names = turn.store.names(turn.lang)
    lines = [
        say(
            "delivery_line",
            turn.lang,
            id=s.order_id,
            name=s.elder,
            address=s.address,
            items=say("and", turn.lang).join(f"{names.get(d, d)}×{q}" for d, q in s.dishes.items()),
        )
        for s in stops
    ]
    return Reply(
        say("delivery_intro", turn.lang, when=when, count=len(stops)) + "\n" + "\n".join(lines)
    )


def _mark(turn: Turn, order_id: int, target: OrderStatus) -> Reply:
    """Move an order to ``target`` through the steps between (送到了 on a placed order records
    confirmed, preparing and out_for_delivery on the way), each step checked by the store."""
    with unit_of_work(turn.store.factory) as session:
        order = get_order(session, order_id)
        path = forward_steps(OrderStatus(order.status), target, Fulfillment(order.fulfillment))
        path = path or [target]  # no way there: let the store say why not
        for step in path:
            set_status(
                session, order_id, step, turn.now, actor=Actor.STAFF, actor_id=turn.person_id
            )
        status = order.status
    shown = word("status", status, turn.lang)
    return Reply(say("order_moved", turn.lang, id=order_id, status=shown))


def _feedback(turn: Turn, canteens: list[int]) -> Reply:
    with read_only(turn.store.factory) as session:
        rows = [row for canteen in canteens for row in open_feedback(session, canteen)]
        lines = []
        for row in rows[:10]:
            elder = session.get(Person, row.elder_id)
            lines.append(
                say(
                    "feedback_line",
                    turn.lang,
                    id=row.id,
                    kind=say(row.kind, turn.lang),
                    elder=elder.name if elder else "",
                    text=row.text,
                )
            )
    if not lines:
        return Reply(say("feedback_none", turn.lang))
    return Reply("\n".join(lines))


def _answer(turn: Turn, feedback_id: int, text: str) -> Reply:
    """回复 3 …: the store's one answering service (also the web console's) checks it, queues
    it for the author in their language and writes it to the audit log."""
    with unit_of_work(turn.store.factory) as session:
        answer(session, feedback_id, turn.person_id, text, turn.now)
    return Reply(say("feedback_answered", turn.lang, id=feedback_id))


def _when(day: date, meal: MealSlot, turn: Turn) -> str:
    return when_words(day, meal, turn.today, turn.lang)
