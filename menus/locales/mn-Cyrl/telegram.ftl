# Mongolian in Cyrillic script (Khalkha orthography): the catalogue read when a person writes
# in Cyrillic. The same ids and variables as menus/locales/mn/telegram.ftl (the
# traditional-script catalogue); the meaning follows menus/locales/zh/telegram.ftl.
# Figures in Arabic digits.

### The Telegram channel: registration (language, name, phone, address), family and staff
### sign-up, and the four big buttons. One or two short sentences each (at most 80 characters).

ask_lang = Сайн байна уу! Хэлээ сонгоорой.
ask_name = Таныг хэн гэдэг вэ?
ask_phone = Доорх «Утасны дугаар илгээх» товчийг дараарай.
phone_button = Утасны дугаар илгээх
press_contact = Товчийг дараарай, бичих хэрэггүй.
not_own_contact = Энэ бусдын дугаар байна. Товчийг дараарай.
ask_address = Гэрийн хаягаа хэлээрэй.
name_empty = Нэрээ дахин хэлээрэй.
address_empty = Хаягаа дахин хэлээрэй.
registered = Бүртгэл дууслаа, { $name }.
welcome_back = Таны бүртгэл олдлоо, { $name }.
already_registered = Та бүртгэлтэй байна, { $name }.
staff_ask_phone = Ажилтны бүртгэл. Товчийг дараарай.
staff_linked = { $name }, та ажилтнаар нэвтэрлээ.
staff_refused = Уучлаарай, энэ дугаар ажилтных биш.
link_usage = /link дугаар гэж илгээгээрэй.
link_ask_name = Гэр бүлийн бүртгэл: таныг хэн гэдэг вэ?
link_sent = Хүлээн авлаа. Ахмад настан зөвшөөрөхийг хүлээгээрэй.
start_first = Эхлээд /start гэж илгээгээрэй.
help_new = /start гэж илгээж бүртгүүлээрэй.
voice_off = Дуу хоолой хараахан ажиллахгүй. Товчийг дараарай.
voice_wait = Сонсож байна, түр хүлээгээрэй.
file_unreadable = Файлыг нээж чадсангүй, дахин илгээгээрэй.
error = Алдаа гарлаа. Дахин хэлээрэй.
btn_menu = Өнөөдрийн цэс
btn_order = Хоол захиалъя
btn_orders = Миний захиалга
btn_repeat = Дахин хэлээрэй
