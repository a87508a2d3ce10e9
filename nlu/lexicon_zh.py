"""The Mandarin words the parser listens for, in one place.

Each list is what older people in Inner Mongolia actually say (and what recognisers write for
it); order matters where one phrase contains another: longer phrases come first.
"""

from __future__ import annotations

MEASURE_WORDS = "份碗盘个两笼屉盒杯块根串只碟瓶袋斤条张"

RELATIVE_DAYS: list[tuple[str, int]] = [
    ("大后天", 3), ("大后儿", 3), ("今天", 0), ("今儿个", 0), ("今儿", 0), ("今日", 0),
    ("明天", 1), ("明儿个", 1), ("明儿", 1), ("明日", 1), ("后天", 2), ("后儿个", 2), ("后儿", 2),
    ("前天", -2), ("夜儿个", -1), ("夜儿", -1), ("昨天", -1), ("昨儿个", -1), ("昨儿", -1), ("昨日", -1),
]  # fmt: skip

WEEKDAY_WORDS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
                 "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}  # fmt: skip

MEALS: list[tuple[str, str]] = [
    ("晌午饭", "lunch"), ("后晌饭", "dinner"), ("早饭", "breakfast"), ("早餐", "breakfast"),
    ("早点", "breakfast"), ("早上", "breakfast"), ("早晨", "breakfast"), ("一早", "breakfast"),
    ("午饭", "lunch"), ("午餐", "lunch"), ("中饭", "lunch"), ("中午", "lunch"), ("晌午", "lunch"),
    ("晚饭", "dinner"), ("晚餐", "dinner"), ("晚上", "dinner"), ("后晌", "dinner"),
    ("夜饭", "dinner"), ("黑夜饭", "dinner"), ("黑夜", "dinner"), ("晚晌", "dinner"), ("早起", "breakfast"),
]  # fmt: skip

FULFILLMENT: list[tuple[str, str]] = [
    ("送上门", "delivery"), ("送到家", "delivery"), ("送家里", "delivery"), ("送家去", "delivery"),
    ("送家", "delivery"), ("送回家", "delivery"), ("送我家", "delivery"), ("送俺家", "delivery"),
    ("送过来", "delivery"), ("送过去", "delivery"), ("送到", "delivery"), ("送来", "delivery"),
    ("给送", "delivery"), ("送餐", "delivery"), ("配送", "delivery"), ("外卖", "delivery"),
    ("送一下", "delivery"), ("送吧", "delivery"), ("上门", "delivery"),
    ("在食堂吃", "dine_in"), ("去食堂吃", "dine_in"), ("到食堂吃", "dine_in"), ("食堂吃", "dine_in"),
    ("堂食", "dine_in"), ("过去吃", "dine_in"), ("在那儿吃", "dine_in"), ("在那吃", "dine_in"),
    ("到店吃", "dine_in"), ("在店里吃", "dine_in"), ("坐那吃", "dine_in"),
    ("过去那儿吃", "dine_in"), ("去那儿吃", "dine_in"), ("到那儿吃", "dine_in"),
    ("过去那边吃", "dine_in"), ("去那边吃", "dine_in"), ("在那边吃", "dine_in"),
    ("自己去拿", "pickup"), ("自己去取", "pickup"), ("自己过去拿", "pickup"), ("自己拿", "pickup"),
    ("自己取", "pickup"), ("过去拿", "pickup"), ("过去取", "pickup"), ("去拿", "pickup"),
    ("去取", "pickup"), ("来拿", "pickup"), ("来取", "pickup"), ("自取", "pickup"),
    ("自提", "pickup"), ("打包", "pickup"), ("带走", "pickup"), ("去提", "pickup"),
    ("拿回家", "pickup"), ("带回家", "pickup"), ("拿回去", "pickup"), ("带回去", "pickup"),
    ("自个儿拿", "pickup"), ("自个拿", "pickup"), ("自己来拿", "pickup"), ("去那吃", "dine_in"),
    ("到那吃", "dine_in"),
]  # fmt: skip

