# Mongolian in Cyrillic script (Khalkha orthography): the catalogue read when a person writes
# in Cyrillic. The same ids, variables and selectors as menus/locales/mn/dialogue.ftl (the
# traditional-script catalogue); the meaning follows menus/locales/zh/dialogue.ftl.
# Figures in Arabic digits; case endings after a variable through CASE($x, "gen")
# (menus.grammar) where the traditional-script file has them.

### The dialogue: what the bot says to elders, their families and canteen staff in the chat
### (Telegram, the terminal, the speaker), and the labels of the buttons it offers.
### Short sentences, one question at a time; numbers, days and money come in already said
### the way people say them (menus.spoken, menus.catalogue).

## Greeting, help, repair

greet = Сайн байна уу, { $name }! Би хоол захиалах туслах байна. Хоол захиалах бол «Хоол захиалъя», цэс сонсох бол «Өнөөдөр юу идэх вэ» гэж хэлээрэй.
help = Та «Өнөөдөр юу идэх вэ», «Хоол захиалъя», «Миний захиалга», «Захиалгаа цуцлъя» гэж хэлж болно. Сонсогдохгүй бол «Дахин хэлээрэй» гэж хэлээрэй.
thanks = Зүгээр ээ.
bye = Баяртай, сайхан хооллоорой.
ok = За.
not_understood = Ойлгосонгүй. «Өнөөдөр юу идэх вэ» эсвэл «Хоол захиалъя» гэж хэлээрэй.
choices = Тоо хэлээрэй: 1 өнөөдрийн цэс, 2 хоол захиалах, 3 миний захиалга, 4 дахин хэлэх.
nothing_to_repeat = Би одоохондоо юу ч хэлээгүй байна. Та хоол захиалах уу?
sorry = Уучлаарай, алдаа гарлаа. Юу ч өөрчлөгдөөгүй. Дахин хэлээрэй.
refused = { $message }

## Menu and nutrition

menu_intro = { $when }:{" "}
menu_item = { $dish } { $price }
menu_flag_good = { $dish } танд тохиромжтой.{" "}
menu_flag_bad = { $dish } { $why }, та бага идээрэй.{" "}
menu_none = { $when }: цэс хараахан алга байна.
menu_more_dishes = Бас { $count } хоол байна, сонсох уу?
menu_next_meal = Дараа нь { $meal }, сонсох уу?
dish_price = { $dish } { $price }.
dish_on = Байна. { $when }: { $dish }, { $price }.
dish_off = { $when }: { $dish } байхгүй.
dish_left = { $when }: { $dish } { $left } хувь үлдсэн, { $price }.
dish_off_offer = { $when }: { $dish } байхгүй. { $few } байна.
kind_on = { $when }, { $kind }: { $dishes }.
kind_off = { $when }: { $kind } байхгүй.
fact_yes = { $dish } { $fact }.
fact_no = { $dish } { $fact }.
fact_soft_yes = зөөлөн, зажлахад амар
fact_soft_no = тийм ч зөөлөн биш, аажуу идээрэй
fact_bones_yes = ястай, болгоомжтой идээрэй
fact_bones_no = ясгүй
fact_spicy_yes = жаахан халуун ногоотой
fact_spicy_no = халуун ногоогүй
fact_salty_yes = давслаг
fact_salty_no = давслаг биш
fact_sweet_yes = чихэрлэг
fact_sweet_no = чихэрлэг биш
fact_fat_yes = тослог
fact_fat_no = тос багатай
too_spicy = халуун ногоо ихтэй
salty = давс ихтэй
sweet = чихэр ихтэй
fatty = тос ихтэй
hard = хатуу
purine = пурин ихтэй
advice_hypertension = Цусны даралт ихтэй бол өдөрт таван граммаас илүүгүй давс идээрэй.{" "}
advice_diabetes = Цусны сахар ихтэй бол чихэрлэг юм бага идэж, гол хоолоо хэмжээтэй идээрэй.{" "}
advice_chewing = Шүд муутай бол зөөлөн хоол идээрэй.{" "}
advice_gout = Тулайтай бол махан шөл, далайн хоол бага идээрэй.{" "}
advice_hyperlipidemia = Цусны өөх тос ихтэй бол тослог хоол бага идээрэй.{" "}
advice_general = Өдөрт таван граммаас илүүгүй давс идэж, зөөлөн хоол, ногоо сайн идээрэй.{" "}
advice_salt = { $dish } нэг хувьд ойролцоогоор { $salt } грамм давс байна.{" "}

## Ordering

