### What the scheduler sends: ordering reminders, order notices to elders and family,
### wellbeing alerts to family and the community, and staff notices. Each says the day and
### the meal the way people say them (明天中午) and ends with what to do.
### Mongolian: traditional script; case endings after a variable through { CASE($x, "gen") }
### (menus.grammar), figures in Mongolian digits.

reminder = { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠬᠠᠷᠠᠬᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠤᠤ?
reminder_yes = ᠵᠠᠬᠢᠶᠠᠯᠠᠨ᠎ᠠ
reminder_no = ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ
placed_family = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: { $dishes }᠃ { $payable } ᠲᠥᠯᠥᠨ᠎ᠡ᠃
placed_family_paid = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: { $dishes }᠃ ᠮᠥᠩᠭᠥ ᠲᠥᠯᠦᠭᠰᠡᠨ᠃
on_the_way_elder = { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠭᠠᠷᠴᠠᠢ᠂ ᠤᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠨ᠎ᠡ᠃
on_the_way_family = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠭᠠᠷᠴᠠᠢ᠂ ᠤᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠨ᠎ᠡ᠃
ready_elder = { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ { CASE($canteen, "dat") } ᠢᠷᠡᠵᠦ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃
ready_elder_dine_in = { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ { CASE($canteen, "dat") } ᠢᠷᠡᠵᠦ ᠢᠳᠡᠭᠡᠷᠡᠢ᠃
ready_family = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠪᠠ᠂ { CASE($canteen, "dat") } ᠠᠪᠴᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃
completed_family_delivery = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠪᠡ᠃
completed_family_pickup = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠪᠠ᠃
completed_family_dine_in = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠢᠳᠡᠪᠡ᠃
cancelled_by_canteen = ᠠᠭᠤᠴᠢᠯᠠᠭᠠᠷᠠᠢ᠂ ᠭᠠᠵᠠᠷ { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠶᠢ ᠴᠤᠴᠠᠯᠠᠪᠠ: { $reason }᠃ ᠮᠥᠩᠭᠥ ᠪᠤᠴᠠᠪᠠ᠃
missed_family = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠠᠰᠠᠭᠤᠭᠠᠷᠠᠢ᠃
missed_community = { $elder } ({ $community }) { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠣᠴᠢᠵᠤ ᠦᠵᠡᠭᠡᠷᠡᠢ᠃
no_order_family = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠠᠰᠠᠭᠤᠭᠠᠷᠠᠢ᠃
no_order_community = { $elder } ({ $community }) { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠪᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠣᠴᠢᠵᠤ ᠦᠵᠡᠭᠡᠷᠡᠢ᠃
cutoff_staff =
    { $day } { CASE($meal, "gen") } ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠠᠭᠠᠭᠳᠠᠪᠠ: { $orders }᠃
    { $sheet }
menu_missing_staff = ᠢᠷᠡᠬᠦ ᠳᠣᠯᠣᠭ᠎ᠠ ᠬᠣᠨᠣᠭ ({ $monday }) ᠤᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠴᠡᠰᠡ ᠨᠡᠢᠲᠡᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ᠃
monthly_staff = { $month }: ᠬᠣᠭᠣᠯᠠ { $meals }᠂ ᠲᠡᠳᠭᠦᠯᠭᠡ { $subsidy }᠂ ᠴᠤᠴᠠᠯᠠᠭᠰᠠᠨ { $cancelled }᠂ ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ { $missed }᠃
after_meal = ᠥᠴᠢᠭᠡᠳᠦᠷ ᠦᠨ { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠶᠠᠮᠠᠷ ᠪᠠᠶᠢᠪᠠ? ᠑-᠕ ᠭᠡᠵᠦ ᠦᠨᠡᠯᠡᠭᠡᠷᠡᠢ᠃
no_community = -
standing_meal_placed = { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠪᠠ: { $dishes }᠃
standing_refused = { $elder } { $day } { CASE($meal, "gen") } ᠬᠣᠭᠣᠯᠠ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ: { $reason }