BENEFICIARY: list[tuple[str, str]] = [
    ("给我自己", "self"), ("我自己吃", "self"), ("俺自己吃", "self"), ("给俺自己", "self"),
    ("我姥爷", "grandfather"), ("俺姥爷", "grandfather"), ("我姥姥", "grandmother"),
    ("俩老的", "parents"), ("俩老", "parents"), ("两个老的", "parents"), ("老俩口", "parents"),
    ("公公", "other"), ("婆婆", "other"), ("岳母", "other"), ("岳父", "other"), ("丈母娘", "other"),
    ("老丈人", "other"), ("邻居", "other"),
    ("我爸妈", "parents"), ("俺爸妈", "parents"), ("老两口", "parents"), ("我父母", "parents"),
    ("二老", "parents"), ("爸妈", "parents"), ("他们俩", "parents"), ("他俩", "parents"),
    ("她俩", "parents"), ("他们两个", "parents"), ("两个老人", "parents"), ("俩老人", "parents"),
    ("两位老人", "parents"), ("两老", "parents"),
    ("我妈", "mother"), ("俺妈", "mother"), ("我娘", "mother"), ("老娘", "mother"),
    ("我母亲", "mother"), ("老太太", "mother"),
    ("我爸", "father"), ("俺爸", "father"), ("我爹", "father"), ("我父亲", "father"),
    ("老爷子", "father"),
    ("老伴儿", "spouse"), ("老伴", "spouse"), ("老头子", "spouse"), ("老婆子", "spouse"),
    ("我老头", "spouse"), ("我老婆", "spouse"), ("我爱人", "spouse"),
    ("爷爷奶奶", "parents"), ("姥姥姥爷", "parents"), ("爷奶", "parents"), ("爷爷和奶奶", "parents"),
    ("奶奶", "grandmother"), ("姥姥", "grandmother"), ("外婆", "grandmother"),
    ("我奶", "grandmother"), ("俺奶", "grandmother"), ("我姥", "grandmother"),
    ("爷爷", "grandfather"), ("姥爷", "grandfather"), ("外公", "grandfather"),
    ("我爷", "grandfather"), ("俺爷", "grandfather"),
]  # fmt: skip

CONDITIONS: list[tuple[str, str]] = [
    ("糖尿病", "diabetes"), ("血糖高", "diabetes"), ("血糖", "diabetes"), ("控糖", "diabetes"),
    ("高血压", "hypertension"), ("血压高", "hypertension"), ("血压", "hypertension"),
    ("牙口不好", "chewing"), ("牙不好", "chewing"), ("没牙", "chewing"), ("嚼不动", "chewing"),
    ("咬不动", "chewing"), ("假牙", "chewing"), ("牙口", "chewing"), ("牙疼", "chewing"),
    ("痛风", "gout"), ("尿酸高", "gout"), ("尿酸", "gout"),
    ("高血脂", "hyperlipidemia"), ("血脂高", "hyperlipidemia"), ("血脂", "hyperlipidemia"),
    ("肾不好", "kidney"), ("肾病", "kidney"), ("肾", "kidney"),
    ("心脏不好", "heart"), ("心脏病", "heart"), ("冠心病", "heart"),
]  # fmt: skip

TIME_OF_DAY = {"上午": 0, "早上": 0, "早晨": 0, "中午": 12, "下午": 12, "后晌": 12,
               "晚上": 12, "傍晚": 12, "夜里": 12}  # fmt: skip

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎"
    "易常武乔贺赖龚文包乌巴其"
)
"""Common surnames: 刘奶奶, 王大爷 are neighbours (other), not the speaker's grandparents."""
TITLES = (
    "奶奶",
    "大爷",
    "大妈",
    "大娘",
    "爷爷",
    "阿姨",
    "大叔",
    "婶子",
    "老太太",
    "老爷子",
    "老师傅",
)
"""What an elder is called with a surname before it (张大爷, 李奶奶)."""

FILLERS = ("那个", "就是", "嗯", "啊", "呃", "哎", "唉", "这个", "然后", "那啥", "咋说呢")
COURTESIES = (
    "谢谢", "谢谢您", "谢谢你", "谢谢啦", "多谢", "感谢", "麻烦您了", "麻烦你了", "麻烦了", "辛苦了",
    "辛苦您了", "辛苦你了", "费心了", "谢了", "太感谢了", "好的",
)  # fmt: skip
"""Courtesies said after an answer (对，麻烦您了 / 是的，谢谢您): the answer is what counts."""
POLITE = ("麻烦你", "麻烦", "劳驾", "请", "你好")
"""Courtesies said before a request (劳驾, 麻烦你): they carry no intent of their own there."""

# Intent cues: (phrase, intent, weight). The strongest cue wins; entities break ties later.
INTENT_CUES: list[tuple[str, str, float]] = [
    # repeat and help first: they must always work
    ("再说一遍", "repeat", 3), ("再说一次", "repeat", 3), ("再说一下", "repeat", 3),
    ("再讲一遍", "repeat", 3), ("再念一遍", "repeat", 3), ("重说", "repeat", 2),
    ("没听清", "repeat", 3), ("没听见", "repeat", 3), ("没听懂", "repeat", 2.5),
    ("听不清", "repeat", 3), ("你说啥", "repeat", 3), ("你说什么", "repeat", 3),
    ("说的啥", "repeat", 2.5), ("啥玩意", "repeat", 1.5), ("重复一下", "repeat", 3),
    ("重复一遍", "repeat", 3), ("大点声", "repeat", 2.5), ("慢点说", "repeat", 2.5),
    ("怎么用", "help", 3), ("咋用", "help", 3), ("咋弄", "help", 2.5), ("怎么弄", "help", 2.5),
    ("不会用", "help", 3), ("不会弄", "help", 3), ("不会操作", "help", 3), ("怎么操作", "help", 3),
    ("能干啥", "help", 3), ("能干什么", "help", 3), ("能做什么", "help", 3), ("教教我", "help", 3),
    ("帮帮我", "help", 2.5), ("帮助", "help", 2), ("有什么功能", "help", 3), ("咋整", "help", 2),
    ("怎么订", "help", 2), ("咋订", "help", 2), ("不懂", "help", 1.5), ("看不懂", "help", 2.5),
    # greetings and closings
    ("你好", "greet", 2), ("您好", "greet", 2), ("早上好", "greet", 2.5), ("晚上好", "greet", 2.5),
    ("中午好", "greet", 2.5), ("下午好", "greet", 2.5), ("哈喽", "greet", 2), ("在吗", "greet", 2),
    ("在不在", "greet", 2), ("喂", "greet", 1.2), ("有人吗", "greet", 2),
    ("再见", "goodbye", 3), ("拜拜", "goodbye", 3), ("回头见", "goodbye", 3), ("挂了", "goodbye", 2.5),
    ("没事了", "goodbye", 2.2), ("先这样", "goodbye", 2.2), ("就这些了", "goodbye", 1.2),
    ("明天见", "goodbye", 2.5), ("下次再说", "goodbye", 2.2),
    ("谢谢", "thank", 3), ("多谢", "thank", 3), ("感谢", "thank", 2.6), ("辛苦了", "thank", 2.6),
    ("麻烦你了", "thank", 2.6), ("谢了", "thank", 3), ("太感谢", "thank", 3),
    # orders: cancel, change, check
    ("取消", "cancel_order", 3), ("退掉", "cancel_order", 2.6), ("退了", "cancel_order", 2.4),
    ("退订", "cancel_order", 3), ("不订了", "cancel_order", 3), ("别送了", "cancel_order", 3),
    ("不要送了", "cancel_order", 3), ("撤销", "cancel_order", 3), ("撤了", "cancel_order", 2.6),
    ("不吃了", "cancel_order", 2.2), ("别做了", "cancel_order", 3), ("不用送了", "cancel_order", 3),
    ("改成", "change_order", 3), ("改为", "change_order", 3), ("换成", "change_order", 3),
    ("换一个", "change_order", 2.5), ("换个", "change_order", 2.2), ("改到", "change_order", 3),
    ("改一下", "change_order", 2.6), ("改改", "change_order", 2.4), ("再加", "change_order", 2.6),
    ("多加", "change_order", 2.6), ("加一份", "change_order", 2.6), ("少要", "change_order", 2.6),
    ("减一份", "change_order", 2.6), ("少一份", "change_order", 2.6), ("改天", "change_order", 2),
    ("挪到", "change_order", 2.6), ("换到", "change_order", 2.6), ("改订", "change_order", 3),
    ("去掉", "change_order", 2.3), ("拿掉", "change_order", 2.3), ("划掉", "change_order", 2.3),
    ("订了啥", "check_order", 3), ("订了什么", "check_order", 3), ("订的啥", "check_order", 3),
    ("订的什么", "check_order", 3), ("我的订单", "check_order", 2.4), ("订单", "check_order", 1.4),
    ("到哪了", "check_order", 3), ("到哪儿了", "check_order", 3), ("送到哪", "check_order", 3),
    ("什么时候到", "check_order", 3), ("啥时候到", "check_order", 3), ("几点到", "check_order", 3),
    ("几点送", "check_order", 2.8), ("送到了吗", "check_order", 3), ("还没到", "check_order", 2.4),
    ("还没送", "check_order", 2.4), ("订上了吗", "check_order", 3), ("订好了吗", "check_order", 3),
    ("订上没", "check_order", 3), ("订了没", "check_order", 3), ("查一下", "check_order", 1.8),
    ("查查", "check_order", 1.8), ("订没订", "check_order", 3), ("到了没", "check_order", 3),
    ("送了没", "check_order", 3), ("啥时候送", "check_order", 2.8), ("什么时候送", "check_order", 2.8),
    ("点了啥", "check_order", 3), ("定了啥", "check_order", 3), ("订的是", "check_order", 2.4),
    # money
    ("余额", "check_balance", 3), ("还有多少钱", "check_balance", 3), ("还剩多少钱", "check_balance", 3),
    ("剩多少钱", "check_balance", 3), ("卡里", "check_balance", 2.5), ("卡上", "check_balance", 2.5),
    ("孝心卡", "check_balance", 2.6), ("爱心卡", "check_balance", 2.6), ("还剩多少", "check_balance", 2),
    ("多少钱", "ask_price", 2.5), ("几块钱", "ask_price", 2.5), ("几块", "ask_price", 1.5),
    ("啥价", "ask_price", 2.5), ("什么价", "ask_price", 2.5), ("价钱", "ask_price", 2.5),
    ("价格", "ask_price", 2.5), ("贵不贵", "ask_price", 2.5), ("要付多少", "ask_price", 2.8),
    ("付多少", "ask_price", 2.6), ("花多少", "ask_price", 2.6), ("多钱", "ask_price", 2.5),
    ("收多少", "ask_price", 2.6), ("补贴多少", "ask_price", 2.6), ("补多少", "ask_price", 2.4),
    ("贵吗", "ask_price", 2.5), ("便宜", "ask_price", 1.6),
    # food and health
    ("适合", "ask_nutrition", 2.6), ("能吃吗", "ask_nutrition", 2.8), ("能不能吃", "ask_nutrition", 2.8),
    ("可以吃吗", "ask_nutrition", 2.8), ("能吃啥", "ask_nutrition", 2.8), ("能吃什么", "ask_nutrition", 2.8),
    ("吃啥好", "ask_nutrition", 2.8), ("吃什么好", "ask_nutrition", 2.8), ("咸不咸", "ask_nutrition", 2.8),
    ("油不油", "ask_nutrition", 2.8), ("甜不甜", "ask_nutrition", 2.8), ("辣不辣", "ask_nutrition", 2.6),
    ("热量", "ask_nutrition", 2.8), ("营养", "ask_nutrition", 2.6), ("卡路里", "ask_nutrition", 2.8),
    ("清淡", "ask_nutrition", 2.2), ("少盐", "ask_nutrition", 2.2), ("软乎", "ask_nutrition", 2),
    ("软和", "ask_nutrition", 2), ("烂糊", "ask_nutrition", 2), ("好嚼", "ask_nutrition", 2.4),
    ("嚼得动", "ask_nutrition", 2.6), ("健康", "ask_nutrition", 2), ("含糖", "ask_nutrition", 2.6),
    ("多少盐", "ask_nutrition", 2.8), ("吃了好", "ask_nutrition", 2.4), ("忌口", "ask_nutrition", 2.6),
    ("推荐", "ask_nutrition", 1.6), ("蛋白质", "ask_nutrition", 2.6), ("太油了吗", "ask_nutrition", 2.8),
    # reminders
    ("提醒", "set_reminder", 3), ("叫我一声", "set_reminder", 2.8), ("喊我", "set_reminder", 2.6),
    ("叫我", "set_reminder", 2.2), ("闹钟", "set_reminder", 2.8), ("到点", "set_reminder", 2.2),
    ("告诉我一声", "set_reminder", 2.2), ("记得叫", "set_reminder", 2.8),
    # complaints and praise
    ("太咸", "complain", 3), ("齁咸", "complain", 3), ("太淡", "complain", 3), ("太油", "complain", 3),
    ("太辣", "complain", 3), ("太硬", "complain", 3), ("凉了", "complain", 2.8), ("冰凉", "complain", 2.8),
    ("冷了", "complain", 2.6), ("送晚了", "complain", 3), ("太晚了", "complain", 2.8),
    ("晚了一个", "complain", 2.8), ("迟到", "complain", 2.6), ("不好吃", "complain", 3),
    ("难吃", "complain", 3), ("太少", "complain", 2.8), ("量少", "complain", 2.8), ("不够吃", "complain", 2.8),
    ("不新鲜", "complain", 3), ("馊了", "complain", 3), ("坏了", "complain", 2.4), ("态度", "complain", 2.4),
    ("投诉", "complain", 3), ("有头发", "complain", 3), ("拉肚子", "complain", 3), ("不满意", "complain", 3),
    ("送错", "complain", 3), ("少送", "complain", 3), ("洒了", "complain", 3), ("没熟", "complain", 3),
    ("生的", "complain", 2.2), ("咬不动", "complain", 1.5), ("太慢", "complain", 2.8), ("差劲", "complain", 3),
    ("好吃", "feedback", 2.4), ("不错", "feedback", 2.4), ("挺好", "feedback", 2.4), ("满意", "feedback", 2.4),
    ("五星", "feedback", 3), ("四星", "feedback", 3), ("三星", "feedback", 3), ("两星", "feedback", 3),
    ("一星", "feedback", 3), ("五颗星", "feedback", 3), ("点赞", "feedback", 3), ("表扬", "feedback", 3),
    ("还行", "feedback", 2.2), ("好评", "feedback", 3), ("打分", "feedback", 2.8), ("香", "feedback", 1.4),
    ("可口", "feedback", 2.6), ("合口味", "feedback", 2.6), ("味道好", "feedback", 2.8), ("很好", "feedback", 2),
    ("真好", "feedback", 2), ("不赖", "feedback", 2.6), ("给个好评", "feedback", 3), ("分", "feedback", 0.6),
    # menu and ordering
    ("菜单", "ask_menu", 2.6), ("吃什么", "ask_menu", 2.4), ("吃啥", "ask_menu", 2.4),
    ("有什么菜", "ask_menu", 2.8), ("有啥菜", "ask_menu", 2.8), ("有什么吃的", "ask_menu", 2.8),
    ("有啥吃的", "ask_menu", 2.8), ("什么饭", "ask_menu", 2.4), ("啥饭", "ask_menu", 2.4),
    ("做的什么", "ask_menu", 2.6), ("做的啥", "ask_menu", 2.6), ("做啥", "ask_menu", 2.2),
    ("都有啥", "ask_menu", 2.6), ("都有什么", "ask_menu", 2.6), ("有什么", "ask_menu", 1.6),
    ("有啥", "ask_menu", 1.6), ("有没有", "ask_menu", 2.5), ("啥菜", "ask_menu", 2.4),
    ("什么菜", "ask_menu", 2.4), ("念念", "ask_menu", 2), ("报一下", "ask_menu", 2),
    ("订", "order_meal", 1.4), ("要", "order_meal", 0.8), ("来", "order_meal", 0.6),
    ("点", "order_meal", 0.5), ("买", "order_meal", 1.0), ("想吃", "order_meal", 1.6),
    ("订餐", "order_meal", 2.4), ("订饭", "order_meal", 2.4), ("订一份", "order_meal", 2.4),
    ("预订", "order_meal", 2.4), ("帮我订", "order_meal", 2.6), ("给我订", "order_meal", 2.6),
    ("订个", "order_meal", 2.2), ("订份", "order_meal", 2.2), ("订点", "order_meal", 2.2),
]  # fmt: skip
INTENT_CUES += [
    (f"{cue[:-1]}咧", intent, weight) for cue, intent, weight in INTENT_CUES if cue.endswith("了")
]
"""Shanxi and Inner Mongolia say 了 as 咧 (不订咧, 送晚咧): the same cue."""

AFFIRM_WORDS = (
    "对", "是", "是的", "是啊", "好", "好的", "好啊", "好嘞", "行", "行啊", "行吧", "中", "中中",
    "可以", "可以的", "嗯", "嗯嗯", "嗯呐", "没错", "对的", "对对", "对对对", "要", "要的", "确定",
    "确认", "没问题", "就这样", "就这样吧", "成", "得嘞", "妥", "好吧", "对头", "是这样", "ok", "好滴",
    "那就这样", "就它了", "就这个", "可以啊", "行行行", "好好好", "下单", "订吧", "就订这个",
    "是嘞", "对着嘞", "行嘞", "中嘞", "妥了", "没毛病", "就这么着", "就这么办", "okay", "yes", "嗯呢",
    "对对的", "没错儿", "好好", "可以可以", "确认下单", "就这么定了", "要得",
)  # fmt: skip
DENY_WORDS = (
    "不", "不对", "不是", "不要", "不用", "不用了", "算了", "别", "没有", "不行", "错了", "不了",
    "先不", "先不要", "不需要", "不要了", "算了吧", "不订", "不想", "不必了", "别了", "拉倒吧",
    "不是这个", "不对不对", "no", "不不不", "不用不用", "甭了", "甭", "不中",
    "不是嘞", "不对嘞", "说错了", "听错了", "听岔了", "弄错了", "搞错了", "错啦", "木有", "没有没有",
    "不用了不用了", "不不", "不要不要", "拉倒", "不咧",
)  # fmt: skip

# Sentence shapes that ask or tell something, whatever the words in between.
INTENT_PATTERNS: list[tuple[str, str, float]] = [
    # the last order again, said as the whole wish (今天晌午还跟昨天一样 / 老样子，送过来);
    # not 饭还跟昨天一样凉 (a complaint)
    (
        r"(老样子|(跟|和|同)(昨天|昨儿个|昨儿|夜儿个|夜儿|夜来|上次|平时|前天|那天)的?一样)(?=$|[，,。.！!吧啊呀\s]|给|送|来|订|要|吧)",
        "order_meal",
        2.4,
    ),
    (r"有.{0,10}(吗|没|没有|不)[？?。!！]*$", "ask_menu", 2.45),
    (r"(还有|有些|有哪些).{0,6}(啥|什么|哪些)", "ask_menu", 2.5),
    (r"(还)?(剩|有)(几|多少)(份|碗|盘)了?[吗呀啊]?[？?。]*$", "ask_menu", 2.9),  # 鱼还剩几份了
    # 手把肉还剩多少？ with no card, voucher or money named: the portions left
    (
        r"^(?!.*(卡|券|钱|余额|补贴|张))(?!还?剩).+剩(几|多少)个?了?[吗呀啊]?[？?。]*$",
        "ask_menu",
        2.9,
    ),
    (r"订.{0,8}(了没|了吗|好了吧|好了吗|上了|成功|了几|几份|几顿)", "check_order", 3.1),
    (r"订(了|的)[^，,。？?]{0,3}(啥|什么|哪些)", "check_order", 3.1),  # 这礼拜都订了些啥饭
    (r"(我|今天|明天).{0,4}订.{0,4}饭了没", "check_order", 3.1),
    (r"(好|做好|送出来|出来|送出去)了?(没|没有|吗)[？?]*$", "check_order", 2.9),
    (r"啥时候能好|什么时候能好|多会儿", "check_order", 2.8),
    (
        r"(咸|甜|油|辣|硬|软|烂|软乎|油大|糖高|嘌呤高|刺多|盐多|热量高)不(咸|甜|油|辣|硬|软|烂|大|高|多)?[？?]*$",
        "ask_nutrition",
        2.7,
    ),
    (r"是不是(挺|太|很|有点)?(咸|甜|油|辣|硬|腻)", "ask_nutrition", 2.7),
    # a fact of one dish asked as A-not-A or with 吗 (鲈鱼有刺没刺, 刺多不多, 羊排烂不烂乎, 硬吗)
    (
        r"(有刺|刺多|软和?|软乎|烂乎?|硬|辣|咸|甜|油大?|腻|好嚼|嚼得动|烫)(没|不)(有刺|刺|多|软|烂|硬|辣"
        r"|咸|甜|油|腻|好嚼|烫|大)",
        "ask_nutrition",
        2.9,
    ),
    (
        r"(有刺|刺多|软和?|软乎|烂乎?|硬|好嚼|嚼得动|辣)(吗|么|不|没|没有)[？?。！!]*$",
        "ask_nutrition",
        2.9,
    ),
    (r"(加|放)(糖|盐|味精)了(没|吗)", "ask_nutrition", 2.7),
    (r"(咋|怎么)卖|(几|多少)块", "ask_price", 2.7),
    (r"加钱|收费|要钱|总共多少|一共多少", "ask_price", 2.7),
    (r"不要了|不要.{1,8}了$", "cancel_order", 2.35),
    (r"退(一下|了吧|掉吧)", "cancel_order", 2.8),
    (r"^(把)?.{1,8}换(成)?.{1,8}$", "change_order", 2.3),
    (r"(再)?加(一|两|俩|个|碗|份|盘).{0,6}", "change_order", 2.5),
    (
        r"夹生|太肥|坨了|凉的|不热乎|有股味|稠成|没几个|不热|发酸|有沙|太烂|糊了|不够味|一股",
        "complain",
        2.8,
    ),
    (r"服务|听不懂|老是错|又错|又晚|等了", "complain", 2.5),
    (r"好喝|地道|味儿正|味道正|真香|做得香|香得很|烂乎|可口|好评|合胃口|有滋味", "feedback", 2.7),
    (r"(咋|怎么|如何)(订|点|说|弄)", "help", 2.9),
    (r"^啥[？?]*$|^什么[？?]*$|^嗯[？?]+$|^啊[？?]+$", "repeat", 3.2),
    # what the service cannot help with: weather, news, songs, jokes, medicine, the time
    (
        r"天气|下雨|下雪|刮风|气温|多少度|新闻|唱.{0,2}歌|放.{0,3}歌|听歌|戏曲|二人台|讲.{0,2}笑话|"
        r"几点了|股票|彩票|吃.{0,2}药|打针|医院|挂号|降压药|血压计|电视|广播|手机.{0,4}(坏|卡)",
        "out_of_scope",
        3.0,
    ),
]

COMMON_WORDS = frozenset(
    [
        "有面",
        "门面",
        "见面",
        "下面",
        "上面",
        "里面",
        "外面",
        "对面",
        "前面",
        "后面",
        "面前",
        "方面",
        "表面",
        "全面",
        "当面",
        "出面",
        "明天",
        "今天",
        "后天",
        "时间",
        "事情",
        "东西",
        "问题",
        "现在",
        "知道",
        "觉得",
        "可以",
        "还是",
        "什么",
        "怎么",
        "这个",
        "那个",
    ]
)
"""Everyday words that sound like a two-character dish name (有面 ~ 莜面) and never are one."""

EXACT_WORDS: dict[str, str] = {
    "hi": "greet", "hello": "greet", "嗨": "greet", "哈喽": "greet", "在吗": "greet",
    "88": "goodbye", "886": "goodbye", "bye": "goodbye", "拜": "goodbye", "拜拜": "goodbye",
    "thx": "thank", "thanks": "thank", "3q": "thank", "谢啦": "thank", "谢谢啦": "thank",
    "多谢啦": "thank", "ok": "affirm", "okay": "affirm", "no": "deny",
}  # fmt: skip
"""Whole messages people type in chat that mean one thing (88 is 拜拜, thx is 谢谢)."""


NAME_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("南瓜", "倭瓜"),
    ("土豆", "山药蛋", "山药", "马铃薯"),
    ("馒头", "馍馍"),
    ("烧麦", "稍美", "烧卖", "稍麦", "捎卖"),
    ("粥", "稀饭"),
    ("西红柿", "洋柿子", "番茄"),
    ("饺子", "扁食"),
    ("莜面", "莜麦面"),
    ("玉米面", "棒子面"),
    ("香菜", "芫荽"),
)
"""Words a dish's name is said with across the north and in Inner Mongolia (稍美 is Hohhot's
烧麦, 山药 its 土豆, 倭瓜 the 南瓜): each dish is also found by its name with one of them in
place of another, whatever the menu's aliases say."""
