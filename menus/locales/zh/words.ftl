### Words put into sentences: days, meals, ways to get a meal, cards, family, order states, dates.
### A selector's default gives the value itself (a value the catalogue does not know).

# Days near today.
day =
    { $value ->
        [yesterday] 昨天
        [today] 今天
        [tomorrow] 明天
        [overmorrow] 后天
       *[other] { $value }
    }

# A day of the week, as said after 每周 (一, 三) in a standing order.
weekday =
    { $value ->
        [monday] 一
        [tuesday] 二
        [wednesday] 三
        [thursday] 四
        [friday] 五
        [saturday] 六
        [sunday] 日
       *[other] { $value }
    }

# A meal as a thing one orders (午饭).
meal =
    { $value ->
        [breakfast] 早饭
        [lunch] 午饭
        [dinner] 晚饭
       *[other] { $value }
    }

# A meal as the part of the day it is eaten in (明天中午的饭).
part_of_day =
    { $value ->
        [breakfast] 早上
        [lunch] 中午
        [dinner] 晚上
       *[other] { $value }
    }

# How the meal reaches the elder.
mode =
    { $value ->
        [delivery] 送到家
        [pickup] 自己去拿
        [dine_in] 在食堂吃
       *[other] { $value }
    }

# Prepaid cards.
card =
    { $value ->
        [family] 孝心卡
        [charity] 爱心卡
       *[other] { $value }
    }

# Who a family member is to the elder.
relation =
    { $value ->
        [daughter] 女儿
        [son] 儿子
        [family] 家人
        [spouse] 老伴
       *[other] { $value }
    }

# An order's state.
status =
    { $value ->
        [placed] 已下单
        [confirmed] 已确认
        [preparing] 制作中
        [ready] 待取餐
        [out_for_delivery] 配送中
        [completed] 已完成
        [cancelled] 已取消
        [missed] 未取餐
       *[other] { $value }
    }

# A date, written one way everywhere; the figures come in the language's digits.
date = { $month }月{ $day }日
month = { $month }月

## The language's own name, on the button that chooses it (written in that language,
## so that either reader finds theirs).

lang_name = 中文
