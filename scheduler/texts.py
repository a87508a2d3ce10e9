"""Every sentence the scheduler sends, in Mandarin and Mongolian (traditional script).

Why here and short: elders hear these read aloud or read them on a small screen, so each is one
or two short sentences that say the day and the meal the way people say them (明天中午, 十二块钱),
ending with what to do. A person gets their own language (``Person.lang``); a sentence missing
in a language falls back to Mandarin. Staff sheets are numbers and names, Mandarin by default.
"""

from __future__ import annotations

from datetime import date

from menus.spoken import spoken_yuan as _spoken_yuan

ZH: dict[str, str] = {
    "reminder": "{day}{meal}的饭还没订，要订吗？",
    "reminder_yes": "要订",
    "reminder_no": "不用了",
    "placed_family": "{elder}{day}{meal}的饭订好了：{dishes}。还要付{payable}。",
    "placed_family_paid": "{elder}{day}{meal}的饭订好了：{dishes}。钱已经付好了。",
    "on_the_way_elder": "您{day}{meal}的饭出发了，马上送到。",
    "on_the_way_family": "{elder}{day}{meal}的饭出发了，马上送到。",
    "ready_elder": "您{day}{meal}的饭做好了，请到{canteen}来取。",
    "ready_elder_dine_in": "您{day}{meal}的饭做好了，请到{canteen}来吃。",
    "ready_family": "{elder}{day}{meal}的饭做好了，可以去{canteen}取了。",
    "completed_family_delivery": "{elder}{day}{meal}的饭送到了。",
    "completed_family_pickup": "{elder}{day}{meal}的饭取走了。",
    "completed_family_dine_in": "{elder}{day}{meal}在食堂吃上了。",
    "cancelled_by_canteen": "对不起，食堂取消了{day}{meal}的饭：{reason}。钱都退回去了。",
    "missed_family": "{elder}{day}{meal}的饭没有取。请您打个电话问问老人好不好。",
    "missed_community": "{elder}（{community}）{day}{meal}的饭没有取，请上门看看老人。",
    "no_order_family": "{elder}平时常订饭，{day}{meal}还没订。请您打个电话问问。",
    "no_order_community": "{elder}（{community}）平时常订饭，{day}{meal}还没订，请上门看看。",
    "cutoff_staff": "{day}{meal}的订单截止了，一共{orders}单。\n{sheet}",
    "menu_missing_staff": "下个星期（{monday}起）的菜单还没发布，请尽快发布，老人们好订饭。",
    "monthly_staff": "{month}的服务情况：送出{meals}份饭，补贴{subsidy}，取消{cancelled}单，没取{missed}单。",
    "after_meal": "昨天{meal}的饭菜怎么样？请打个分，一分到五分，五分最好。",
    "rating_thanks": "谢谢您，我们记下了。",
    "paid_nothing": "不用再付钱",
    "no_community": "社区未登记",
    "standing_placed": "长期订单：{day}{meal}的饭订好了，{dishes}。",
    "standing_refused": "长期订单：{elder}{day}{meal}的饭没订上，{reason}",
}