ask_dish = Та юу идэх вэ?
ask_which_dish = { $dishes } — аль нь вэ?
ask_meal = Үдийн хоол уу, оройн хоол уу?
ask_fulfillment = Гэрт хүргэх үү, өөрөө авах уу, ирж идэх үү?
read_back_who = { $name },{" "}
read_back = { $who }{ $head }: { $items }. { $cost }.{" "}
read_back_full = { $who }{ $head }: { $items }. Үнэ { $price }, татаас { $subsidy }{ $voucher }{ $card }, { $payable }.{" "}
cost_plain = Татаастай { $payable }
cost_free = Татаастай, төлөх мөнгө байхгүй
cost_card_all = Татаастай { $net }, картаас хасна
cost_voucher = Татаас, талоны дараа төлөх дүн { $payable }
cost_voucher_free = Татаас, талоны дараа төлөх мөнгө байхгүй
cost_parts = Татаастай{ $voucher }{ $card }, { $pay }
cost_pay = төлөх дүн { $payable }
read_back_voucher = , талон { $voucher }
read_back_card = , картаас хасах { $card }
ask_confirm = Захиалах уу?
ask_confirm_change = Ингэж өөрчлөх үү?
nothing_to_pay = төлөх мөнгө байхгүй
nothing_to_pay_full = төлөх мөнгө байхгүй
pay_rest_full = төлөх дүн { $payable }
serve_delivery = { $day } { $start }-{ $end } цагт гэрт тань хүргэнэ.
serve_pickup = { $day } { $start }-{ $end } цагт ирж аваарай.
serve_dine_in = { $day } { $start }-{ $end } цагт ирж идээрэй.
placed = Захиаллаа. { $serve }
placed_again = Энэ захиалга аль хэдийн хийгдсэн байна. { $serve }
changed = Өөрчиллөө. { $serve }
not_placed = За, захиалга хийсэнгүй.
not_changed = За, өөрчилсөнгүй, өмнөх захиалга хэвээрээ байна.
confirm_yes_no = Захиалах бол «Тийм», захиалахгүй бол «Үгүй» гэж хэлээрэй.
no_such_dish = { $when }: { $dish } байхгүй. Байгаа нь: { $available }. Та алийг нь идэх вэ?
and_others = {" "}зэрэг { $count } хоол
sold_out = { $dish } дууссан. Өөр хоол сонгох уу?
sold_out_offer = { $dish } ердөө { $left } хувь үлдсэн.{" "}
left_without_order = За, юу ч захиалсангүй.
every_day = өдөр бүр
workdays = ажлын өдөр бүр
every_weekday = долоо хоног бүрийн { $days } гараг
date_span = { $start }-{ $end }{" "}
date_span_day = { $day }
standing_read_back = Байнгын захиалга: { $days } { $meal }.{" "}
standing_read_back_days = Байнгын захиалга: { $days } { $meal }.{" "}
ask_confirm_standing = Захиалах уу?
standing_placed = Байнгын захиалга хийгдлээ: { $days } { $meal }. Хоол бүрийн өмнө өөрөө захиалаад танд хэлнэ.
standing_paused = За, байнгын захиалгыг түр зогсоолоо.
standing_resumed = За, байнгын захиалга дахин эхэллээ.
standing_paused_days = За, { $first } — { $last } хүртэл түр зогсоож, дараа нь үргэлжлүүлнэ.
closed = { $when } захиалах цаг өнгөрлөө. Дараагийн хоол захиалах уу: үдийн үү, оройн уу?
closed_moved = { $when } захиалах цаг өнгөрлөө. { $day } захиална. 
no_menu = { $when }: цэс хараахан алга. Өөр хоол сонгох уу: үдийн үү, оройн уу?
canteen_closed = { $when } хоолны газар амарна ({ $reason }). 
next_open_meal = Дараагийн захиалж болох хоол: { $when }. 
past_date = Тэр өдөр өнгөрчихсөн. Өнөөдөр үү, маргааш уу?
outside_area = Таны гэр хүргэлтийн бүсээс гадна байна. Өөрөө авах уу, хоолны газарт идэх үү?
mode_not_offered = Хоолны газар «{ $mode }» үйлчилгээ үзүүлдэггүй. Өөрийг нь сонгох уу?
no_address = Таны хаяг бүртгэгдээгүй тул хүргэж чадахгүй. Өөрөө авах уу, хоолны газарт идэх үү?
dish_removed = За, { $dish } хасагдлаа.{" "}

## My orders, cancel, change, balance

