"""The fixed phrases the dialogue listens for before the NLU, by what they do.

These are vocabulary, not sentences: what people say (in Mandarin, traditional Mongolian and
Cyrillic), matched on the cleaned, folded text. What the bot says, button labels included,
lives in the catalogue (``menus.catalogue``); a button's label is what it sends back, so the
agree buttons' labels are among the phrases here (tests/menus/test_catalogue.py).
"""

from __future__ import annotations

SAY_MONGOLIAN = frozenset(
    {"说蒙古语", "蒙古语", "蒙语", "说蒙语", "ᠮᠣᠩᠭᠣᠯ", "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ", "монгол", "монгол хэл"}
)
SAY_MANDARIN = frozenset(
    {"说汉语", "汉语", "说中文", "中文", "普通话", "ᠬᠢᠲᠠᠳ", "ᠬᠢᠲᠠᠳ ᠬᠡᠯᠡ", "хятад", "хятад хэл"}
)
ASK_LINK_CODE = frozenset(
    {
        "绑定家人",
        "我要绑定家人",
        "家人码",
        "要家人码",
        "我要家人码",
        "给我家人码",
        "绑定码",
        "我要绑定码",
        "ᠭᠡᠷ ᠪᠦᠯᠢ",
        "гэр бүл",
    }
)
ACKNOWLEDGE = frozenset({"收到", "收到了", "好的收到", "马上到", "马上去", "我这就去", "马上过去"})
"""A staff member's answer to an emergency alert."""
COMPLAINT_ONLY = frozenset(
    {"投诉", "我要投诉", "我想投诉", "要投诉", "我有意见", "提意见", "我要提意见", "我有投诉"}
)
"""A complaint said with nothing about what went wrong: the dialogue asks what it was."""
AGREE = frozenset({"同意", "我同意", "可以", "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ", "зөвшөөрнө"})
VOICE_OFF = frozenset(
    {"不要语音", "别说话了", "不要声音", "只要文字", "关掉语音", "ᠳᠠᠭᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ", "дуу хэрэггүй"}
)
VOICE_ON = frozenset({"要语音", "说给我听", "要声音", "打开语音", "ᠳᠠᠭᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ", "дуу хэрэгтэй"})
HOME = frozenset(
    {"家", "家里", "在家", "到家", "我家", "俺家", "家里头", "在家吃", "家里吃",
     "гэр", "гэрт", "гэртээ", "гэрт нь", "ᠭᠡᠷ", "ᠭᠡᠷ ᠲᠦ", "ᠭᠡᠷᠲᠦ", "ᠭᠡᠷ ᠲᠡᠭᠡᠨ"}
)  # fmt: skip
"""Home, said alone to 送到家、自己去拿，还是在食堂吃？: brought home (delivery)."""
DISAGREE = frozenset({"不同意", "不行", "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ", "зөвшөөрөхгүй"})

SPEECH_WISHES: dict[str, tuple[str, ...]] = {
    "slower": (r"(说|讲)?慢(一)?点", r"太快了?", r"说得?太快", r"удаан ярь", r"удаан хэл",
               r"ᠤᠳᠠᠭᠠᠨ ᠬᠡᠯᠡ", r"ᠤᠳᠠᠭᠠᠨ ᠶᠠᠷᠢ"),
    "faster": (r"(说|讲)快(一)?点", r"快(一)?点(说|讲)", r"说得?太慢", r"хурдан ярь",
               r"ᠬᠤᠷᠳᠤᠨ ᠬᠡᠯᠡ"),
    "louder": (r"大(一)?点(儿)?声", r"大声(一)?点", r"声音?大(一)?点", r"听不见", r"声音太小",
               r"чанга ярь", r"чангаар", r"ᠴᠢᠩᠭ᠎ᠠ"),
    "shorter": (r"(说|讲)?短(一)?点", r"太长了?", r"记不住", r"简单(一)?点", r"(说|讲)?简短",
                r"товч", r"богино", r"ᠲᠣᠪᠴᠢ", r"ᠪᠣᠭᠣᠨᠢ"),
    "longer": (r"(说|讲)?(详细|仔细|全)(一)?点", r"дэлгэрэнгүй", r"ᠳᠡᠯᠭᠡᠷᠡᠩᠭᠦᠢ"),
}  # fmt: skip
"""How a person asks the bot to speak (slower, faster, louder, shorter, in full): patterns
heard in a short utterance; the wish is kept for them (``menus.settings``)."""

YES_AMONG_WORDS = (
    r"(^|[，,。！!\s]|说|那就|就|嗯|哦|噢|呃|啊)"
    r"(对|行|好|可以|中|成|就这样|就这么(定|办|着)|没问题|订吧|订上|确认|确定|[oO][kK]|是(?=$|[的啊呀，,。！!\s]))"
)
"""A yes among other words, or passed on for the elder (她说对，就这样，辛苦您了 / 对，大姐说好):
heard at a read-back when the NLU hears no intent in it."""
NO_AMONG_WORDS = r"不|别|没|算了|取消|等等|等一下|再想想|吗|[？?]|一下|问问"
"""What turns such a yes round (不对, 别订, 算了): then it is no yes."""
CHECK_TAG_WORDS = r"(对吧|是吧|对不对|是不是|没错吧|对吗|是吗|行吧|行吗)$"
"""What ends a check of one's own order (…米饭一碗，对吧？) before the answer to the read-back:
after it, the yes or no heard is what follows."""
