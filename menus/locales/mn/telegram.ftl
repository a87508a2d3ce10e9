### The Telegram channel: registration (language, name, phone, address), family and staff
### sign-up, and the four big buttons. One or two short sentences each (at most 80 characters).
### Mongolian: traditional script; case endings after a variable through { CASE($x, "gen") }
### (menus.grammar), figures in Mongolian digits.

ask_lang = ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ᠃ ᠬᠡᠯᠡ ᠪᠡᠨ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
ask_name = ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠬᠡᠨ ᠪᠤᠢ᠃
ask_phone = ᠳᠣᠣᠷ᠎ᠠ ᠬᠢ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
phone_button = ᠤᠲᠠᠰᠤᠨ ᠤ ᠳ᠋ᠤᠭᠠᠷ ᠢᠯᠡᠭᠡᠬᠦ
press_contact = ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠂ ᠪᠢᠴᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃
not_own_contact = ᠡᠨᠡ ᠪᠣᠯ ᠪᠤᠰᠤᠳ ᠤᠨ ᠳ᠋ᠤᠭᠠᠷ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
ask_address = ᠲᠠᠨ ᠤ ᠭᠡᠷ ᠦᠨ ᠬᠠᠶᠢᠭ ᠶᠠᠭᠤ ᠪᠤᠢ᠃
name_empty = ᠨᠡᠷ᠎ᠡ ᠪᠡᠨ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
address_empty = ᠬᠠᠶᠢᠭ ᠢᠶᠠᠨ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
registered = ᠪᠦᠷᠢᠳᠬᠡᠯ ᠳᠠᠭᠤᠰᠪᠠ᠂ { $name }᠃
welcome_back = ᠲᠠᠨ ᠢ ᠣᠯᠪᠠ᠂ { $name }᠃
already_registered = ᠲᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠲᠡᠢ᠂ { $name }᠃
staff_ask_phone = ᠠᠵᠢᠯᠳᠠᠨ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
staff_linked = { $name }᠂ ᠲᠠ ᠠᠵᠢᠯᠳᠠᠨ ᠪᠠᠷ ᠣᠷᠣᠪᠠ᠃
staff_refused = ᠤᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠡᠨᠡ ᠳ᠋ᠤᠭᠠᠷ ᠠᠵᠢᠯᠳᠠᠨ ᠤ ᠪᠢᠰᠢ᠃
link_usage = /link ᠳ᠋ᠤᠭᠠᠷ ᠭᠡᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃
link_ask_name = ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠬᠡᠨ ᠪᠤᠢ᠃
link_sent = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ᠃ ᠥᠪᠡᠭᠡᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠭᠡᠷᠡᠢ᠃
start_first = /start ᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
help_new = /start ᠢ ᠳᠠᠷᠤᠵᠤ ᠪᠦᠷᠢᠳᠬᠡᠭᠦᠯᠦᠭᠡᠷᠡᠢ᠃
voice_off = ᠳᠠᠭᠤ ᠪᠠᠷ ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃ ᠲᠤᠪᠴᠢ ᠶᠢ ᠳᠠᠷᠤᠭᠠᠷᠠᠢ᠃
voice_wait = ᠰᠣᠨᠣᠰᠴᠤ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠲᠦᠷ ᠬᠦᠯᠢᠶᠡᠭᠡᠷᠡᠢ᠃
file_unreadable = ᠹᠠᠶᠢᠯ ᠢ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃
error = ᠠᠯᠳᠠᠭ᠎ᠠ ᠭᠠᠷᠪᠠ᠃ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
btn_menu = ᠥᠨᠦᠳᠦᠷ ᠤᠨ ᠴᠡᠰ
btn_order = ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ
btn_orders = ᠵᠠᠬᠢᠶᠠᠯᠤᠭᠰᠠᠨ
btn_repeat = ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ
