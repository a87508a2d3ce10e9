### The dialogue: what the bot says to elders, their families and canteen staff in the chat
### (Telegram, the terminal, the speaker), and the labels of the buttons it offers.
### Short sentences, one question at a time; numbers, days and money come in already said
### the way people say them (menus.spoken, menus.catalogue).
### Mongolian: traditional script; case endings after a variable through { CASE($x, "gen") }
### (menus.grammar), figures in Mongolian digits.

## Greeting, help, repair

greet = ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠂ { $name }᠃ ᠪᠢ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠲᠤᠰᠠᠯᠠᠭᠴᠢ᠃ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ» ᠪᠤᠶᠤ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
help = ᠲᠠ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ»᠂ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ»᠂ «ᠶᠠᠭᠤ ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ»᠂ «ᠴᠤᠴᠠᠯᠠᠶ᠎ᠠ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠪᠣᠯ «ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ» ᠭᠡᠭᠡᠷᠡᠢ᠃
thanks = ᠵᠦᠭᠡᠷ ᠡᠭᠡ᠃
bye = ᠪᠠᠶᠠᠷᠲᠠᠢ᠂ ᠰᠠᠶᠢᠬᠠᠨ ᠬᠣᠭᠣᠯᠠᠯᠠᠭᠠᠷᠠᠢ᠃
ok = ᠵᠠ᠃
not_understood = ᠣᠶᠢᠯᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ «ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ» ᠪᠤᠶᠤ «ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
choices = ᠲᠣᠭ᠎ᠠ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ: ᠑ ᠥᠨᠦᠳᠦᠷ ᠦᠨ ᠴᠡᠰ᠂ ᠒ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ᠂ ᠓ ᠮᠢᠨᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ ᠔ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠬᠦ᠃
nothing_to_repeat = ᠪᠢ ᠬᠠᠷᠠᠬᠠᠨ ᠶᠠᠭᠤ ᠴᠤ ᠬᠡᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃ ᠲᠠ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠤᠤ᠃
sorry = ᠠᠭᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠠᠯᠳᠠᠭ᠎ᠠ ᠭᠠᠷᠪᠠ᠃ ᠶᠠᠭᠤ ᠴᠤ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
refused = { $message }

## Menu and nutrition

