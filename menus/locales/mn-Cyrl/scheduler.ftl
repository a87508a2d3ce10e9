# Mongolian in Cyrillic script (Khalkha orthography): the catalogue read when a person writes
# in Cyrillic. The same ids and variables as menus/locales/mn/scheduler.ftl (the
# traditional-script catalogue); the meaning follows menus/locales/zh/scheduler.ftl.
# Figures in Arabic digits; case endings after a variable through CASE($x, "gen")
# (menus.grammar), as in the traditional-script file.

### What the scheduler sends: ordering reminders, order notices to elders and family,
### wellbeing alerts to family and the community, and staff notices. Each says the day and
### the meal the way people say them (маргааш үдийн) and ends with what to do.

reminder = { $day } { CASE($meal, "gen") } хоолоо хараахан захиалаагүй байна. Захиалах уу?
reminder_yes = Захиална
reminder_no = Хэрэггүй
placed_family = { $elder } { $day } { CASE($meal, "gen") } хоол захиаллаа: { $dishes }. Төлөх дүн { $payable }.
placed_family_paid = { $elder } { $day } { CASE($meal, "gen") } хоол захиаллаа: { $dishes }. Мөнгө нь төлөгдсөн.
on_the_way_elder = Таны { $day } { CASE($meal, "gen") } хоол гарлаа, удахгүй хүрээд очно.
on_the_way_family = { $elder }: { $day } { CASE($meal, "gen") } хоол гарлаа, удахгүй хүрээд очно.
ready_elder = Таны { $day } { CASE($meal, "gen") } хоол бэлэн боллоо, { CASE($canteen, "dat") } ирж аваарай.
ready_elder_dine_in = Таны { $day } { CASE($meal, "gen") } хоол бэлэн боллоо, { CASE($canteen, "dat") } ирж идээрэй.
ready_family = { $elder }: { $day } { CASE($meal, "gen") } хоол бэлэн боллоо, { CASE($canteen, "dat") } очиж авч болно.
completed_family_delivery = { $elder }: { $day } { CASE($meal, "gen") } хоол хүргэгдлээ.
completed_family_pickup = { $elder } { $day } { CASE($meal, "gen") } хоолоо авлаа.
completed_family_dine_in = { $elder } { $day } { CASE($meal, "gen") } хоолоо хоолны газарт идлээ.
cancelled_by_canteen = Уучлаарай, хоолны газар { $day } { CASE($meal, "gen") } хоолыг цуцаллаа: { $reason }. Мөнгийг бүрэн буцаалаа.
missed_family = { $elder } { $day } { CASE($meal, "gen") } хоолоо аваагүй байна. Утасдаж бие нь гайгүй эсэхийг асуугаарай.
missed_community = { $elder } ({ $community }) { $day } { CASE($meal, "gen") } хоолоо аваагүй байна. Гэрт нь очиж үзээрэй.
no_order_family = { $elder } байнга хоол захиалдаг ч { $day } { CASE($meal, "gen") } хоолоо захиалаагүй байна. Утасдаж асуугаарай.
no_order_community = { $elder } ({ $community }) байнга хоол захиалдаг ч { $day } { CASE($meal, "gen") } хоолоо захиалаагүй байна. Гэрт нь очиж үзээрэй.
cutoff_staff =
    { $day } { CASE($meal, "gen") } захиалга хаагдлаа, нийт { $orders }.
    { $sheet }
menu_missing_staff = Ирэх долоо хоногийн ({ $monday }) хоолны цэс хараахан нийтлэгдээгүй байна. Аль болох хурдан нийтлээрэй.
monthly_staff = { $month }: хоол { $meals }, татаас { $subsidy }, цуцалсан { $cancelled }, аваагүй { $missed }.
after_meal = Өчигдрийн { CASE($meal, "gen") } хоол ямар байсан бэ? 1-5 оноогоор үнэлээрэй, 5 нь хамгийн сайн.
no_community = -
standing_meal_placed = Байнгын захиалгаар { $day } { CASE($meal, "gen") } хоол захиаллаа: { $dishes }.
standing_refused = Байнгын захиалга: { $elder }, { $day } { CASE($meal, "gen") } хоол захиалагдсангүй — { $reason }
