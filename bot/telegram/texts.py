"""Everything the Telegram channel says, one catalogue per language.

Why a catalogue: an elder must get every sentence in one language, short and plain; keeping them
here lets a translator check them all at once. Mongolian is in traditional script (U+1800–U+18AF).
The dialogue's own sentences live in ``bot.replies``.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    "ask_lang": "您好！我是助餐小帮手。请选语言。",
    "ask_name": "请问您叫什么名字？",
    "ask_phone": "请按下面的“发送我的电话”按钮。",
    "phone_button": "发送我的电话",
    "press_contact": "请按下面的按钮发送您自己的电话，不用打字。",
    "not_own_contact": "这是别人的电话。请按按钮发送您自己的电话。",
    "ask_address": "请说您家的地址，比如：新华东街社区3号楼2单元102室。",
    "name_empty": "名字不能是空的。请再说一遍您的名字。",
    "address_empty": "地址不能是空的。请再说一遍您家的地址。",
    "registered": "登记好了，{name}！想订饭就按“我要订餐”。",
    "welcome_back": "找到您了，{name}！想订饭就按“我要订餐”。",
    "already_registered": "您已经登记过了，{name}。想订饭就按“我要订餐”。",
    "staff_ask_phone": "工作人员登记：请按下面的按钮发送您的电话。",
    "staff_linked": "{name}，您已作为工作人员登录。发菜单文件（YAML 或 CSV）给我就能发布菜单。",
    "staff_refused": "对不起，这个电话不是食堂工作人员的电话。请找食堂负责人。",
    "link_usage": "请把老人给您的号码一起发来，比如：/link 123456",
    "link_ask_name": "家属登记：请问您叫什么名字？",
    "link_sent": "收到了。等老人在电话里说“同意”，您就能替老人订饭了。",
    "start_first": "请先按 /start 登记。",
    "help_new": "按 /start 登记后就能订饭。家属按 /link 号码，工作人员按 /staff。",
    "voice_off": "语音还没开通，请打字或者按下面的按钮。",
    "file_unreadable": "这个文件打不开，请再发一次。",
    "error": "出了点问题，请再说一遍。",
    "btn_menu": "今天菜单",
    "btn_order": "我要订餐",
    "btn_orders": "我的订单",
    "btn_repeat": "再说一遍",
}

MN: dict[str, str] = {
    "ask_lang": "ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠃ ᠬᠡᠯᠡ ᠪᠡᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃",
    "ask_name": "ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠬᠡᠨ ᠪᠤᠢ᠃",
    "ask_phone": "ᠳᠣᠣᠷ᠎ᠠ ᠬᠢ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃",
    "phone_button": "ᠤᠲᠠᠰᠤᠨ ᠤ ᠳ᠋ᠤᠭᠠᠷ ᠢᠯᠡᠭᠡᠬᠦ",
    "press_contact": "ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠂ ᠪᠢᠴᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃",
    "not_own_contact": "ᠡᠨᠡ ᠪᠣᠯ ᠪᠤᠰᠤᠳ ᠤᠨ ᠳ᠋ᠤᠭᠠᠷ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃",
    "ask_address": "ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠦᠨ ᠬᠠᠶᠢᠭ ᠶᠠᠭᠤ ᠪᠤᠢ᠃",
    "name_empty": "ᠨᠡᠷ᠎ᠡ ᠪᠡᠨ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "address_empty": "ᠬᠠᠶᠢᠭ ᠢᠶᠠᠨ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "registered": "ᠪᠦᠷᠢᠳᠬᠡᠯ ᠳᠠᠭᠤᠰᠪᠠ᠂ {name}᠃",
    "welcome_back": "ᠲᠠᠨ ᠢ ᠣᠯᠪᠠ᠂ {name}᠃",
    "already_registered": "ᠲᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠲᠡᠢ᠂ {name}᠃",
    "staff_ask_phone": "ᠠᠵᠢᠯᠳᠠᠨ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃",
    "staff_linked": "{name}᠂ ᠲᠠ ᠠᠵᠢᠯᠳᠠᠨ ᠪᠠᠷ ᠣᠷᠣᠪᠠ᠃",
    "staff_refused": "ᠤᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠡᠨᠡ ᠳ᠋ᠤᠭᠠᠷ ᠠᠵᠢᠯᠳᠠᠨ ᠤ ᠪᠢᠰᠢ᠃",
    "link_usage": "/link ᠳ᠋ᠤᠭᠠᠷ ᠭᠡᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃",
    "link_ask_name": "ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠬᠡᠨ ᠪᠤᠢ᠃",
    "link_sent": "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠃ ᠥᠪᠡᠭᠡᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠭᠡᠷᠡᠢ᠃",
    "start_first": "/start ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃",
    "help_new": "/start ᠢ ᠳᠠᠷᠤᠵᠤ ᠪᠦᠷᠢᠳᠬᠡᠭᠦᠯᠦᠭᠡᠷᠡᠢ᠃",
    "voice_off": "ᠳᠠᠭᠤ ᠪᠠᠷ ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃",
    "file_unreadable": "ᠹᠠᠶᠢᠯ ᠢ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃",
    "error": "ᠠᠯᠳᠠᠭ᠎ᠠ ᠭᠠᠷᠪᠠ᠃ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "btn_menu": "ᠥᠨᠦᠳᠦᠷ ᠤᠨ ᠴᠡᠰ",
    "btn_order": "ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ",
    "btn_orders": "ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ",
    "btn_repeat": "ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ",
}

CATALOGUES = {"zh": ZH, "mn": MN}
LANG_CHOICES = {"中文": "zh", "ᠮᠣᠩᠭᠣᠯ": "mn"}
"""The language buttons, each written in its own language so that either reader finds theirs."""
MAIN_ACTIONS = ("btn_menu", "btn_order", "btn_orders", "btn_repeat")


def say(key: str, lang: str = "zh", **params: object) -> str:
    """The sentence ``key`` in ``lang`` with its blanks filled (Mandarin for an unknown lang)."""
    return CATALOGUES.get(lang, ZH)[key].format(**params)


def main_actions(lang: str) -> list[str]:
    """The four big buttons kept under every reply that offers no choices of its own."""
    return [say(key, lang) for key in MAIN_ACTIONS]