no_orders = Танд одоогоор захиалга алга.
no_orders_of = { $elder }-д одоогоор захиалга алга.
no_order_of = Та { $dish } захиалаагүй байна.
no_changeable = Өөрчилж болох захиалга алга.
orders_intro = Таны захиалга:{" "}
orders_intro_of = { $elder }-ийн захиалга:{" "}
order_line = { $when }, { $items }, { $status }.{" "}
cancel_which = { $when }, { $items }: энэ захиалгаа цуцлах уу?
cancel_done = Цуцаллаа. { $refund }
cancel_reason_phoned = Ахмад настны хүсэлтээр цуцалсан
cancel_refund = { $card } картад тань буцаж орлоо.
cancel_kept = За, захиалга хэвээрээ байна.
balance = { $cards }.
balance_card = { $kind }: үлдэгдэл { $money }
balance_none = Танд карт байхгүй.

## Reminders, feedback, language

ask_reminder_time = Өдөр бүр хэдэн цагт сануулах вэ?
reminder_set = За, өдөр бүр { $time } цагт хоол захиалахыг сануулна.
ask_complaint = Юу нь муу байсан бэ? Би хоолны газарт дамжуулна.
complaint_stored = Тэмдэглэлээ, хоолны газарт дамжууллаа. Тэд танд хариу өгнө.
complaint_relayed = Тэмдэглэлээ: { $elder }-ийн саналыг санал хүсэлтийн хайрцагт хийлээ.
praise_stored = Баярлалаа. Таны үгийг хоолны газарт дамжуулна.
lang_set = За, монголоор ярья.
rating_thanks = Үнэлгээ өгсөнд баярлалаа.
voice_replies_off = За, цаашид зөвхөн бичгээр хариулна.
voice_replies_on = За, цаашид дуугаар ч хариулна.

## Emergency: short, the numbers first-hand, nothing else asked

emergency_elder = Битгий санаа зовоорой. { $told } мэдэгдлээ. Аюултай бол 120-д залгаарай. { $phones }
emergency_told_family = Гэр бүл болон хороонд тань
emergency_phone = { $name } { $phone }
emergency_alert = Яаралтай! { $elder }: «{ $said }». Даруй холбогдоорой. Утас { $phone }.
emergency_ack = { $staff } мэдлээ, даруй ирнэ.
emergency_ack_staff = Таныг мэдсэн гэдгийг { $elder } болон гэр бүлд нь мэдэгдлээ.

## Family

link_code = Таны гэр бүлийн код: { $code }. Үүнийг гэр бүлдээ хэлээрэй, хагас цагийн турш хүчинтэй.
link_ask_elder = { $family } ({ $relation }) танд хоол захиалж, захиалгыг тань харах хүсэлтэй байна. Зөвшөөрөх үү?
link_confirmed = За, { $family } одоо танд хоол захиалж болно.
link_refused = За, холбосонгүй.
link_redeemed = { $elder } зөвшөөрсний дараа та хоол захиалж болно.
link_done_family = { $elder } зөвшөөрлөө. Одоо та { $elder } гуайд хоол захиалж болно.
link_refused_family = { $elder } зөвшөөрсөнгүй.
family_no_elder = Та ахмад настантай холбогдоогүй байна. Ахмад настан «Гэр бүл» гэж хэлээд код авна, дараа нь та «/link код» гэж илгээгээрэй.
family_waiting = { $elder } зөвшөөрөхийг хүлээж байна.
family_which = Та хэнд захиалах вэ?
family_one_at_a_time = Нэг нэгээр нь захиалаарай: эхлээд хэнд, юу захиалахаа хэлээрэй.
family_for = За, одоо { $elder } гуайд захиална.
notify_placed = { $family } танд ({ $elder }) { CASE($when, "acc") } захиаллаа: { $items }.

## Staff

staff_help = Та «өнөөдөр хэдэн захиалга байна», «хэнд хүргэх вэ», «юу хийх вэ», «12 хүргэсэн» эсвэл «Цэцэг эмээгийн оройн хоолыг цуцал» гэж хэлж болно. Цэсийн файл илгээвэл цэс нийтлэгдэнэ.
staff_only = Үүнийг зөвхөн хоолны газрын ажилтан хийж болно.
menu_file_problems = Цэсийн файлд { $count } алдаа байна, юу ч нийтэлсэнгүй: { $problems }
menu_preview = Цэсийн файл зөв: { $canteen }, { $dishes } хоол, { $menus } удаагийн цэс ({ $first } - { $last }). Нийтлэх үү?
menu_published = Нийтэллээ: шинэ хоол { $dishes_added }, шинэчилсэн { $dishes_updated }; шинэ цэс { $menus_added }, сольсон { $menus_replaced }.
menu_not_published = За, нийтэлсэнгүй.
kitchen_none = { $when }: захиалга алга.
kitchen_intro = { $when }, хийх нь:{" "}
kitchen_line = { $dish } { $qty } хувь
delivery_none = { $when }: хүргэх захиалга алга.
delivery_intro = { $when }, { $count } хувь хүргэнэ:{" "}
delivery_line = { CASE($id, "ord") }, { $name }, { $address }, { $items }
way_delivery = гэрт хүргэх
way_pickup = өөрөө авах
way_dine_in = ирж идэх
way_list_none = { $when }: { $way } захиалга алга.
way_list_intro = { $when }, { $way } { $count } хувь:{" "}
way_list_line = { CASE($id, "ord") }, { $name }, { $items }
who_ordered = { $when }, { $dish }: { $people }.
who_ordered_one = { $name } { $qty }
who_ordered_none = { $when }, { $dish }: захиалга алга.
order_moved = { CASE($id, "ord") } захиалга одоо «{ $status }».
feedback_none = Хариу өгөх санал алга.
feedback_line = { CASE($id, "ord") }, { $kind }, { $elder }: { $text }
feedback_answered = { CASE($id, "ord") } саналд хариу өглөө.
feedback_answer_to_elder = Хоолны газар таны саналд хариулав: { $text }
feedback_to_staff = Шинэ { $kind } ({ CASE($id, "ord") }), { $elder }: { $text }
complaint = гомдол
praise = магтаал

