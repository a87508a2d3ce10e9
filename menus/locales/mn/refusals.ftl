### The store's refusals, one per DomainError code (refusal_<code>); tests assert on the
### code, not on the wording. States, meals and ways of getting a meal come in as words.
### Mongolian: traditional script; case endings after a variable through { CASE($x, "gen") }
### (menus.grammar), figures in Mongolian digits.
### Only some are written in Mongolian yet; the others are said in Mandarin (the fallback).

refusal_cannot_cancel_now = ᠡᠨᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠣᠳᠣ «{ $status }»᠂ ᠴᠤᠴᠠᠯᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
refusal_cancel_after_cutoff = ᠴᠤᠴᠠᠯᠠᠬᠤ ᠴᠠᠭ ᠥᠩᠭᠡᠷᠡᠪᠡ᠃ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠬᠡᠯᠡᠭᠡᠷᠡᠢ᠃
refusal_not_linked = ᠲᠠ ᠡᠨᠡ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
refusal_link_code_unknown = ᠡᠢᠮᠦ ᠺᠣᠳ ᠠᠯᠭ᠎ᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠡᠴᠡ ᠰᠢᠨ᠎ᠡ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃
refusal_link_code_expired = ᠡᠨᠡ ᠺᠣᠳ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠰᠪᠠ᠃ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠡᠴᠡ ᠰᠢᠨ᠎ᠡ ᠺᠣᠳ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃
refusal_already_linked = ᠲᠠ ᠡᠨᠡ ᠥᠪᠡᠭᠡᠳ ᠬᠦᠮᠦᠨ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠴᠢᠬᠠᠭᠰᠠᠨ᠃
refusal_not_staff = ᠡᠨᠡ ᠶᠢ ᠵᠥᠪᠬᠡᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠠᠵᠢᠯᠴᠢᠨ ᠬᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃
refusal_canteen_closed = ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ { $date } { $meal } ᠠᠮᠠᠷᠠᠨ᠎ᠠ ({ $reason })᠃ ᠥᠭᠡᠷ᠎ᠡ ᠡᠳᠦᠷ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃
