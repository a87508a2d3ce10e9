### The dialogue: what the bot says to elders, their families and canteen staff in the chat
### (Telegram, the terminal, the speaker), and the labels of the buttons it offers.
### Short sentences, one question at a time; numbers, days and money come in already said
### the way people say them (menus.spoken, menus.catalogue).

## Greeting, help, repair

greet = 您好，{ $name }！我是助餐小帮手。想订饭就说“我要订餐”，想听菜单就说“今天吃什么”。
help = 您可以说：今天吃什么、我要订餐、我的订单、取消订单、卡里还有多少钱。听不清就说“再说一遍”。
thanks = 不客气！
bye = 再见，祝您吃得好！
ok = 好的。
not_understood = 没听明白。您可以说：今天吃什么，或者我要订餐。
choices = 请说数字：1 今天菜单，2 我要订餐，3 我的订单，4 再说一遍。
nothing_to_repeat = 我还没说话呢。您想订饭吗？
sorry = 对不起，出了点问题，什么都没有改。请再说一次。
refused = { $message }

## Menu and nutrition

menu_intro = { $when }有：
menu_item = { $dish }{ $price }
menu_flag_good = { $dish }适合您。
menu_flag_bad = { $dish }{ $why }，您少吃。
menu_none = { $when }还没有菜单。
menu_more_dishes = 还有{ $count }个菜，要听吗？
menu_next_meal = 还想听{ $meal }吗？
dish_price = { $dish }{ $price }。
dish_on = 有，{ $when }有{ $dish }，{ $price }。
dish_off = { $when }没有{ $dish }。
dish_left = { $when }的{ $dish }还剩{ $left }份，{ $price }。
dish_off_offer = { $when }没有{ $dish }。有{ $few }等。
kind_on = { $when }的{ $kind }有：{ $dishes }。
kind_off = { $when }没有{ $kind }。
fact_yes = { $dish }{ $fact }。
fact_no = { $dish }{ $fact }。
fact_soft_yes = 软和，好嚼
fact_soft_no = 不算软，牙口不好要慢点吃
fact_bones_yes = 有刺，吃的时候小心
fact_bones_no = 没有刺
fact_spicy_yes = 有点辣
fact_spicy_no = 不辣
fact_salty_yes = 偏咸
fact_salty_no = 不咸
fact_sweet_yes = 偏甜
fact_sweet_no = 不甜
fact_fat_yes = 偏油
fact_fat_no = 不油腻
too_spicy = 偏辣
salty = 偏咸
sweet = 偏甜
fatty = 偏油
hard = 偏硬
purine = 嘌呤高
advice_hypertension = 血压高，每天盐不超过五克。
advice_diabetes = 血糖高，少吃甜的，主食定量。
advice_chewing = 牙口不好，吃软烂的。
advice_gout = 痛风，少吃肉汤和海鲜。
advice_hyperlipidemia = 血脂高，少吃油腻的。
advice_general = 老年人每天盐不超过五克，饭菜要软一点，多吃蔬菜。
advice_salt = { $dish }一份大约有{ $salt }克盐。

## Ordering

ask_dish = 您想吃什么？
ask_which_dish = { $dishes }，您要哪个？
ask_meal = 是中午，还是晚上？
ask_fulfillment = 送到家、自己去拿，还是在食堂吃？
# The read-back: $who is the elder's name (read_back_who) when family orders for them, else empty;
# $head is the day and meal, then the way (明天午饭，送到家; the way alone where the day was said before).
read_back_who = { $name }，
# The read-back as said: what it costs after the subsidy ($cost, one of the cost_ lines), short
# enough to be heard whole; read_back_full (说详细点) says every part of the price.
read_back = { $who }{ $head }：{ $items }。{ $cost }。
read_back_full = { $who }{ $head }：{ $items }。原价{ $price }，补贴{ $subsidy }{ $voucher }{ $card }，{ $payable }。
cost_plain = 补贴后您付{ $payable }
cost_free = 有补贴，不用付钱
cost_card_all = 补贴后{ $net }，从卡上扣
cost_voucher = 补贴、用券后您付{ $payable }
cost_voucher_free = 补贴、用券后不用付钱
cost_parts = 补贴后{ $voucher }{ $card }，{ $pay }
cost_pay = 您再付{ $payable }
read_back_voucher = ，消费券{ $voucher }
read_back_card = ，卡上扣{ $card }
ask_confirm = 要订吗？
ask_confirm_change = 要这样改吗？
nothing_to_pay = 不用再付钱
nothing_to_pay_full = 不用再付钱
pay_rest_full = 还需付{ $payable }
serve_delivery = { $day }{ $start }到{ $end }之间送到家。
serve_pickup = { $day }{ $start }到{ $end }之间到食堂取餐。
serve_dine_in = { $day }{ $start }到{ $end }之间到食堂吃。
placed = 订好了。{ $serve }
placed_again = 这一单已经订好了。{ $serve }
changed = 改好了。{ $serve }
not_placed = 好的，没有下单。
not_changed = 好的，没有改，原来的订单还在。
confirm_yes_no = 要订的话请说“要”，不要就说“不要”。
no_such_dish = { $when }没有{ $dish }。有：{ $available }。您想吃哪个？
and_others = 等{ $count }个菜
sold_out = { $dish }卖完了。您换一个菜吧？
sold_out_offer = { $dish }只剩{ $left }份了。
left_without_order = 好的，不订了，什么都没订。
every_day = 每天
workdays = 工作日每天
every_weekday = 每周{ $days }
date_span = { $start }到{ $end }
date_span_day = { $day }日
# A standing order read back: its days and meal, then its first meal by its day where that is not
# the first day said (standing_read_back), else straight on with the way and the dishes (_days).
standing_read_back = 长期订单，{ $days }{ $meal }。第一顿：
standing_read_back_days = 长期订单，{ $days }{ $meal }。
ask_confirm_standing = 要这样长期订吗？
standing_placed = 长期订好了：{ $days }{ $meal }。每顿自动下单，再告诉您。
standing_paused = 好的，长期订单先停了。想接着送就说“恢复”。
standing_resumed = 好的，长期订单恢复了。
standing_paused_days = 好的，{ $first }到{ $last }先停，之后接着送。
closed = { $when }已经不能订了。订下一顿吧，中午还是晚上？
closed_moved = { $when }已经不能订了，给您订{ $day }的。
no_menu = { $when }还没有菜单。换一顿吧，中午还是晚上？
canteen_closed = { $when }食堂休息（{ $reason }），不做饭。
next_open_meal = 下一顿能订的是{ $when }。
past_date = 那天已经过去了。订今天还是明天？
outside_area = 您家不在送餐范围里。自己去拿，还是在食堂吃？
mode_not_offered = 食堂不{ $mode }。换一种吧？
no_address = 您还没有登记地址，没法送。自己去拿，还是在食堂吃？
dish_removed = 好的，不要{ $dish }了。