## Words put together

when = { $day } { $meal }
item = { $dish } { $qty } хувь
items_each = { $dishes } тус бүр { $qty } хувь
and = ,{" "}
comma = ,{" "}
stop = .{" "}

## Voice

voice_heard = Миний сонссон: { $heard }
voice_not_heard = Сайн сонссонгүй, дахин хэлээрэй.
voice_too_long = Товчхон, нэг удаад нэг юм хэлээрэй.
voice_no_model = Би энэ хэлний дууг одоохондоо ойлгохгүй байна, бичээд илгээгээрэй.
voice_failed = Дууг боловсруулж чадсангүй, дахин хэлээрэй.

## Buttons: answers offered under a question (what a button sends back is its label,
## so the dialogue must understand each one: tests/menus/test_catalogue.py).

btn_yes = Тийм
btn_no = Үгүй
btn_lunch = Үдийн хоол
btn_dinner = Оройн хоол
btn_delivery = Гэрт хүргээрэй
btn_pickup = Өөрөө авна
btn_dine_in = Хоолны газарт очиж иднэ
btn_publish = Нийтэлье
btn_not_publish = Үгүй
btn_agree = зөвшөөрнө
btn_disagree = зөвшөөрөхгүй
choice_menu = Өнөөдөр юу идэх вэ
choice_order = Хоол захиалъя
choice_orders = Миний захиалга
choice_repeat = Дахин хэлээрэй

# One elder's part of an answer about several (family ordering for two in one breath).
several_for = { $elder }: { $text }
# The meal asked when the dishes said are served at two meals other than lunch and dinner.
ask_meal_of = { $first } уу, { $second } уу?

# Counts staff ask for (today's orders, portions left of a dish).
staff_count_orders = { $when } нийт { $orders } захиалга: хүргэх { $delivery }, өөрөө авах { $pickup }, хоолны газарт идэх { $dine_in }.
staff_count_to = { $when } { $community } руу { $count } хувь хүргэнэ.
staff_count_ordered = { $when } { $dish } { $qty } хувь захиалсан.
staff_count_total = Нийт { $qty } хувь.
staff_count_left = { $when } { $dish } { $left } хувь үлдсэн.
staff_count_unlimited = { $when } { $dish } хязгааргүй.
staff_count_not_on = { $when } { $dish } байхгүй.
# Vouchers still valid, in the balance answer.
balance_vouchers = Талон { $count } байна, нэг нь { $money }
balance_vouchers_total = Талон { $count } байна, нийт { $money }

# The read-back briefly, then how a person wants to be spoken to.
read_back_short = { $who }{ $head }: { $items }. { $pay }{" "}
read_back_also = { $name }: { $items }. { $cost }.{" "}
read_back_same = { $when } мөн адил.{" "}
several_when_way = { $when } { $way }.{" "}
several_way = { $way }.{" "}
several_label = { $label }:{" "}
several_order = { $items }. { $pay }{" "}
pay_short = Төлөх дүн { $payable }.
pay_nothing_short = Төлөх мөнгө байхгүй.
pay_card_short = Картаас { $card } хасна.
speech_slower = За, удаан ярья.{" "}
speech_faster = За, хурдан ярья.{" "}
speech_louder = За, чанга ярья.{" "}
speech_shorter = За, товч ярья.{" "}
speech_longer = За, дэлгэрэнгүй ярья.{" "}
# Dishes of an order moved to another meal that the new meal does not serve.
dish_not_served = { $when } { $dish } байхгүй, захиалахгүй.{" "}
# An elder greeted politely (used in Mandarin only: a Mongolian given name is said as it is).
address_elder = { $surname }{ $word }
