"""Everything the dialogue says, one catalogue per language.

Short sentences, one question at a time, numbers and days as people say them. Mongolian is in
traditional script; a sentence not yet written in Mongolian falls back to Mandarin (the
closing note of the session that wrote this lists which).
"""

from __future__ import annotations

ZH: dict[str, str] = {
    "greet": "您好，{name}！我是助餐小帮手。想订饭就说“我要订餐”，想听菜单就说“今天吃什么”。",
    "help": "您可以说：今天吃什么、我要订餐、我的订单、取消订单。听不清就说“再说一遍”。",
    "menu_intro": "{when}有：",
    "menu_item": "{dish}{price}",
    "menu_flag_good": "{dish}适合您。",
    "menu_flag_bad": "{dish}{why}，您少吃。",
    "menu_none": "{when}还没有菜单。",
    "ask_dish": "您想吃什么？",
    "ask_meal": "是中午，还是晚上？",
    "ask_fulfillment": "送到家、自己去拿，还是在食堂吃？",
    "read_back": "{name}，{when}，{mode}：{items}。原价{price}，补贴{subsidy}{voucher}，卡上扣{card}，还需付{payable}。",
    "ask_confirm": "要订吗？",
    "nothing_to_pay": "零元，不用再付钱",
    "serve_delivery": "{day}{start}到{end}之间送到家。",
    "serve_pickup": "{day}{start}到{end}之间到食堂取餐。",
    "serve_dine_in": "{day}{start}到{end}之间到食堂吃。",
    "read_back_voucher": "，消费券{voucher}",
    "placed": "订好了。{serve}",
    "placed_again": "这一单已经订好了。{serve}",
    "not_placed": "好的，没有下单。",
    "confirm_yes_no": "要订的话请说“要”，不要就说“不要”。",
    "cancel_which": "您要取消{when}的{items}吗？",
    "cancel_done": "取消好了。{refund}",
    "cancel_refund": "卡里的{card}已经退回。",
    "cancel_kept": "好的，订单还在。",
    "no_orders": "您现在没有订单。",
    "orders_intro": "您订了：",
    "order_line": "{when}，{items}，{status}。",
    "thanks": "不客气！",
    "bye": "再见，祝您吃得好！",
    "ok": "好的。",
    "not_understood": "没听明白。您可以说：今天吃什么，或者我要订餐。",
    "choices": "请说数字：1 今天菜单，2 我要订餐，3 我的订单，4 再说一遍。",
    "nothing_to_repeat": "我还没说话呢。您想订饭吗？",
    "refused": "{message}",
    "no_such_dish": "{when}没有{dish}。有：{available}。您想吃哪个？",
    "sold_out": "{dish}卖完了。您换一个菜吧？",
    "closed": "{when}已经不能订了。订下一顿吧，中午还是晚上？",
    "no_menu": "{when}还没有菜单。换一顿吧，中午还是晚上？",
    "past_date": "那天已经过去了。订今天还是明天？",
    "outside_area": "您家不在送餐范围里。自己去拿，还是在食堂吃？",
    "mode_not_offered": "食堂不{mode}。换一种吧？",
    "no_address": "您还没有登记地址，没法送。自己去拿，还是在食堂吃？",
    "too_spicy": "偏辣",
    "salty": "偏咸",
    "sweet": "偏甜",
    "fatty": "偏油",
    "hard": "偏硬",
    "purine": "嘌呤高",
}

MN: dict[str, str] = {
    "greet": "ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠂ {name}᠃",
    "help": "ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ᠂ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠶ᠎ᠠ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡ ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "ask_dish": "ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ ᠪᠤᠢ᠃",
    "not_placed": "ᠵᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃",
    "thanks": "ᠵᠦᠭᠡᠷ ᠡᠭᠡ᠃",
    "bye": "ᠪᠠᠶᠠᠷᠲᠠᠢ᠃",
    "ok": "ᠵᠠ᠃",
}

CATALOGUES = {"zh": ZH, "mn": MN}


def say(key: str, lang: str = "zh", **params: object) -> str:
    """The sentence ``key`` in ``lang`` (Mandarin where the Mongolian one is not written)."""
    template = CATALOGUES.get(lang, ZH).get(key) or ZH[key]
    return template.format(**params)
