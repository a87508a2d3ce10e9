### Words put into sentences: days, meals, ways to get a meal, cards, family, order states, dates.
### A selector's default gives the value itself (a value the catalogue does not know).

# Days near today.
day =
    { $value ->
        [yesterday] ᠥᠴᠢᠭᠡᠳᠦᠷ
        [today] ᠥᠨᠦᠳᠦᠷ
        [tomorrow] ᠮᠠᠷᠭᠠᠰᠢ
        [overmorrow] ᠨᠥᠭᠦᠭᠡᠳᠦᠷ
       *[other] { $value }
    }

# A day of the week, as said after 每周 (一, 三) in a standing order.
weekday =
    { $value ->
        [monday] ᠨᠢᠭᠡ
        [tuesday] ᠬᠣᠶᠠᠷ
        [wednesday] ᠭᠤᠷᠪᠠ
        [thursday] ᠳᠥᠷᠪᠡ
        [friday] ᠲᠠᠪᠤ
        [saturday] ᠵᠢᠷᠭᠤᠭ᠎ᠠ
        [sunday] ᠡᠳᠦᠷ
       *[other] { $value }
    }

# A meal as a thing one orders (午饭).
meal =
    { $value ->
        [breakfast] ᠥᠭᠡᠯᠡᠭᠡᠨ ᠦ ᠬᠣᠭᠣᠯᠠ
        [lunch] ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ
        [dinner] ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ
       *[other] { $value }
    }

# A meal as the part of the day it is eaten in (明天中午的饭).
part_of_day =
    { $value ->
        [breakfast] ᠡᠷᠲᠡ
        [lunch] ᠦᠳᠡ
        [dinner] ᠣᠷᠣᠢ
       *[other] { $value }
    }

# How the meal reaches the elder.
mode =
    { $value ->
        [delivery] ᠭᠡᠷ ᠲᠦ ᠬᠦᠷᠭᠡᠬᠦ
        [pickup] ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠠᠪᠬᠤ
        [dine_in] ᠬᠣᠭᠣᠯᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠢᠳᠡᠬᠦ
       *[other] { $value }
    }

# Prepaid cards.
card =
    { $value ->
        [family] ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠺᠠᠷᠲ
        [charity] ᠬᠠᠶᠢᠷ᠎ᠠ ᠶᠢᠨ ᠺᠠᠷᠲ
       *[other] { $value }
    }

# Who a family member is to the elder.
relation =
    { $value ->
        [daughter] ᠦᠬᠢᠨ
        [son] ᠬᠦᠦ
        [family] ᠭᠡᠷ ᠪᠦᠯᠢ
        [spouse] ᠬᠠᠨᠢ
       *[other] { $value }
    }

# An order's state.
status =
    { $value ->
        [placed] ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ
        [confirmed] ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ
        [preparing] ᠬᠢᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ
        [ready] ᠪᠡᠯᠡᠨ ᠪᠣᠯᠣᠭᠰᠠᠨ
        [out_for_delivery] ᠬᠦᠷᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ
        [completed] ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ
        [cancelled] ᠴᠤᠴᠠᠯᠠᠭᠰᠠᠨ
        [missed] ᠠᠪᠤᠭ᠎ᠠ ᠦᠭᠡᠢ
       *[other] { $value }
    }

# A date, written one way everywhere; the figures come in the language's digits.
date = { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ { $day }
month = { $month } ᠰᠠᠷ᠎ᠠ

## The language's own name, on the button that chooses it (written in that language,
## so that either reader finds theirs).

lang_name = ᠮᠣᠩᠭᠣᠯ
