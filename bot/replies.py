"""Everything the dialogue says, one catalogue per language, and the few fixed phrases it
listens for before the NLU (switching language, family codes, yes/no to a family link).

Short sentences, one question at a time, numbers and days as people say them. Mongolian is in
traditional script; a sentence not yet written in Mongolian falls back to Mandarin.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # --- greeting, help, repair
    "greet": "您好，{name}！我是助餐小帮手。想订饭就说“我要订餐”，想听菜单就说“今天吃什么”。",
    "help": "您可以说：今天吃什么、我要订餐、我的订单、取消订单、卡里还有多少钱。听不清就说“再说一遍”。",
    "thanks": "不客气！",
    "bye": "再见，祝您吃得好！",
    "ok": "好的。",
    "not_understood": "没听明白。您可以说：今天吃什么，或者我要订餐。",
    "choices": "请说数字：1 今天菜单，2 我要订餐，3 我的订单，4 再说一遍。",
    "nothing_to_repeat": "我还没说话呢。您想订饭吗？",
    "sorry": "对不起，出了点问题，什么都没有改。请再说一次。",
    "refused": "{message}",
    # --- menu and nutrition
    "menu_intro": "{when}有：",
    "menu_item": "{dish}{price}",
    "menu_flag_good": "{dish}适合您。",
    "menu_flag_bad": "{dish}{why}，您少吃。",
    "menu_none": "{when}还没有菜单。",
    "menu_more_dishes": "还有{count}个菜，要听吗？",
    "menu_next_meal": "还想听{meal}吗？",
    "dish_price": "{dish}{price}。",
    "dish_on": "有，{when}有{dish}，{price}。",
    "dish_off": "{when}没有{dish}。",
    "dish_off_offer": "{when}没有{dish}。有{few}等。",
    "kind_on": "{when}的{kind}有：{dishes}。",
    "kind_off": "{when}没有{kind}。",
    "fact_yes": "{dish}{fact}。",
    "fact_no": "{dish}{fact}。",
    "fact_soft_yes": "软和，好嚼",
    "fact_soft_no": "不算软，牙口不好要慢点吃",
    "fact_bones_yes": "有刺，吃的时候小心",
    "fact_bones_no": "没有刺",
    "fact_spicy_yes": "有点辣",
    "fact_spicy_no": "不辣",
    "fact_salty_yes": "偏咸",
    "fact_salty_no": "不咸",
    "fact_sweet_yes": "偏甜",
    "fact_sweet_no": "不甜",
    "fact_fat_yes": "偏油",
    "fact_fat_no": "不油腻",
    "too_spicy": "偏辣",
    "salty": "偏咸",
    "sweet": "偏甜",
    "fatty": "偏油",
    "hard": "偏硬",
    "purine": "嘌呤高",
    "advice_hypertension": "血压高，每天盐不超过五克。",
    "advice_diabetes": "血糖高，少吃甜的，主食定量。",
    "advice_chewing": "牙口不好，吃软烂的。",
    "advice_gout": "痛风，少吃肉汤和海鲜。",
    "advice_hyperlipidemia": "血脂高，少吃油腻的。",
    "advice_general": "老年人每天盐不超过五克，饭菜要软一点，多吃蔬菜。",
    "advice_salt": "{dish}一份大约有{salt}克盐。",
    # --- ordering
    "ask_dish": "您想吃什么？",
    "ask_meal": "是中午，还是晚上？",
    "ask_fulfillment": "送到家、自己去拿，还是在食堂吃？",
    "read_back": "{name}，{when}，{mode}：{items}。原价{price}，补贴{subsidy}{voucher}{card}，还需付{payable}。",
    "read_back_voucher": "，消费券{voucher}",
    "read_back_card": "，卡上扣{card}",
    "ask_confirm": "要订吗？",
    "ask_confirm_change": "要这样改吗？",
    "nothing_to_pay": "零元，不用再付钱",
    "serve_delivery": "{day}{start}到{end}之间送到家。",
    "serve_pickup": "{day}{start}到{end}之间到食堂取餐。",
    "serve_dine_in": "{day}{start}到{end}之间到食堂吃。",
    "placed": "订好了。{serve}",
    "placed_again": "这一单已经订好了。{serve}",
    "changed": "改好了。{serve}",
    "not_placed": "好的，没有下单。",
    "not_changed": "好的，没有改，原来的订单还在。",
    "confirm_yes_no": "要订的话请说“要”，不要就说“不要”。",
    "no_such_dish": "{when}没有{dish}。有：{available}。您想吃哪个？",
    "sold_out": "{dish}卖完了。您换一个菜吧？",
    "sold_out_offer": "{dish}只剩{left}份了。",
    "left_without_order": "好的，不订了，什么都没订。",
    "every_day": "每天",
    "workdays": "工作日每天",
    "every_weekday": "每周{days}",
    "date_span": "{start}到{end}",
    "standing_read_back": "长期订单，{days}{meal}。第一顿：",
    "ask_confirm_standing": "要这样长期订吗？",
    "standing_placed": "长期订单订好了：{days}{meal}。每顿开饭前自动下单，会告诉您。",
    "standing_paused": "好的，长期订单先停了。想接着送就说“恢复”。",
    "standing_resumed": "好的，长期订单恢复了。",
    "closed": "{when}已经不能订了。订下一顿吧，中午还是晚上？",
    "no_menu": "{when}还没有菜单。换一顿吧，中午还是晚上？",
    "past_date": "那天已经过去了。订今天还是明天？",
    "outside_area": "您家不在送餐范围里。自己去拿，还是在食堂吃？",
    "mode_not_offered": "食堂不{mode}。换一种吧？",
    "no_address": "您还没有登记地址，没法送。自己去拿，还是在食堂吃？",
    "dish_removed": "好的，不要{dish}了。",
    # --- my orders, cancel, change, balance
    "no_orders": "您现在没有订单。",
    "no_order_of": "您没有订{dish}。",
    "no_changeable": "现在没有能改的订单。",
    "orders_intro": "您订了：",
    "order_line": "{when}，{items}，{status}。",
    "cancel_which": "您要取消{when}的{items}吗？",
    "cancel_done": "取消好了。{refund}",
    "cancel_refund": "卡里的{card}已经退回。",
    "cancel_kept": "好的，订单还在。",
    "balance": "{cards}。",
    "balance_card": "{kind}还有{money}",
    "balance_none": "您没有孝心卡，也没有爱心卡。",
    # --- reminders, feedback, language
    "ask_reminder_time": "每天几点提醒您订饭？比如说“下午四点”。",
    "reminder_set": "好的，每天{time}提醒您订饭。",
    "ask_complaint": "请说说哪里不好，我转告食堂。",
    "complaint_stored": "记下了，已经转告食堂。食堂会给您回话。",
    "praise_stored": "谢谢您！我把您的话转告食堂。",
    "lang_set": "好的，以后说汉语。",
    "rating_thanks": "谢谢您打分，我们转告食堂。",
    # --- emergency: short, the numbers first-hand, nothing else asked
    "emergency_elder": "别怕，已经告诉{told}。危险就打120。{phones}",
    "emergency_told_family": "家人和社区",
    "emergency_phone": "{name}{phone}",
    "emergency_alert": "紧急！{elder}刚说：“{said}”。请马上联系。电话{phone}。",
    "emergency_ack": "{staff}收到了，马上来。",
    "emergency_ack_staff": "已告诉{elder}和家人您收到了。",
    "voice_replies_off": "好的，以后只发文字，不发语音。",
    "voice_replies_on": "好的，以后回复也会念给您听。",
    # --- family
    "link_code": "您的家人码是：{code}。请告诉您的家人，半小时内有效。",
    "link_ask_elder": "{family}（{relation}）想帮您订饭、看订单。同意吗？",
    "link_confirmed": "好的，{family}现在可以帮您订饭了。",
    "link_refused": "好的，没有绑定。",
    "link_redeemed": "已经请{elder}确认。老人说“同意”以后，您就可以帮他/她订饭了。",
    "link_done_family": "{elder}同意了。现在您可以帮{elder}订饭了。",
    "link_refused_family": "{elder}没有同意绑定。",
    "family_no_elder": "您还没有绑定老人。请让老人说“绑定家人”拿一个家人码，再发给我“绑定 家人码”。",
    "family_waiting": "还在等{elder}同意绑定。请{elder}在手机上说“同意”。",
    "family_which": "您要帮谁订？",
    "family_one_at_a_time": "两位老人请一位一位订。先说给谁订，要什么。",
    "family_orders_of": "{elder}：{orders}",
    "family_for": "好的，现在是帮{elder}。",
    "notify_placed": "{family}帮{elder}订了{when}：{items}。",
    # --- staff
    "staff_help": "您可以说：厨房单、送餐单、意见，或者“12号送到了”“12号取走了”“回复 3 谢谢您”。发菜单文件就能发布菜单。",
    "staff_only": "这件事只有食堂工作人员能做。",
    "menu_file_problems": "菜单文件有{count}处问题，什么都没有发布：{problems}",
    "menu_preview": "菜单文件没问题：{canteen}，{dishes}个菜，{menus}顿饭（{first}到{last}）。要发布吗？",
    "menu_published": "发布好了：新菜{dishes_added}个，更新{dishes_updated}个；新菜单{menus_added}个，更新{menus_replaced}个。",
    "menu_not_published": "好的，没有发布。",
    "kitchen_none": "{when}还没有订单。",
    "kitchen_intro": "{when}要做：",
    "kitchen_line": "{dish}{qty}份",
    "delivery_none": "{when}没有要送的。",
    "delivery_intro": "{when}要送{count}份：",
    "delivery_line": "{id}号，{name}，{address}，{items}",
    "order_moved": "{id}号订单现在是“{status}”。",
    "feedback_none": "现在没有要回复的意见。",
    "feedback_line": "{id}号，{kind}，{elder}：{text}",
    "feedback_answered": "已经回复{id}号意见。",
    "feedback_answer_to_elder": "食堂回复您的意见：{text}",
    "feedback_to_staff": "新{kind}（{id}号），{elder}：{text}",
    "complaint": "投诉",
    "praise": "表扬",
    # --- words put together
    "when": "{day}{meal}",
    "date": "{month}月{day}日",
    "item": "{dish}{qty}份",
    "and": "、",
    "comma": "，",
    "stop": "。",
    # --- voice
    "voice_heard": "我听到的是：{heard}",
    "voice_not_heard": "没听清，请再说一遍。",
    "voice_too_long": "请说短一点，一次说一件事。",
    "voice_no_model": "我现在听不懂这种话的语音，请打字发给我。",
    "voice_failed": "声音没处理好，请再说一遍。",
}

MN: dict[str, str] = {
    "greet": "ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠂ {name}᠃ ᠪᠢ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠲᠤᠰᠠᠯᠠᠭᠴᠢ᠃ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ» ᠪᠤᠶᠤ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "help": "ᠲᠠ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ»᠂ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ»᠂ «ᠶᠠᠭᠤ ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ»᠂ «ᠴᠤᠴᠠᠯᠠᠶ᠎ᠠ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠪᠣᠯ «ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ» ᠭᠡᠭᠡᠷᠡᠢ᠃",
    "thanks": "ᠵᠦᠭᠡᠷ ᠡᠭᠡ᠃",
    "bye": "ᠪᠠᠶᠠᠷᠲᠠᠢ᠂ ᠰᠠᠶᠢᠬᠠᠨ ᠬᠣᠭᠣᠯᠠᠯᠠᠭᠠᠷᠠᠢ᠃",
    "ok": "ᠵᠠ᠃",
    "not_understood": "ᠣᠶᠢᠯᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ» ᠪᠤᠶᠤ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "choices": "ᠲᠣᠭ᠎ᠠ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ: ᠑ ᠥᠨᠦᠳᠦᠷ ᠦᠨ ᠴᠡᠰ᠂ ᠒ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ᠂ ᠓ ᠮᠢᠨᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ ᠔ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠬᠦ᠃",
    "nothing_to_repeat": "ᠪᠢ ᠬᠠᠷᠠᠬᠠᠨ ᠶᠠᠭᠤ ᠴᠤ ᠬᠡᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃ ᠲᠠ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠤᠤ᠃",
    "sorry": "ᠠᠭᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠠᠯᠳᠠᠭ᠎ᠠ ᠭᠠᠷᠪᠠ᠃ ᠶᠠᠭᠤ ᠴᠤ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "refused": "{message}",
    "menu_intro": "{when}: ",
    "menu_item": "{dish} {price}",
    "menu_flag_good": "{dish} ᠲᠠᠨ ᠳᠤ ᠲᠣᠬᠢᠷᠠᠮᠵᠢᠲᠠᠢ᠃ ",
    "menu_flag_bad": "{dish} {why}᠂ ᠲᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "menu_none": "{when} ᠴᠡᠰ ᠠᠯᠭ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    "menu_more_dishes": "ᠪᠠᠰᠠ {count} ᠬᠣᠭᠣᠯᠠ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠰᠣᠨᠣᠰᠬᠤ ᠤᠤ᠃",
    "menu_next_meal": "{meal} ᠶᠢ ᠰᠣᠨᠣᠰᠬᠤ ᠤᠤ᠃",
    "dish_price": "{dish} {price}᠃",
    "dish_on": "ᠪᠠᠢᠨ᠎ᠠ᠃ {when} {dish} {price}᠃",
    "dish_off": "{when} {dish} ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃",
    "dish_off_offer": "{when} {dish} ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃ {few} ᠪᠠᠢᠨ᠎ᠠ᠃",
    "kind_on": "{when} {kind}: {dishes}᠃",
    "kind_off": "{when} {kind} ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃",
    "fact_yes": "{dish} {fact}᠃",
    "fact_no": "{dish} {fact}᠃",
    "fact_soft_yes": "ᠵᠥᠭᠡᠯᠡᠨ",
    "fact_soft_no": "ᠲᠣᠳᠠᠢ ᠵᠥᠭᠡᠯᠡᠨ ᠦᠭᠡᠢ",
    "fact_bones_yes": "ᠶᠠᠰᠤ ᠲᠠᠢ᠂ ᠪᠣᠯᠭᠣᠮᠵᠢᠲᠠᠢ ᠢᠳᠡᠭᠡᠷᠡᠢ",
    "fact_bones_no": "ᠶᠠᠰᠤ ᠦᠭᠡᠢ",
    "fact_spicy_yes": "ᠬᠠᠯᠠᠭᠤᠨ",
    "fact_spicy_no": "ᠬᠠᠯᠠᠭᠤᠨ ᠦᠭᠡᠢ",
    "fact_salty_yes": "ᠳᠠᠪᠤᠰᠤᠯᠢᠭ",
    "fact_salty_no": "ᠳᠠᠪᠤᠰᠤᠯᠢᠭ ᠦᠭᠡᠢ",
    "fact_sweet_yes": "ᠠᠮᠲᠠᠲᠠᠢ",
    "fact_sweet_no": "ᠠᠮᠲᠠᠲᠠᠢ ᠦᠭᠡᠢ",
    "fact_fat_yes": "ᠲᠣᠰᠣᠲᠠᠢ",
    "fact_fat_no": "ᠲᠣᠰᠣ ᠪᠠᠭ᠎ᠠ",
    "too_spicy": "ᠭᠠᠰᠢᠭᠤᠨ",
    "salty": "ᠳᠠᠪᠤᠰᠤ ᠢᠬᠡᠲᠡᠢ",
    "sweet": "ᠰᠢᠬᠢᠷ ᠢᠬᠡᠲᠡᠢ",
    "fatty": "ᠲᠣᠰᠣ ᠢᠬᠡᠲᠡᠢ",
    "hard": "ᠬᠠᠲᠠᠭᠤ",
    "purine": "ᠫᠦᠷᠢᠨ ᠢᠬᠡᠲᠡᠢ",
    "advice_hypertension": "ᠴᠤᠰᠤᠨ ᠤ ᠳᠠᠷᠤᠯᠲᠠ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠡᠳᠦᠷ ᠲᠦ ᠲᠠᠪᠤᠨ ᠭᠷᠠᠮ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ ᠳᠠᠪᠤᠰᠤ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_diabetes": "ᠴᠤᠰᠤᠨ ᠤ ᠰᠢᠬᠢᠷ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠠᠮᠲᠠᠲᠠᠢ ᠶᠠᠭᠤᠮ᠎ᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠵᠦ᠂ ᠭᠤᠯ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠲᠡᠢ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_chewing": "ᠰᠢᠳᠦ ᠮᠠᠭᠤ ᠪᠣᠯ ᠵᠥᠭᠡᠯᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_gout": "ᠲᠤᠯᠠᠢ ᠲᠠᠢ ᠪᠣᠯ ᠮᠢᠬᠠᠨ ᠰᠢᠯᠦ᠂ ᠳᠠᠯᠠᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_hyperlipidemia": "ᠴᠤᠰᠤᠨ ᠤ ᠲᠣᠰᠣ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠲᠣᠰᠣ ᠢᠬᠡᠲᠡᠢ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_general": "ᠡᠳᠦᠷ ᠲᠦ ᠲᠠᠪᠤᠨ ᠭᠷᠠᠮ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ ᠳᠠᠪᠤᠰᠤ ᠢᠳᠡᠵᠦ᠂ ᠵᠥᠭᠡᠯᠡᠨ ᠬᠣᠭᠣᠯᠠ᠂ ᠣᠯᠠᠨ ᠨᠣᠭᠣᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃ ",
    "advice_salt": "{dish} ᠨᠢᠭᠡ ᠬᠤᠪᠢ ᠳᠤ ᠪᠠᠷᠤᠭ {salt} ᠭᠷᠠᠮ ᠳᠠᠪᠤᠰᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ",
    "ask_dish": "ᠲᠠ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ ᠪᠤᠢ᠃",
    "ask_meal": "ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠤᠤ᠃",
    "ask_fulfillment": "ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠬᠦ ᠦᠦ᠂ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ ᠦᠦ᠃",
    "read_back": "{name}᠂ {when}᠂ {mode}: {items}᠃ ᠦᠨ᠎ᠡ {price}᠂ ᠲᠡᠳᠬᠦᠮᠵᠢ {subsidy}{voucher}᠂ ᠺᠠᠷᠲ ᠠᠴᠠ ᠬᠠᠰᠤᠬᠤ {card}᠂ ᠲᠥᠯᠦᠬᠦ ᠨᠢ {payable}᠃ ",
    "read_back_voucher": "᠂ ᠲᠠᠯᠣᠨ {voucher}",
    "read_back_card": "᠂ ᠺᠠᠷᠲ ᠠᠴᠠ ᠬᠠᠰᠤᠬᠤ {card}",
    "ask_confirm": "ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠤᠤ᠃",
    "ask_confirm_change": "ᠢᠩᠭᠢᠵᠦ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠦ᠃",
    "nothing_to_pay": "᠐᠂ ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ",
    "serve_delivery": "{day} {start}-{end} ᠴᠠᠭ ᠤᠨ ᠬᠣᠭᠣᠷᠣᠨᠳᠤ ᠭᠡᠷ ᠲᠦ ᠲᠠᠨᠢ ᠬᠦᠷᠭᠡᠨ᠎ᠡ᠃",
    "serve_pickup": "{day} {start}-{end} ᠴᠠᠭ ᠤᠨ ᠬᠣᠭᠣᠷᠣᠨᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠠᠴᠠ ᠠᠪᠴᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "serve_dine_in": "{day} {start}-{end} ᠴᠠᠭ ᠤᠨ ᠬᠣᠭᠣᠷᠣᠨᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠷᠡᠵᠦ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃",
    "placed": "ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ᠃ {serve}",
    "placed_again": "ᠡᠨᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠥᠮᠨᠡ ᠨᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ {serve}",
    "changed": "ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠪᠡ᠃ {serve}",
    "not_placed": "ᠵᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃",
    "not_changed": "ᠵᠠ᠂ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠂ ᠡᠮᠦᠨᠡᠬᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠡᠪᠡᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    "confirm_yes_no": "ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠪᠣᠯ «ᠲᠡᠢᠮᠦ»᠂ ᠦᠭᠡᠢ ᠪᠣᠯ «ᠦᠭᠡᠢ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "no_such_dish": "{when} {dish} ᠠᠯᠭ᠎ᠠ᠃ ᠪᠠᠶᠢᠭ᠎ᠠ ᠨᠢ: {available}᠃ ᠠᠯᠢ ᠶᠢ ᠢᠳᠡᠬᠦ ᠪᠤᠢ᠃",
    "sold_out": "{dish} ᠳᠠᠭᠤᠰᠴᠠᠢ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠬᠣᠭᠣᠯᠠ ᠰᠣᠩᠭᠣᠬᠤ ᠤᠤ᠃",
    "sold_out_offer": "{dish} ᠵᠥᠪᠬᠡᠨ {left} ᠬᠤᠪᠢ ᠦᠯᠡᠳᠡᠪᠡ᠃ ",
    "left_without_order": "ᠵᠠ᠂ ᠶᠠᠭᠤ ᠴᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃",
    "every_day": "ᠡᠳᠦᠷ ᠪᠦᠷᠢ",
    "workdays": "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠪᠦᠷᠢ",
    "every_weekday": "ᠭᠠᠷᠠᠭ ᠪᠦᠷᠢ {days}",
    "date_span": "{start}-{end} ",
    "standing_read_back": "ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ {days} {meal}᠃ ",
    "ask_confirm_standing": "ᠡᠢᠮᠦ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠢᠬᠦ ᠦᠦ᠃",
    "standing_placed": "ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠣᠯᠪᠠ: {days} {meal}᠃",
    "standing_paused": "ᠵᠠ᠂ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠵᠣᠭᠰᠣᠪᠠ᠃",
    "standing_resumed": "ᠵᠠ᠂ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠰᠡᠷᠭᠦᠪᠡ᠃",
    "closed": "{when} ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠃ ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ᠂ ᠦᠳᠡ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠤᠤ᠃",
    "no_menu": "{when} ᠴᠡᠰ ᠠᠯᠭ᠎ᠠ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠬᠣᠭᠣᠯᠠ ᠰᠣᠩᠭᠣᠶ᠎ᠠ᠂ ᠦᠳᠡ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠤᠤ᠃",
    "past_date": "ᠲᠡᠷᠡ ᠡᠳᠦᠷ ᠥᠩᠭᠡᠷᠡᠴᠢᠬᠡᠵᠡᠢ᠃ ᠥᠨᠦᠳᠦᠷ ᠤᠤ᠂ ᠮᠠᠷᠭᠠᠰᠢ ᠤᠤ᠃",
    "outside_area": "ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠬᠦᠷᠭᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠷᠢᠶ᠎ᠡᠨ ᠡᠴᠡ ᠭᠠᠳᠠᠨ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ ᠦᠦ᠃",
    "mode_not_offered": "ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ «{mode}» ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃",
    "no_address": "ᠲᠠᠨ ᠤ ᠬᠠᠶᠢᠭ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠬᠦᠷᠭᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ ᠦᠦ᠃",
    "dish_removed": "ᠵᠠ᠂ {dish} ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃ ",
    "no_orders": "ᠲᠠᠨ ᠳᠤ ᠣᠳᠣ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃",
    "no_order_of": "ᠲᠠ {dish} ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃",
    "no_changeable": "ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃",
    "orders_intro": "ᠲᠠᠨ ᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ: ",
    "order_line": "{when}᠂ {items}᠂ {status}᠃ ",
    "cancel_which": "{when} {items} ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠴᠤᠴᠠᠯᠠᠬᠤ ᠤᠤ᠃",
    "cancel_done": "ᠴᠤᠴᠠᠯᠠᠪᠠ᠃ {refund}",
    "cancel_refund": "ᠺᠠᠷᠲ ᠤᠨ {card} ᠪᠤᠴᠠᠭᠠᠵᠤ ᠥᠭᠪᠡ᠃",
    "cancel_kept": "ᠵᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠡᠪᠡᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃",
    "balance": "{cards}᠃",
    "balance_card": "{kind} ᠦᠯᠡᠳᠡᠭᠳᠡᠯ {money}",
    "balance_none": "ᠲᠠᠨ ᠳᠤ ᠺᠠᠷᠲ ᠠᠯᠭ᠎ᠠ᠃",
    "ask_reminder_time": "ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠬᠡᠳᠦᠨ ᠴᠠᠭ ᠲᠤ ᠰᠠᠨᠠᠭᠤᠯᠬᠤ ᠪᠤᠢ᠃",
    "reminder_set": "ᠵᠠ᠂ ᠡᠳᠦᠷ ᠪᠦᠷᠢ {time} ᠴᠠᠭ ᠲᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠶᠢ ᠰᠠᠨᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃",
    "ask_complaint": "ᠶᠠᠭᠤ ᠮᠠᠭᠤ ᠪᠠᠶᠢᠭ᠎ᠠ ᠪᠤᠢ᠃ ᠪᠢ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃",
    "complaint_stored": "ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠪᠠ᠃ ᠲᠡᠳᠡ ᠲᠠᠨ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠭᠦᠨ᠎ᠡ᠃",
    "praise_stored": "ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃ ᠲᠠᠨ ᠤ ᠦᠭᠡ ᠶᠢ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃",
    "lang_set": "ᠵᠠ᠂ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡᠪᠡᠷ ᠶᠠᠷᠢᠶ᠎ᠠ᠃",
    "rating_thanks": "ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃",
    "emergency_elder": "ᠪᠢᠲᠡᠭᠡᠢ ᠰᠠᠨᠠᠭ᠎ᠠ ᠵᠣᠪᠠ᠃ {told} ᠮᠡᠳᠡᠭᠳᠡᠯ ᠥᠭᠪᠡ᠃ ᠠᠶᠤᠯ ᠲᠠᠢ ᠪᠣᠯ ᠑᠒᠐ ᠳᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ᠃ {phones}",
    "emergency_told_family": "ᠭᠡᠷ ᠪᠦᠯᠢ ᠪᠣᠯᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠳᠤ",
    "emergency_alert": "ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ! {elder}: «{said}»᠃ ᠳᠠᠷᠤᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃ ᠤᠲᠠᠰᠤ {phone}᠃",
    "emergency_ack": "{staff} ᠰᠣᠨᠣᠰᠴᠠᠢ᠂ ᠳᠠᠷᠤᠢ ᠢᠷᠡᠨ᠎ᠡ᠃",
    "emergency_phone": "{name} {phone}",
    "emergency_ack_staff": "{elder} ᠪᠣᠯᠣᠨ ᠭᠡᠷ ᠪᠦᠯᠢ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠥᠭᠪᠡ᠃",
    "voice_replies_off": "ᠵᠠ᠂ ᠡᠨᠡ ᠡᠴᠡ ᠬᠤᠶᠢᠰᠢ ᠵᠥᠪᠬᠡᠨ ᠪᠢᠴᠢᠭ ᠢᠯᠡᠭᠡᠨ᠎ᠡ᠃",
    "voice_replies_on": "ᠵᠠ᠂ ᠡᠨᠡ ᠡᠴᠡ ᠬᠤᠶᠢᠰᠢ ᠳᠠᠭᠤ ᠪᠠᠷ ᠴᠤ ᠬᠠᠷᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃",
    "link_code": "ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠺᠣᠳ: {code}᠃ ᠡᠨᠡ ᠶᠢ ᠭᠡᠷ ᠪᠦᠯᠢ ᠳᠡᠭᠡᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠂ ᠬᠠᠭᠠᠰ ᠴᠠᠭ ᠬᠦᠴᠦᠨ ᠲᠡᠢ᠃",
    "link_ask_elder": "{family} ({relation}) ᠲᠠᠨ ᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢ ᠲᠠᠨᠢ ᠦᠵᠡᠬᠦ ᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠦ᠃",
    "link_confirmed": "ᠵᠠ᠂ {family} ᠣᠳᠣ ᠲᠠᠨ ᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "link_refused": "ᠵᠠ᠂ ᠬᠣᠯᠪᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃",
    "link_redeemed": "{elder} ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠲᠠ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "link_done_family": "{elder} ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡ᠃ ᠣᠳᠣ ᠲᠠ {elder} ᠬᠦᠮᠦᠨ ᠳᠦ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "link_refused_family": "{elder} ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃",
    "family_no_elder": "ᠲᠠ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ «ᠭᠡᠷ ᠪᠦᠯᠢ» ᠭᠡᠵᠦ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠳ᠂ ᠲᠠ «/link ᠺᠣᠳ» ᠭᠡᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃",
    "family_which": "ᠲᠠ ᠬᠡᠨ ᠳᠦ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠪᠤᠢ᠃",
    "family_one_at_a_time": "ᠨᠢᠭᠡ ᠨᠢᠭᠡ ᠪᠡᠷ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠠᠷᠠᠢ᠃",
    "family_orders_of": "{elder}: {orders}",
    "family_waiting": "{elder} ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃",
    "family_for": "ᠵᠠ᠂ ᠣᠳᠣ {elder} ᠬᠦᠮᠦᠨ ᠳᠦ ᠵᠠᠬᠢᠶᠠᠯᠤᠨ᠎ᠠ᠃",
    "notify_placed": "{family} ᠲᠠᠨ ᠳᠤ ({elder}) {when} ᠦᠨ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: {items}᠃",
    "staff_help": "ᠲᠠ «厨房单»᠂ «送餐单»᠂ «意见»᠂ «12号送到了»᠂ «回复 3 …» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠢᠯᠡᠭᠡᠪᠡᠯ ᠴᠡᠰ ᠨᠡᠢᠲᠡᠯᠡᠨ᠎ᠡ᠃",
    "staff_only": "ᠡᠨᠡ ᠶᠢ ᠵᠥᠪᠬᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠠᠵᠢᠯᠴᠢᠨ ᠬᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "menu_file_problems": "ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠳᠤ {count} ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠶᠠᠭᠤ ᠴᠤ ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ: {problems}",
    "menu_preview": "ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠵᠥᠪ: {canteen}᠂ {dishes} ᠬᠣᠭᠣᠯᠠ᠂ {menus} ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠴᠡᠰ ({first} - {last})᠃ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠦᠦ᠃",
    "menu_published": "ᠨᠡᠢᠲᠡᠯᠡᠪᠡ: ᠰᠢᠨ᠎ᠡ ᠬᠣᠭᠣᠯᠠ {dishes_added}᠂ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠰᠡᠨ {dishes_updated}; ᠰᠢᠨ᠎ᠡ ᠴᠡᠰ {menus_added}᠂ ᠰᠣᠯᠢᠭᠰᠠᠨ {menus_replaced}᠃",
    "menu_not_published": "ᠵᠠ᠂ ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃",
    "kitchen_none": "{when} ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃",
    "kitchen_intro": "{when} ᠬᠢᠬᠦ: ",
    "kitchen_line": "{dish} {qty} ᠬᠤᠪᠢ",
    "delivery_none": "{when} ᠬᠦᠷᠭᠡᠬᠦ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃",
    "delivery_intro": "{when} {count} ᠬᠤᠪᠢ ᠬᠦᠷᠭᠡᠨ᠎ᠡ: ",
    "delivery_line": "{id} ᠳᠤᠭᠠᠷ᠂ {name}᠂ {address}᠂ {items}",
    "order_moved": "{id} ᠳᠤᠭᠠᠷ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠣᠳᠣ «{status}»᠃",
    "feedback_none": "ᠬᠠᠷᠢᠭᠤ ᠥᠭᠭᠦᠬᠦ ᠰᠠᠨᠠᠯ ᠠᠯᠭ᠎ᠠ᠃",
    "feedback_line": "{id} ᠳᠤᠭᠠᠷ᠂ {kind}᠂ {elder}: {text}",
    "feedback_answered": "{id} ᠳᠤᠭᠠᠷ ᠰᠠᠨᠠᠯ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠪᠡ᠃",
    "feedback_answer_to_elder": "ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠳᠤ ᠬᠠᠷᠢᠭᠤᠯᠪᠠ: {text}",
    "feedback_to_staff": "ᠰᠢᠨ᠎ᠡ {kind} ({id} ᠳᠤᠭᠠᠷ)᠂ {elder}: {text}",
    "complaint": "ᠭᠣᠮᠳᠠᠯ",
    "praise": "ᠮᠠᠭᠲᠠᠭᠠᠯ",
    "when": "{day} {meal}",
    "date": "{month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ {day}",
    "item": "{dish} {qty} ᠬᠤᠪᠢ",
    "and": "᠂ ",
    "comma": "᠂ ",
    "stop": "᠃ ",
    "voice_heard": "ᠪᠢ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠨᠢ᠄ {heard}",
    "voice_not_heard": "ᠲᠣᠳᠣ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "voice_too_long": "ᠪᠣᠭᠣᠨᠢ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "voice_no_model": "ᠡᠨᠡ ᠬᠡᠯᠡᠨ ᠦ ᠳᠠᠭᠤ ᠶᠢ ᠪᠢ ᠣᠳᠣ ᠣᠢᠯᠠᠭᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠪᠢᠴᠢᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃",
    "voice_failed": "ᠳᠠᠭᠤ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
}

# Words put into sentences (days, meals, ways to get the meal, cards, family, order states),
# one table per language; Mongolian falls back to Mandarin where a word is missing.
WORDS: dict[str, dict[str, dict[str, str]]] = {
    "zh": {
        "day": {"0": "今天", "1": "明天", "2": "后天"},
        "weekday": {"0": "一", "1": "二", "2": "三", "3": "四", "4": "五", "5": "六", "6": "日"},
        "meal": {"breakfast": "早饭", "lunch": "午饭", "dinner": "晚饭"},
        "mode": {"delivery": "送到家", "pickup": "自己去拿", "dine_in": "在食堂吃"},
        "card": {"family": "孝心卡", "charity": "爱心卡"},
        "relation": {"daughter": "女儿", "son": "儿子", "family": "家人", "spouse": "老伴"},
        "status": {
            "placed": "已下单",
            "confirmed": "已确认",
            "preparing": "制作中",
            "ready": "待取餐",
            "out_for_delivery": "配送中",
            "completed": "已完成",
            "cancelled": "已取消",
            "missed": "未取餐",
        },
    },
    "mn": {
        "day": {"0": "ᠥᠨᠦᠳᠦᠷ", "1": "ᠮᠠᠷᠭᠠᠰᠢ", "2": "ᠨᠥᠭᠦᠭᠡᠳᠦᠷ"},
        "weekday": {
            "0": "ᠨᠢᠭᠡ",
            "1": "ᠬᠣᠶᠠᠷ",
            "2": "ᠭᠤᠷᠪᠠ",
            "3": "ᠳᠥᠷᠪᠡ",
            "4": "ᠲᠠᠪᠤ",
            "5": "ᠵᠢᠷᠭᠤᠭ᠎ᠠ",
            "6": "ᠡᠳᠦᠷ",
        },
        "meal": {
            "breakfast": "ᠥᠭᠡᠯᠡᠭᠡᠨ ᠦ ᠬᠣᠭᠣᠯᠠ",
            "lunch": "ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ",
            "dinner": "ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ",
        },
        "mode": {
            "delivery": "ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠬᠦ",
            "pickup": "ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ",
            "dine_in": "ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ",
        },
        "card": {"family": "ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠺᠠᠷᠲ", "charity": "ᠬᠠᠶᠢᠷ᠎ᠠ ᠶᠢᠨ ᠺᠠᠷᠲ"},
        "relation": {"daughter": "ᠦᠬᠢᠨ", "son": "ᠬᠦᠦ", "family": "ᠭᠡᠷ ᠪᠦᠯᠢ", "spouse": "ᠬᠠᠨᠢ"},
        "status": {
            "placed": "ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ",
            "confirmed": "ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ",
            "preparing": "ᠬᠢᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ",
            "ready": "ᠪᠡᠯᠡᠨ ᠪᠣᠯᠣᠭᠰᠠᠨ",
            "out_for_delivery": "ᠬᠦᠷᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ",
            "completed": "ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ",
            "cancelled": "ᠴᠤᠴᠠᠯᠠᠭᠰᠠᠨ",
            "missed": "ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ",
        },
    },
}

# The store's refusals said in Mongolian (the store itself speaks Mandarin and English); a
# refusal not here is said in Mandarin.
REFUSALS_MN: dict[str, str] = {
    "not_linked": "ᠲᠠ ᠡᠨᠡ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
    "not_staff": "ᠡᠨᠡ ᠶᠢ ᠵᠥᠪᠬᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠠᠵᠢᠯᠴᠢᠨ ᠬᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃",
    "cancel_after_cutoff": "ᠴᠤᠴᠠᠯᠠᠬᠤ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠃ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃",
    "cannot_cancel_now": "ᠡᠨᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢ ᠣᠳᠣ ᠴᠤᠴᠠᠯᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃",
    "link_code_unknown": "ᠡᠢᠮᠦ ᠺᠣᠳ ᠠᠯᠭ᠎ᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠡᠴᠡ ᠰᠢᠨ᠎ᠡ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃",
    "link_code_expired": "ᠡᠨᠡ ᠺᠣᠳ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠰᠪᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠡᠴᠡ ᠰᠢᠨ᠎ᠡ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃",
    "already_linked": "ᠲᠠ ᠡᠨᠡ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠴᠢᠬᠠᠭᠰᠠᠨ᠃",
}

CATALOGUES = {"zh": ZH, "mn": MN}

MN_DIGITS = str.maketrans("0123456789", "᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙")

# Fixed phrases heard before the NLU, by what they do (matched on the cleaned text).
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
DISAGREE = frozenset({"不同意", "不行", "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ", "зөвшөөрөхгүй"})
MAIN_CHOICES = {
    "zh": {"1": "今天吃什么", "2": "我要订餐", "3": "我的订单", "4": "再说一遍"},
    "mn": {
        "1": "ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ",
        "2": "ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ",
        "3": "ᠶᠠᠭᠤ ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ",
        "4": "ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ",
    },
}
YES_NO = {"zh": ["要", "不要"], "mn": ["ᠲᠡᠢᠮᠦ", "ᠦᠭᠡᠢ"]}
MEALS = {"zh": ["中午", "晚上"], "mn": ["ᠦᠳᠡ", "ᠣᠷᠣᠢ"]}
MODES = {
    "zh": ["送到家", "自己去拿", "在食堂吃"],
    "mn": ["ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠭᠡᠷᠡᠢ", "ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ", "ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠨ᠎ᠡ"],
}
PUBLISH = {"zh": ["发布", "不发布"], "mn": ["ᠨᠡᠢᠲᠡᠯᠡᠶ᠎ᠡ", "ᠦᠭᠡᠢ"]}
AGREE_CHOICES = {"zh": ["同意", "不同意"], "mn": ["ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ", "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ"]}


def say(key: str, lang: str = "zh", **params: object) -> str:
    """The sentence ``key`` in ``lang`` (Mandarin where the Mongolian one is not written)."""
    template = CATALOGUES.get(lang, ZH).get(key) or ZH[key]
    return template.format(**params)


def word(kind: str, value: object, lang: str = "zh") -> str:
    """A word of ``kind`` (day, meal, mode, card, relation, status) for ``value`` in ``lang``."""
    key = str(value)
    return WORDS.get(lang, {}).get(kind, {}).get(key) or WORDS["zh"][kind].get(key, key)


def refusal(code: str, lang: str, mandarin: str) -> str:
    """A refusal from the store in ``lang``: Mongolian where written, else the store's own."""
    return REFUSALS_MN.get(code, mandarin) if lang == "mn" else mandarin


def choices(table: dict[str, list[str]], lang: str) -> list[str]:
    """A set of answer buttons in ``lang`` (Mandarin where not written)."""
    return list(table.get(lang) or table["zh"])