menu_intro = { $when }:{" "}
menu_item = { $dish } { $price }
menu_flag_good = { $dish } ᠲᠠᠨ ᠳᠤ ᠲᠣᠬᠢᠷᠠᠮᠵᠢᠲᠠᠢ᠃{" "}
menu_flag_bad = { $dish } { $why }᠂ ᠲᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
menu_none = { $when } ᠴᠡᠰ ᠠᠯᠭ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
menu_more_dishes = ᠪᠠᠰᠠ { $count } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠰᠣᠨᠣᠰᠬᠤ ᠤᠤ᠃
menu_next_meal = { $meal } ᠶᠢ ᠰᠣᠨᠣᠰᠬᠤ ᠤᠤ᠃
dish_price = { $dish } { $price }᠃
dish_on = ᠪᠠᠢᠨ᠎ᠠ᠃ { $when } { $dish } { $price }᠃
dish_off = { $when } { $dish } ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
dish_left = { $when } { $dish } { $left } ᠬᠤᠪᠢ ᠦᠯᠡᠳᠡᠪᠡ᠂ { $price }᠃
dish_off_offer = { $when } { $dish } ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃ { $few } ᠪᠠᠢᠨ᠎ᠠ᠃
kind_on = { $when } { $kind }: { $dishes }᠃
kind_off = { $when } { $kind } ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ᠃
fact_yes = { $dish } { $fact }᠃
fact_no = { $dish } { $fact }᠃
fact_soft_yes = ᠵᠥᠭᠡᠯᠡᠨ
fact_soft_no = ᠲᠣᠳᠠᠢ ᠵᠥᠭᠡᠯᠡᠨ ᠦᠭᠡᠢ
fact_bones_yes = ᠶᠠᠰᠤ ᠲᠠᠢ᠂ ᠪᠣᠯᠭᠣᠮᠵᠢᠲᠠᠢ ᠢᠳᠡᠭᠡᠷᠡᠢ
fact_bones_no = ᠶᠠᠰᠤ ᠦᠭᠡᠢ
fact_spicy_yes = ᠬᠠᠯᠠᠭᠤᠨ
fact_spicy_no = ᠬᠠᠯᠠᠭᠤᠨ ᠦᠭᠡᠢ
fact_salty_yes = ᠳᠠᠪᠤᠰᠤᠯᠢᠭ
fact_salty_no = ᠳᠠᠪᠤᠰᠤᠯᠢᠭ ᠦᠭᠡᠢ
fact_sweet_yes = ᠠᠮᠲᠠᠲᠠᠢ
fact_sweet_no = ᠠᠮᠲᠠᠲᠠᠢ ᠦᠭᠡᠢ
fact_fat_yes = ᠲᠣᠰᠣᠲᠠᠢ
fact_fat_no = ᠲᠣᠰᠣ ᠪᠠᠭ᠎ᠠ
too_spicy = ᠭᠠᠰᠢᠭᠤᠨ
salty = ᠳᠠᠪᠤᠰᠤ ᠢᠬᠡᠲᠡᠢ
sweet = ᠰᠢᠬᠢᠷ ᠢᠬᠡᠲᠡᠢ
fatty = ᠲᠣᠰᠣ ᠢᠬᠡᠲᠡᠢ
hard = ᠬᠠᠲᠠᠭᠤ
purine = ᠫᠦᠷᠢᠨ ᠢᠬᠡᠲᠡᠢ
advice_hypertension = ᠴᠤᠰᠤᠨ ᠤ ᠳᠠᠷᠤᠯᠲᠠ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠡᠳᠦᠷ ᠲᠦ ᠲᠠᠪᠤᠨ ᠭᠷᠠᠮ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ ᠳᠠᠪᠤᠰᠤ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_diabetes = ᠴᠤᠰᠤᠨ ᠤ ᠰᠢᠬᠢᠷ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠠᠮᠲᠠᠲᠠᠢ ᠶᠠᠭᠤᠮ᠎ᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠵᠦ᠂ ᠭᠤᠯ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠲᠡᠢ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_chewing = ᠰᠢᠳᠦ ᠮᠠᠭᠤ ᠪᠣᠯ ᠵᠥᠭᠡᠯᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_gout = ᠲᠤᠯᠠᠢ ᠲᠠᠢ ᠪᠣᠯ ᠮᠢᠬᠠᠨ ᠰᠢᠯᠦ᠂ ᠳᠠᠯᠠᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_hyperlipidemia = ᠴᠤᠰᠤᠨ ᠤ ᠲᠣᠰᠣ ᠥᠨᠳᠦᠷ ᠪᠣᠯ ᠲᠣᠰᠣ ᠢᠬᠡᠲᠡᠢ ᠬᠣᠭᠣᠯᠠ ᠪᠠᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_general = ᠡᠳᠦᠷ ᠲᠦ ᠲᠠᠪᠤᠨ ᠭᠷᠠᠮ ᠠᠴᠠ ᠪᠠᠭ᠎ᠠ ᠳᠠᠪᠤᠰᠤ ᠢᠳᠡᠵᠦ᠂ ᠵᠥᠭᠡᠯᠡᠨ ᠬᠣᠭᠣᠯᠠ᠂ ᠣᠯᠠᠨ ᠨᠣᠭᠣᠭ᠎ᠠ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃{" "}
advice_salt = { $dish } ᠨᠢᠭᠡ ᠬᠤᠪᠢ ᠳᠤ ᠪᠠᠷᠤᠭ { $salt } ᠭᠷᠠᠮ ᠳᠠᠪᠤᠰᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃{" "}

## Ordering

ask_dish = ᠲᠠ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ ᠪᠤᠢ᠃
ask_which_dish = { $dishes } ᠠᠯᠢ ᠨᠢ ᠪᠤᠢ᠃
ask_meal = ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠤᠤ᠃
ask_fulfillment = ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠬᠦ ᠦᠦ᠂ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠢᠷᠡᠵᠦ ᠢᠳᠡᠬᠦ ᠦᠦ᠃
read_back_who = { $name }᠂{" "}
read_back = { $who }{ $head }: { $items }᠃ { $cost }᠃{" "}
read_back_full = { $who }{ $head }: { $items }᠃ ᠦᠨ᠎ᠡ { $price }᠂ ᠲᠡᠳᠬᠦᠮᠵᠢ { $subsidy }{ $voucher }{ $card }᠂ { $payable }᠃{" "}
cost_plain = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠲᠡᠢ { $payable }
cost_free = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠲᠡᠢ᠂ ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ
cost_card_all = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠲᠡᠢ { $net }᠂ ᠺᠠᠷᠲ ᠠᠴᠠ ᠬᠠᠰᠤᠨ᠎ᠠ
cost_voucher = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠪᠠ ᠲᠠᠯᠣᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠲᠥᠯᠦᠬᠦ ᠨᠢ { $payable }
cost_voucher_free = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠪᠠ ᠲᠠᠯᠣᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ
cost_parts = ᠲᠡᠳᠬᠦᠮᠵᠢ ᠲᠡᠢ{ $voucher }{ $card }᠂ { $pay }
cost_pay = ᠲᠥᠯᠦᠬᠦ ᠨᠢ { $payable }
read_back_voucher = ᠂ ᠲᠠᠯᠣᠨ { $voucher }
read_back_card = ᠂ ᠺᠠᠷᠲ ᠠᠴᠠ ᠬᠠᠰᠤᠬᠤ { $card }
ask_confirm = ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠤᠤ᠃
ask_confirm_change = ᠢᠩᠭᠢᠵᠦ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠦᠦ᠃
nothing_to_pay = ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ
nothing_to_pay_full = ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ
pay_rest_full = ᠲᠥᠯᠦᠬᠦ ᠨᠢ { $payable }
serve_delivery = { $day } { $start }-{ $end } ᠴᠠᠭ ᠲᠤ ᠭᠡᠷ ᠲᠦ ᠲᠠᠨᠢ ᠬᠦᠷᠭᠡᠨ᠎ᠡ᠃
serve_pickup = { $day } { $start }-{ $end } ᠴᠠᠭ ᠲᠤ ᠢᠷᠡᠵᠦ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃
serve_dine_in = { $day } { $start }-{ $end } ᠴᠠᠭ ᠲᠤ ᠢᠷᠡᠵᠦ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃
placed = ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ᠃ { $serve }
placed_again = ᠡᠨᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠥᠮᠨᠡ ᠨᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ { $serve }
changed = ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠪᠡ᠃ { $serve }
not_placed = ᠵᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃
not_changed = ᠵᠠ᠂ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠂ ᠡᠮᠦᠨᠡᠬᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠡᠪᠡᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
confirm_yes_no = ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠪᠣᠯ «ᠲᠡᠢᠮᠦ»᠂ ᠦᠭᠡᠢ ᠪᠣᠯ «ᠦᠭᠡᠢ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
no_such_dish = { $when } { $dish } ᠠᠯᠭ᠎ᠠ᠃ ᠪᠠᠶᠢᠭ᠎ᠠ ᠨᠢ: { $available }᠃ ᠠᠯᠢ ᠶᠢ ᠢᠳᠡᠬᠦ ᠪᠤᠢ᠃
and_others = {" "}ᠵᠡᠷᠭᠡ { $count } ᠬᠣᠭᠣᠯᠠ
sold_out = { $dish } ᠳᠠᠭᠤᠰᠴᠠᠢ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠬᠣᠭᠣᠯᠠ ᠰᠣᠩᠭᠣᠬᠤ ᠤᠤ᠃
sold_out_offer = { $dish } ᠵᠥᠪᠬᠡᠨ { $left } ᠬᠤᠪᠢ ᠦᠯᠡᠳᠡᠪᠡ᠃{" "}
left_without_order = ᠵᠠ᠂ ᠶᠠᠭᠤ ᠴᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
every_day = ᠡᠳᠦᠷ ᠪᠦᠷᠢ
workdays = ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠪᠦᠷᠢ
every_weekday = ᠭᠠᠷᠠᠭ ᠪᠦᠷᠢ { $days }
date_span = { $start }-{ $end }{" "}
date_span_day = { $day }
standing_read_back = ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ { $days } { $meal }᠃{" "}
standing_read_back_days = ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ { $days } { $meal }᠃{" "}
ask_confirm_standing = ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠤᠤ᠃
standing_placed = ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠣᠯᠪᠠ: { $days } { $meal }᠃
standing_paused = ᠵᠠ᠂ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠵᠣᠭᠰᠣᠪᠠ᠃
standing_resumed = ᠵᠠ᠂ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠰᠡᠷᠭᠦᠪᠡ᠃
standing_paused_days = ᠵᠠ᠂ { $first } — { $last } ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠵᠣᠭᠰᠣᠭᠠᠵᠤ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠢ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ᠎ᠡ᠃
closed = { $when } ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠃ ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ᠂ ᠦᠳᠡ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠤᠤ᠃
closed_moved = { $when } ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠃ { $day } ᠵᠠᠬᠢᠶᠠᠯᠠᠨ᠎ᠠ᠃ 
no_menu = { $when } ᠴᠡᠰ ᠠᠯᠭ᠎ᠠ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠬᠣᠭᠣᠯᠠ ᠰᠣᠩᠭᠣᠶ᠎ᠠ᠂ ᠦᠳᠡ ᠤᠤ᠂ ᠣᠷᠣᠢ ᠤᠤ᠃
canteen_closed = { $when } ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠠᠮᠠᠷᠠᠨ᠎ᠠ ({ $reason })᠃ 
next_open_meal = ᠳᠠᠷᠠᠭᠠᠴᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠬᠤ ᠬᠣᠭᠣᠯᠠ: { $when }᠃ 
past_date = ᠲᠡᠷᠡ ᠡᠳᠦᠷ ᠥᠩᠭᠡᠷᠡᠴᠢᠬᠡᠵᠡᠢ᠃ ᠥᠨᠦᠳᠦᠷ ᠤᠤ᠂ ᠮᠠᠷᠭᠠᠰᠢ ᠤᠤ᠃
outside_area = ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠬᠦᠷᠭᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠷᠢᠶ᠎ᠡᠨ ᠡᠴᠡ ᠭᠠᠳᠠᠨ᠎ᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ ᠦᠦ᠃
mode_not_offered = ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ «{ $mode }» ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ᠃ ᠥᠭᠡᠷ᠎ᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
no_address = ᠲᠠᠨ ᠤ ᠬᠠᠶᠢᠭ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠬᠦᠷᠭᠡᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠤᠤ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ ᠦᠦ᠃
dish_removed = ᠵᠠ᠂ { $dish } ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃{" "}

## My orders, cancel, change, balance

no_orders = ᠲᠠᠨ ᠳᠤ ᠣᠳᠣ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
no_orders_of = { $elder } ᠳᠤ ᠣᠳᠣ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
no_order_of = ᠲᠠ { $dish } ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃
no_changeable = ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
orders_intro = ᠲᠠᠨ ᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ:{" "}
orders_intro_of = { $elder } ᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ:{" "}
order_line = { $when }᠂ { $items }᠂ { $status }᠃{" "}
cancel_which = { $when } { $items } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠴᠤᠴᠠᠯᠠᠬᠤ ᠤᠤ᠃
cancel_done = ᠴᠤᠴᠠᠯᠠᠪᠠ᠃ { $refund }
cancel_reason_phoned = ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠦ ᠬᠦᠰᠡᠯᠲᠡ ᠪᠡᠷ ᠴᠤᠴᠠᠯᠠᠪᠠ
cancel_refund = ᠺᠠᠷᠲ ᠤᠨ { $card } ᠪᠤᠴᠠᠭᠠᠵᠤ ᠥᠭᠪᠡ᠃
cancel_kept = ᠵᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠡᠪᠡᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃
balance = { $cards }᠃
balance_card = { $kind } ᠦᠯᠡᠳᠡᠭᠳᠡᠯ { $money }
balance_none = ᠲᠠᠨ ᠳᠤ ᠺᠠᠷᠲ ᠠᠯᠭ᠎ᠠ᠃

## Reminders, feedback, language

ask_reminder_time = ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠬᠡᠳᠦᠨ ᠴᠠᠭ ᠲᠤ ᠰᠠᠨᠠᠭᠤᠯᠬᠤ ᠪᠤᠢ᠃
reminder_set = ᠵᠠ᠂ ᠡᠳᠦᠷ ᠪᠦᠷᠢ { $time } ᠴᠠᠭ ᠲᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠶᠢ ᠰᠠᠨᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃
ask_complaint = ᠶᠠᠭᠤ ᠮᠠᠭᠤ ᠪᠠᠶᠢᠭ᠎ᠠ ᠪᠤᠢ᠃ ᠪᠢ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃
complaint_stored = ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠪᠠ᠃ ᠲᠡᠳᠡ ᠲᠠᠨ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠭᠦᠨ᠎ᠡ᠃
complaint_relayed = ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ: { $elder } ᠤᠨ ᠰᠠᠨᠠᠯ ᠢ ᠰᠠᠨᠠᠯ ᠤᠨ ᠬᠠᠶᠢᠷᠴᠠᠭ ᠲᠤ ᠬᠢᠪᠡ᠃
praise_stored = ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃ ᠲᠠᠨ ᠤ ᠦᠭᠡ ᠶᠢ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠳᠠᠮᠵᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃
lang_set = ᠵᠠ᠂ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡᠪᠡᠷ ᠶᠠᠷᠢᠶ᠎ᠠ᠃
rating_thanks = ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃
voice_replies_off = ᠵᠠ᠂ ᠡᠨᠡ ᠡᠴᠡ ᠬᠤᠶᠢᠰᠢ ᠵᠥᠪᠬᠡᠨ ᠪᠢᠴᠢᠭ ᠢᠯᠡᠭᠡᠨ᠎ᠡ᠃
voice_replies_on = ᠵᠠ᠂ ᠡᠨᠡ ᠡᠴᠡ ᠬᠤᠶᠢᠰᠢ ᠳᠠᠭᠤ ᠪᠠᠷ ᠴᠤ ᠬᠠᠷᠢᠭᠤᠯᠤᠨ᠎ᠠ᠃

## Emergency: short, the numbers first-hand, nothing else asked

emergency_elder = ᠪᠢᠲᠡᠭᠡᠢ ᠰᠠᠨᠠᠭ᠎ᠠ ᠵᠣᠪᠠ᠃ { $told } ᠮᠡᠳᠡᠭᠳᠡᠯ ᠥᠭᠪᠡ᠃ ᠠᠶᠤᠯ ᠲᠠᠢ ᠪᠣᠯ ᠑᠒᠐ ᠳᠤ ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ᠃ { $phones }
emergency_told_family = ᠭᠡᠷ ᠪᠦᠯᠢ ᠪᠣᠯᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ ᠳᠤ
emergency_phone = { $name } { $phone }
emergency_alert = ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ! { $elder }: «{ $said }»᠃ ᠳᠠᠷᠤᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃ ᠤᠲᠠᠰᠤ { $phone }᠃
emergency_ack = { $staff } ᠰᠣᠨᠣᠰᠴᠠᠢ᠂ ᠳᠠᠷᠤᠢ ᠢᠷᠡᠨ᠎ᠡ᠃
emergency_ack_staff = { $elder } ᠪᠣᠯᠣᠨ ᠭᠡᠷ ᠪᠦᠯᠢ ᠳᠦ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠥᠭᠪᠡ᠃

## Family

link_code = ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠺᠣᠳ: { $code }᠃ ᠡᠨᠡ ᠶᠢ ᠭᠡᠷ ᠪᠦᠯᠢ ᠳᠡᠭᠡᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠂ ᠬᠠᠭᠠᠰ ᠴᠠᠭ ᠬᠦᠴᠦᠨ ᠲᠡᠢ᠃
link_ask_elder = { $family } ({ $relation }) ᠲᠠᠨ ᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢ ᠲᠠᠨᠢ ᠦᠵᠡᠬᠦ ᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠦ᠃
link_confirmed = ᠵᠠ᠂ { $family } ᠣᠳᠣ ᠲᠠᠨ ᠳᠤ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
link_refused = ᠵᠠ᠂ ᠬᠣᠯᠪᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
link_redeemed = { $elder } ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠲᠠ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
link_done_family = { $elder } ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡ᠃ ᠣᠳᠣ ᠲᠠ { $elder } ᠬᠦᠮᠦᠨ ᠳᠦ ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
link_refused_family = { $elder } ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃
family_no_elder = ᠲᠠ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ «ᠭᠡᠷ ᠪᠦᠯᠢ» ᠭᠡᠵᠦ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠳ᠂ ᠲᠠ «/link ᠺᠣᠳ» ᠭᠡᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
family_waiting = { $elder } ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ᠃
family_which = ᠲᠠ ᠬᠡᠨ ᠳᠦ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠪᠤᠢ᠃
family_one_at_a_time = ᠨᠢᠭᠡ ᠨᠢᠭᠡ ᠪᠡᠷ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠠᠷᠠᠢ᠃
family_for = ᠵᠠ᠂ ᠣᠳᠣ { $elder } ᠬᠦᠮᠦᠨ ᠳᠦ ᠵᠠᠬᠢᠶᠠᠯᠤᠨ᠎ᠠ᠃
notify_placed = { $family } ᠲᠠᠨ ᠳᠤ ({ $elder }) { CASE($when, "acc") } ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: { $items }᠃

## Staff

staff_help = ᠲᠠ «ᠥᠨᠥᠳᠦᠷ ᠬᠡᠳᠦᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠢᠨ᠎ᠠ»᠂ «ᠬᠡᠨ ᠳᠦ ᠬᠦᠷᠭᠡᠬᠦ ᠪᠤᠢ»᠂ «ᠶᠠᠭᠤ ᠬᠢᠬᠦ ᠪᠤᠢ»᠂ «᠑᠒ ᠬᠦᠷᠭᠡᠭᠰᠡᠨ» ᠭᠡᠵᠦ ᠬᠡᠯᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠢᠯᠡᠭᠡᠪᠡᠯ ᠴᠡᠰ ᠨᠡᠢᠲᠡᠯᠡᠨ᠎ᠡ᠃
staff_only = ᠡᠨᠡ ᠶᠢ ᠵᠥᠪᠬᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠠᠵᠢᠯᠴᠢᠨ ᠬᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
menu_file_problems = ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠳᠤ { $count } ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠶᠠᠭᠤ ᠴᠤ ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ: { $problems }
menu_preview = ᠴᠡᠰ ᠦᠨ ᠹᠠᠶᠢᠯ ᠵᠥᠪ: { $canteen }᠂ { $dishes } ᠬᠣᠭᠣᠯᠠ᠂ { $menus } ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠴᠡᠰ ({ $first } - { $last })᠃ ᠨᠡᠢᠲᠡᠯᠡᠬᠦ ᠦᠦ᠃
menu_published = ᠨᠡᠢᠲᠡᠯᠡᠪᠡ: ᠰᠢᠨ᠎ᠡ ᠬᠣᠭᠣᠯᠠ { $dishes_added }᠂ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠰᠡᠨ { $dishes_updated }; ᠰᠢᠨ᠎ᠡ ᠴᠡᠰ { $menus_added }᠂ ᠰᠣᠯᠢᠭᠰᠠᠨ { $menus_replaced }᠃
menu_not_published = ᠵᠠ᠂ ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃
kitchen_none = { $when } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
kitchen_intro = { $when } ᠬᠢᠬᠦ:{" "}
kitchen_line = { $dish } { $qty } ᠬᠤᠪᠢ
delivery_none = { $when } ᠬᠦᠷᠭᠡᠬᠦ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
delivery_intro = { $when } { $count } ᠬᠤᠪᠢ ᠬᠦᠷᠭᠡᠨ᠎ᠡ:{" "}
delivery_line = { CASE($id, "ord") }᠂ { $name }᠂ { $address }᠂ { $items }
way_delivery = ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠬᠦ
way_pickup = ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ
way_dine_in = ᠢᠷᠡᠵᠦ ᠢᠳᠡᠬᠦ
way_list_none = { $when } { $way } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
way_list_intro = { $when } { $way } { $count } ᠬᠤᠪᠢ:{" "}
way_list_line = { CASE($id, "ord") }᠂ { $name }᠂ { $items }
who_ordered = { $when } { $dish }: { $people }᠃
who_ordered_one = { $name } { $qty }
who_ordered_none = { $when } { $dish } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠯᠭ᠎ᠠ᠃
order_moved = { CASE($id, "ord") } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠣᠳᠣ «{ $status }»᠃
feedback_none = ᠬᠠᠷᠢᠭᠤ ᠥᠭᠭᠦᠬᠦ ᠰᠠᠨᠠᠯ ᠠᠯᠭ᠎ᠠ᠃
feedback_line = { CASE($id, "ord") }᠂ { $kind }᠂ { $elder }: { $text }
feedback_answered = { CASE($id, "ord") } ᠰᠠᠨᠠᠯ ᠳᠤ ᠬᠠᠷᠢᠭᠤ ᠥᠭᠪᠡ᠃
feedback_answer_to_elder = ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠠᠨ ᠤ ᠰᠠᠨᠠᠯ ᠳᠤ ᠬᠠᠷᠢᠭᠤᠯᠪᠠ: { $text }
feedback_to_staff = ᠰᠢᠨ᠎ᠡ { $kind } ({ CASE($id, "ord") })᠂ { $elder }: { $text }
complaint = ᠭᠣᠮᠳᠠᠯ
praise = ᠮᠠᠭᠲᠠᠭᠠᠯ