MN: dict[str, str] = {
    "reminder": "{day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠬᠠᠷᠠᠬᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠤᠤ?",
    "reminder_yes": "ᠵᠠᠬᠢᠶᠠᠯᠠᠨ᠎ᠠ",
    "reminder_no": "ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ",
    "placed_family": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: {dishes}᠃ {payable} ᠲᠥᠯᠥᠨ᠎ᠡ᠃",
    "placed_family_paid": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: {dishes}᠃ ᠮᠥᠩᠭᠥ ᠲᠥᠯᠦᠭᠰᠡᠨ᠃",
    "on_the_way_elder": "{day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠭᠠᠷᠴᠠᠢ᠂ ᠤᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠨ᠎ᠡ᠃",
    "on_the_way_family": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠭᠠᠷᠴᠠᠢ᠂ ᠤᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠨ᠎ᠡ᠃",
    "ready_elder": "{day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ {canteen} ᠳᠤ ᠢᠷᠡᠵᠦ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃",
    "ready_elder_dine_in": "{day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ {canteen} ᠳᠤ ᠢᠷᠡᠵᠦ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃",
    "ready_family": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ {canteen} ᠳᠤ ᠠᠪᠴᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃",
    "completed_family_delivery": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠪᠡ᠃",
    "completed_family_pickup": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠪᠠ᠃",
    "completed_family_dine_in": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠢᠳᠡᠪᠡ᠃",
    "cancelled_by_canteen": "ᠠᠭᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠭᠠᠵᠠᠷ {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢ ᠴᠤᠴᠠᠯᠠᠪᠠ: {reason}᠃ ᠮᠥᠩᠭᠥ ᠪᠤᠴᠠᠪᠠ᠃",
    "missed_family": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠠᠰᠠᠭᠤᠭᠠᠷᠠᠢ᠃",
    "missed_community": "{elder} ({community}) {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠣᠴᠢᠵᠤ ᠦᠵᠡᠭᠡᠷᠡᠢ᠃",
    "no_order_family": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠠᠰᠠᠭᠤᠭᠠᠷᠠᠢ᠃",
    "no_order_community": "{elder} ({community}) {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠣᠴᠢᠵᠤ ᠦᠵᠡᠭᠡᠷᠡᠢ᠃",
    "cutoff_staff": "{day} {meal} ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠠᠭᠠᠭᠳᠠᠪᠠ: {orders}᠃\n{sheet}",
    "menu_missing_staff": "ᠢᠷᠡᠬᠦ ᠳᠣᠯᠣᠭ᠎ᠠ ᠬᠣᠨᠣᠭ ({monday}) ᠤᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠴᠡᠰᠡ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ᠃",
    "monthly_staff": "{month}: ᠬᠣᠭᠣᠯᠠ {meals}᠂ ᠲᠡᠳᠭᠦᠯᠭᠡ {subsidy}᠂ ᠴᠤᠴᠠᠯᠠᠭᠰᠠᠨ {cancelled}᠂ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ {missed}᠃",
    "after_meal": "ᠥᠴᠢᠭᠡᠳᠦᠷ ᠦᠨ {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠠᠮᠠᠷ ᠪᠠᠶᠢᠪᠠ? 1-5 ᠭᠡᠵᠦ ᠦᠨᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "rating_thanks": "ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃",
    "paid_nothing": "ᠮᠥᠩᠭᠥ ᠲᠥᠯᠥᠬᠦ ᠦᠭᠡᠢ",
    "no_community": "-",
    "standing_placed": "{day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: {dishes}᠃",
    "standing_refused": "{elder} {day} {meal} ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ: {reason}",
}

CATALOGUES = {"zh": ZH, "mn": MN}

MEALS = {
    "zh": {"breakfast": "早上", "lunch": "中午", "dinner": "晚上"},
    "mn": {"breakfast": "ᠡᠷᠲᠡ", "lunch": "ᠦᠳᠡ", "dinner": "ᠣᠷᠣᠢ"},
}

DAYS = {
    "zh": {-1: "昨天", 0: "今天", 1: "明天", 2: "后天"},
    "mn": {-1: "ᠥᠴᠢᠭᠡᠳᠦᠷ", 0: "ᠥᠨᠥᠳᠥᠷ", 1: "ᠮᠠᠷᠭᠠᠰᠢ", 2: "ᠨᠥᠭᠦᠭᠡᠳᠦᠷ"},
}


def say(lang: str, key: str, **params: object) -> str:
    """The sentence ``key`` in ``lang`` (Mandarin if that language lacks it), blanks filled."""
    catalogue = CATALOGUES.get(lang, ZH)
    return catalogue.get(key, ZH[key]).format(**params)


def meal_word(lang: str, meal: str) -> str:
    """中午 for lunch: the part of the day, as people name a meal."""
    return MEALS.get(lang, MEALS["zh"]).get(meal, meal)


def day_word(lang: str, day: date, today: date) -> str:
    """今天/明天/后天/昨天, or 12月3号 further away (digits for Mongolian)."""
    words = DAYS.get(lang, DAYS["zh"])
    offset = (day - today).days
    if offset in words:
        return words[offset]
    if lang == "mn":
        return f"{day.month}/{day.day}"
    return f"{day.month}月{day.day}号"


def spoken_yuan(fen: int, lang: str = "zh") -> str:
    """Money as said aloud: 1200 → 十二块钱, 1250 → 十二块五, 50 → 五毛 (Mongolian: 12.5 ᠶᠤᠸᠠᠨ)."""
    if lang == "mn":
        return f"{fen / 100:g} ᠶᠤᠸᠠᠨ"
    if fen <= 0:
        return "零块钱"
    return _spoken_yuan(fen)
