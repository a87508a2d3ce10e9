# Mongolian in Cyrillic script (Khalkha orthography): the catalogue read when a person writes
# in Cyrillic. The same ids, variables and selectors as menus/locales/mn/words.ftl (the
# traditional-script catalogue); the meaning follows menus/locales/zh/words.ftl.
# Figures in Arabic digits.

### Words put into sentences: days, meals, ways to get a meal, cards, family, order states, dates.
### A selector's default gives the value itself (a value the catalogue does not know).

# Days near today.
day =
    { $value ->
        [yesterday] өчигдөр
        [today] өнөөдөр
        [tomorrow] маргааш
        [overmorrow] нөгөөдөр
       *[other] { $value }
    }

# A day of the week, as said in a standing order (долоо хоног бүрийн Даваа, Лхагва гараг).
weekday =
    { $value ->
        [monday] Даваа
        [tuesday] Мягмар
        [wednesday] Лхагва
        [thursday] Пүрэв
        [friday] Баасан
        [saturday] Бямба
        [sunday] Ням
       *[other] { $value }
    }

# A meal as a thing one orders (үдийн хоол).
meal =
    { $value ->
        [breakfast] өглөөний хоол
        [lunch] үдийн хоол
        [dinner] оройн хоол
       *[other] { $value }
    }

# A meal as the part of the day it is eaten in (маргааш үд: the genitive comes from CASE).
part_of_day =
    { $value ->
        [breakfast] өглөө
        [lunch] үд
        [dinner] орой
       *[other] { $value }
    }

# How the meal reaches the elder.
mode =
    { $value ->
        [delivery] гэрт хүргэх
        [pickup] өөрөө авах
        [dine_in] хоолны газарт идэх
       *[other] { $value }
    }

# Prepaid cards.
card =
    { $value ->
        [family] гэр бүлийн карт
        [charity] хайрын карт
       *[other] { $value }
    }

# Who a family member is to the elder.
relation =
    { $value ->
        [daughter] охин
        [son] хүү
        [family] гэр бүл
        [spouse] хань
       *[other] { $value }
    }

# An order's state.
status =
    { $value ->
        [placed] захиалсан
        [confirmed] баталгаажсан
        [preparing] хийж байна
        [ready] бэлэн болсон
        [out_for_delivery] хүргэж байна
        [completed] дууссан
        [cancelled] цуцалсан
        [missed] аваагүй
       *[other] { $value }
    }

# A date, written one way everywhere; the figures in Arabic digits.
date = { $month } сарын { $day }
month = { $month } сар

## The language's own name, on the button that chooses it (written in that language,
## so that either reader finds theirs).

lang_name = Монгол