## My orders, cancel, change, balance

no_orders = 您现在没有订单。
no_orders_of = { $elder }现在没有订单。
no_order_of = 您没有订{ $dish }。
no_changeable = 现在没有能改的订单。
orders_intro = 您订了：
orders_intro_of = { $elder }订了：
order_line = { $when }，{ $items }，{ $status }。
cancel_which = 您要取消{ $when }的{ $items }吗？
cancel_done = 取消好了。{ $refund }
cancel_reason_phoned = 老人请食堂代为取消
cancel_refund = 卡里的{ $card }已经退回。
cancel_kept = 好的，订单还在。
balance = { $cards }。
balance_card = { $kind }还有{ $money }
balance_none = 您没有孝心卡，也没有爱心卡。

## Reminders, feedback, language

ask_reminder_time = 每天几点提醒您订饭？比如说“下午四点”。
reminder_set = 好的，每天{ $time }提醒您订饭。
ask_complaint = 请说说哪里不好，我转告食堂。
complaint_stored = 记下了，已经转告食堂。食堂会给您回话。
complaint_relayed = 记下了：{ $elder }的意见，已经放进意见箱。
praise_stored = 谢谢您！我把您的话转告食堂。
lang_set = 好的，以后说汉语。
rating_thanks = 谢谢您打分，我们转告食堂。
voice_replies_off = 好的，以后只发文字，不发语音。
voice_replies_on = 好的，以后回复也会念给您听。

## Emergency: short, the numbers first-hand, nothing else asked

emergency_elder = 别怕，已经告诉{ $told }。危险就打120。{ $phones }
emergency_told_family = 家人和社区
emergency_phone = { $name }{ $phone }
emergency_alert = 紧急！{ $elder }刚说：“{ $said }”。请马上联系。电话{ $phone }。
emergency_ack = { $staff }收到了，马上来。
emergency_ack_staff = 已告诉{ $elder }和家人您收到了。

## Family

link_code = 您的家人码是：{ $code }。请告诉您的家人，半小时内有效。
link_ask_elder = { $family }（{ $relation }）想帮您订饭、看订单。同意吗？
link_confirmed = 好的，{ $family }现在可以帮您订饭了。
link_refused = 好的，没有绑定。
link_redeemed = 已经请{ $elder }确认。老人说“同意”以后，您就可以帮他/她订饭了。
link_done_family = { $elder }同意了。现在您可以帮{ $elder }订饭了。
link_refused_family = { $elder }没有同意绑定。
family_no_elder = 您还没有绑定老人。请让老人说“绑定家人”拿一个家人码，再发给我“绑定 家人码”。
family_waiting = 还在等{ $elder }同意绑定。请{ $elder }在手机上说“同意”。
family_which = 您要帮谁订？
family_one_at_a_time = 两位老人请一位一位订。先说给谁订，要什么。
family_for = 好的，现在是帮{ $elder }。
notify_placed = { $family }帮{ $elder }订了{ $when }：{ $items }。

## Staff

staff_help = 您可以说：厨房单、送餐单、意见，或者“12号送到了”“12号取走了”“回复 3 谢谢您”。发菜单文件就能发布菜单。
staff_only = 这件事只有食堂工作人员能做。
menu_file_problems = 菜单文件有{ $count }处问题，什么都没有发布：{ $problems }
menu_preview = 菜单文件没问题：{ $canteen }，{ $dishes }个菜，{ $menus }顿饭（{ $first }到{ $last }）。要发布吗？
menu_published = 发布好了：新菜{ $dishes_added }个，更新{ $dishes_updated }个；新菜单{ $menus_added }个，更新{ $menus_replaced }个。
menu_not_published = 好的，没有发布。
kitchen_none = { $when }还没有订单。
kitchen_intro = { $when }要做：
kitchen_line = { $dish }{ $qty }份
delivery_none = { $when }没有要送的。
delivery_intro = { $when }要送{ $count }份：
delivery_line = { $id }号，{ $name }，{ $address }，{ $items }
way_delivery = 送到家
way_pickup = 自己来取
way_dine_in = 在食堂吃
way_list_none = { $when }没有{ $way }的。
way_list_intro = { $when }{ $way }的有{ $count }份：
way_list_line = { $id }号，{ $name }，{ $items }
who_ordered = { $when }{ $dish }：{ $people }。
who_ordered_one = { $name }{ $qty }份
who_ordered_none = { $when }{ $dish }还没有人订。
order_moved = { $id }号订单现在是“{ $status }”。
feedback_none = 现在没有要回复的意见。
feedback_line = { $id }号，{ $kind }，{ $elder }：{ $text }
feedback_answered = 已经回复{ $id }号意见。
feedback_answer_to_elder = 食堂回复您的意见：{ $text }
feedback_to_staff = 新{ $kind }（{ $id }号），{ $elder }：{ $text }
complaint = 投诉
praise = 表扬

## Words put together

when = { $day }{ $meal }
item = { $dish }{ $qty }份
items_each = { $dishes }各{ $qty }份
and = 、
comma = ，
stop = 。

## Voice

voice_heard = 我听到的是：{ $heard }
voice_not_heard = 没听清，请再说一遍。
voice_too_long = 请说短一点，一次说一件事。
voice_no_model = 我现在听不懂这种话的语音，请打字发给我。
voice_failed = 声音没处理好，请再说一遍。

## Buttons: answers offered under a question (what a button sends back is its label,
## so the dialogue must understand each one: tests/menus/test_catalogue.py).

btn_yes = 要
btn_no = 不要
btn_lunch = 中午
btn_dinner = 晚上
btn_delivery = 送到家
btn_pickup = 自己去拿
btn_dine_in = 在食堂吃
btn_publish = 发布
btn_not_publish = 不发布
btn_agree = 同意
btn_disagree = 不同意
choice_menu = 今天吃什么
choice_order = 我要订餐
choice_orders = 我的订单
choice_repeat = 再说一遍

# One elder's part of an answer about several (family ordering for two in one breath).
several_for = { $elder }：{ $text }
# The meal asked when the dishes said are served at two meals other than lunch and dinner.
ask_meal_of = 是{ $first }，还是{ $second }？

# Counts staff ask for (今天中午一共几单, 鲈鱼还剩几份).
staff_count_orders = { $when }一共{ $orders }单：送餐{ $delivery }，自取{ $pickup }，堂食{ $dine_in }。
staff_count_to = { $when }往{ $community }送{ $count }份。
staff_count_ordered = { $when }{ $dish }订了{ $qty }份。
staff_count_total = 一共{ $qty }份。
staff_count_left = { $when }{ $dish }还剩{ $left }份。
staff_count_unlimited = { $when }{ $dish }不限量。
staff_count_not_on = { $when }没有{ $dish }。
# Vouchers (消费券) still valid, in the balance answer.
balance_vouchers = 消费券还有{ $count }张，每张{ $money }
balance_vouchers_total = 消费券还有{ $count }张，一共{ $money }

# The read-back briefly (说短点, or said again): what, when, how and only what is left to pay.
read_back_short = { $who }{ $head }：{ $items }。{ $pay }
# Another elder's order read back after the first one, on the same meal and the same way.
read_back_also = { $name }：{ $items }。{ $cost }。
read_back_same = { $when }也一样。
# Several orders read back together (two days, two meals, two elders): what they share said once
# (several_when_way: 午饭都送到家。), then each by what is its own (several_label) and its order.
several_when_way = { $when }都{ $way }。
several_way = 都{ $way }。
several_label = { $label }：
several_order = { $items }。{ $pay }
pay_short = 您付{ $payable }。
pay_nothing_short = 不用付钱。
pay_card_short = 从卡上扣{ $card }。
# How a person wants to be spoken to (说慢点, 说快点, 大声点, 说短点, 说详细点), then the last reply again.
speech_slower = 好，我说慢一点。
speech_faster = 好，我说快一点。
speech_louder = 好，我大声一点。
speech_shorter = 好，我说短一点。
speech_longer = 好，我说全一点。
# Dishes of an order moved to another meal that the new meal does not serve.
dish_not_served = { $when }没有{ $dish }，就不订了。
# An elder greeted politely: surname and 奶奶 / 爷爷 (王奶奶), never by full name.
address_elder = { $surname }{ $word }