## Words put together

when = { $day } { $meal }
item = { $dish } { $qty } ᠬᠤᠪᠢ
items_each = { $dishes } ᠲᠤᠰ ᠪᠦᠷᠢ { $qty } ᠬᠤᠪᠢ
and = ᠂{" "}
comma = ᠂{" "}
stop = ᠃{" "}

## Voice

voice_heard = ᠪᠢ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠨᠢ᠄ { $heard }
voice_not_heard = ᠲᠣᠳᠣ ᠰᠣᠨᠣᠰᠤᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
voice_too_long = ᠪᠣᠭᠣᠨᠢ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
voice_no_model = ᠡᠨᠡ ᠬᠡᠯᠡᠨ ᠦ ᠳᠠᠭᠤ ᠶᠢ ᠪᠢ ᠣᠳᠣ ᠣᠢᠯᠠᠭᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠪᠢᠴᠢᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
voice_failed = ᠳᠠᠭᠤ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠵᠤ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃

## Buttons: answers offered under a question (what a button sends back is its label,
## so the dialogue must understand each one: tests/menus/test_catalogue.py).

btn_yes = ᠲᠡᠢᠮᠦ
btn_no = ᠦᠭᠡᠢ
btn_lunch = ᠦᠳᠡ
btn_dinner = ᠣᠷᠣᠢ
btn_delivery = ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠭᠡᠷᠡᠢ
btn_pickup = ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ
btn_dine_in = ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠨ᠎ᠡ
btn_publish = ᠨᠡᠢᠲᠡᠯᠡᠶ᠎ᠡ
btn_not_publish = ᠦᠭᠡᠢ
btn_agree = ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ
btn_disagree = ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ
choice_menu = ᠥᠨᠦᠳᠦᠷ ᠶᠠᠭᠤ ᠢᠳᠡᠬᠦ
choice_order = ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ
choice_orders = ᠶᠠᠭᠤ ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ
choice_repeat = ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ

# One elder's part of an answer about several (family ordering for two in one breath).
several_for = { $elder }: { $text }
# The meal asked when the dishes said are served at two meals other than lunch and dinner.
ask_meal_of = { $first } ᠤᠤ᠂ { $second } ᠤᠤ᠃

# Counts staff ask for (today's orders, portions left of a dish).
staff_count_orders = { $when } ᠨᠡᠢᠲᠡ { $orders } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ: ᠬᠦᠷᠭᠡᠬᠦ { $delivery }᠂ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ { $pickup }᠂ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ { $dine_in }᠃
staff_count_to = { $when } { $community } ᠳᠤ { $count } ᠬᠤᠪᠢ ᠬᠦᠷᠭᠡᠨ᠎ᠡ᠃
staff_count_ordered = { $when } { $dish } { $qty } ᠬᠤᠪᠢ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ᠃
staff_count_total = ᠪᠦᠭᠦᠳᠡ { $qty } ᠬᠤᠪᠢ᠃
staff_count_left = { $when } { $dish } { $left } ᠬᠤᠪᠢ ᠦᠯᠡᠳᠡᠭᠰᠡᠨ᠃
staff_count_unlimited = { $when } { $dish } ᠬᠢᠵᠠᠭᠠᠷ ᠦᠭᠡᠢ᠃
staff_count_not_on = { $when } { $dish } ᠦᠭᠡᠢ᠃
# Vouchers still valid, in the balance answer.
balance_vouchers = ᠲᠠᠯᠣᠨ { $count } ᠪᠠᠢᠨ᠎ᠠ᠂ ᠨᠢᠭᠡ ᠨᠢ { $money }
balance_vouchers_total = ᠲᠠᠯᠣᠨ { $count } ᠪᠠᠢᠨ᠎ᠠ᠂ ᠨᠡᠢᠲᠡ { $money }

# The read-back briefly, then how a person wants to be spoken to.
read_back_short = { $who }{ $head }: { $items }᠃ { $pay }{" "}
read_back_also = { $name }: { $items }᠃ { $cost }᠃{" "}
read_back_same = { $when } ᠮᠥᠨ ᠠᠳᠠᠯᠢ᠃{" "}
several_when_way = { $when } { $way }᠃{" "}
several_way = { $way }᠃{" "}
several_label = { $label }:{" "}
several_order = { $items }᠃ { $pay }{" "}
pay_short = ᠲᠥᠯᠦᠬᠦ ᠨᠢ { $payable }᠃
pay_nothing_short = ᠲᠥᠯᠦᠬᠦ ᠮᠥᠩᠭᠡ ᠦᠭᠡᠢ᠃
pay_card_short = ᠺᠠᠷᠲ ᠠᠴᠠ { $card } ᠬᠠᠰᠤᠨ᠎ᠠ᠃
speech_slower = ᠵᠠ᠂ ᠤᠳᠠᠭᠠᠨ ᠬᠡᠯᠡᠶ᠎ᠡ᠃{" "}
speech_faster = ᠵᠠ᠂ ᠬᠤᠷᠳᠤᠨ ᠬᠡᠯᠡᠶ᠎ᠡ᠃{" "}
speech_louder = ᠵᠠ᠂ ᠴᠢᠩᠭ᠎ᠠ ᠬᠡᠯᠡᠶ᠎ᠡ᠃{" "}
speech_shorter = ᠵᠠ᠂ ᠲᠣᠪᠴᠢ ᠬᠡᠯᠡᠶ᠎ᠡ᠃{" "}
speech_longer = ᠵᠠ᠂ ᠳᠡᠯᠭᠡᠷᠡᠩᠭᠦᠢ ᠬᠡᠯᠡᠶ᠎ᠡ᠃{" "}
# Dishes of an order moved to another meal that the new meal does not serve.
dish_not_served = { $when } { $dish } ᠦᠭᠡᠢ᠂ ᠵᠠᠬᠢᠶᠠᠯᠬᠤ ᠦᠭᠡᠢ᠃{" "}
# An elder greeted politely (used in Mandarin only: a Mongolian given name is said as it is).
address_elder = { $surname }{ $word }
