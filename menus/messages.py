"""Every sentence the store says to a person, in one place per language.

Keys are ``DomainError`` codes; values are ``str.format`` templates. Chinese is what canteen
staff and families read; English is for operators' logs and tests. Mongolian sentences for the
dialogue live with the dialogue (the conversation issue), which reads this catalogue's codes.
"""

from __future__ import annotations

from enum import StrEnum

from menus.vocab import label_zh

ZH: dict[str, str] = {
    "unknown_elder": "没有找到老人“{who}”。请用 zhucan elders list 查看名字或编号。",
    "ambiguous_elder": "有{count}位老人叫“{who}”，请改用编号：{ids}。",
    "unknown_order": "没有找到编号为 {order_id} 的订单。请用 zhucan orders list 查看。",
    "unknown_canteen": "没有找到食堂“{code}”。请先用 zhucan menu import 导入菜单文件。",
    "no_canteen": "还没有任何食堂。请先用 zhucan menu import 导入菜单文件，或运行 zhucan demo。",
    "several_canteens": "有多个食堂，请用 --canteen 指定：{codes}。",
    "no_menu": "{date}{meal}还没有菜单。请换一天或换一餐，或用 zhucan menu show 看看有哪些菜单。",
    "unknown_dish": "{date}{meal}的菜单上没有“{dish}”。菜单上有：{available}。",
    "sold_out": "“{dish}”已经卖完了（只剩 {left} 份）。请换一个菜。",
    "closed": "{date}{meal}已经截止订餐（截止时间 {cutoff}）。请订下一餐。",
    "past_date": "{date}已经过去了，不能订餐。请选今天或以后的日子。",
    "mode_not_offered": "这个食堂不提供{mode}。可以选：{modes}。",
    "no_address": "送餐需要地址，但这位老人没有登记地址。请先补上地址。",
    "outside_area": "地址所在的“{community}”不在送餐范围内（{area}）。可以改成自取或堂食。",
    "bad_quantity": "份数要是 1 到 {limit} 之间的整数，收到的是“{qty}”。",
    "no_items": "订单里至少要有一个菜。",
    "duplicate_dish": "“{dish}”写了两次，请合并成一行并写明份数。",
    "bad_transition": "订单现在是“{status}”，不能改成“{target}”。",
    "transition_not_yours": "只有食堂工作人员可以把订单改成“{target}”。",
    "ready_is_for_pickup": "送餐的订单请标记为“配送中”，不是“待取餐”。",
    "delivery_only": "只有送餐的订单才能标记为“配送中”。",
    "cannot_cancel_now": "订单现在是“{status}”，已经不能取消了。",
    "cancel_after_cutoff": "已经过了截止时间，不能取消了。请给食堂打电话。",
    "cancel_needs_reason": "食堂取消订单时要写明原因（--reason）。",
    "not_linked": "您还没有和这位老人绑定，不能替他/她订餐或查看订单。",
    "bad_argument": "参数不对：{detail}",
    "bad_date": "“{text}”不是日期，请写成 2026-12-01 这样。",
    "bad_month": "“{text}”不是月份，请写成 2026-12 这样。",
    "bad_now": "“{text}”不是时间，请写成 2026-12-01T09:00 这样。",
    "date_out_of_range": "“{text}”不在 2000 到 2200 年之间，请换一个日期。",
    "file_unreadable": "读不了文件“{name}”（{reason}）。请检查文件名和权限。",
    "file_not_regular": "“{name}”不是普通文件（是设备、管道或文件夹），没有读取。请给一个文件。",
    "file_too_big": "文件“{name}”有 {size} 字节，超过了上限 {limit} 字节，没有读取。",
    "menu_file_invalid": "菜单文件有 {count} 处问题，什么都没有导入：\n{problems}",
    "menu_in_use": "{date}{meal}的“{dish}”已经有 {ordered} 份订单，不能从菜单上拿掉或把份数改到 {cap}。",
    "people_file_invalid": "人员文件有问题，什么都没有导入：\n{problems}",
    "db_not_ready": "数据库还没有建好表。请先运行 zhucan db upgrade。",
    "key_reused": "这个请求编号已经用在别人的订单上了，没有下单。请换一个编号（--key）。",
    "link_code_unknown": "没有这个绑定码。请让老人再说一次“绑定家人”，拿一个新码。",
    "link_code_expired": "这个绑定码已经过期了。请让老人再拿一个新码。",
    "link_self": "不能和自己绑定。",
    "already_linked": "您已经和这位老人绑定了。",
    "not_staff": "您不是这个食堂的工作人员，不能做这件事。",
    "unknown_feedback": "没有找到编号为 {feedback_id} 的意见。",
    "bad_time": "“{text}”不是时间，请说“早上八点”或写成 08:00。",
    "rasa_unavailable": "连不上 Rasa 服务（{url}）。请先运行 nlu/rasa/rasa.sh serve，或不用 --backend rasa。",
    "weak_password": "密码要有 {least} 到 {most} 个字符。",
    "bad_login_name": "登录名“{login}”不能用：不能为空、不能有空格，最多 {most} 个字符。",
    "bad_role": "没有“{role}”这个角色。可以选：{roles}。",
    "login_taken": "登录名“{login}”已经有人用了，请换一个（--login）。",
    "has_account": "{name}已经有登录账号了。",
    "bad_region": "“{region}”不是地区代码，请写 2 到 12 位数字，比如 150102。",
    "supervisor_no_canteen": "监管人员按地区查看，不属于某个食堂：请用 --region，不要用 --canteen。",
    "region_is_for_supervisors": "--region 只给监管人员用；食堂工作人员请用 --canteen。",
    "staff_need_canteen": "食堂工作人员要写明是哪个食堂的（--canteen）。",
    "bad_login": "登录名或密码不对。",
    "too_many_attempts": "登录失败次数太多，请 15 分钟后再试。",
}

EN: dict[str, str] = {
    "unknown_elder": "No elder called '{who}'. See the names and ids with: zhucan elders list",
    "ambiguous_elder": "{count} elders are called '{who}'; use an id instead: {ids}",
    "unknown_order": "No order with id {order_id}. See the orders with: zhucan orders list",
    "unknown_canteen": "No canteen '{code}'. Import its menu file first: zhucan menu import",
    "no_canteen": "There is no canteen yet. Import a menu file (zhucan menu import) or run zhucan demo.",
    "several_canteens": "There are several canteens; choose one with --canteen: {codes}",
    "no_menu": "There is no {meal} menu for {date}. Try another day or meal; see zhucan menu show.",
    "unknown_dish": "'{dish}' is not on the {meal} menu for {date}. On it: {available}",
    "sold_out": "'{dish}' is sold out ({left} left). Please choose another dish.",
    "closed": "Orders for {meal} on {date} closed at {cutoff}. Please order the next meal.",
    "past_date": "{date} is in the past. Choose today or a later day.",
    "mode_not_offered": "This canteen does not offer {mode}. It offers: {modes}",
    "no_address": "Delivery needs an address and this elder has none on file. Add it first.",
    "outside_area": "'{community}' is outside the delivery area ({area}). Choose pickup or dine-in.",
    "bad_quantity": "A quantity must be a whole number from 1 to {limit}, not '{qty}'.",
    "no_items": "An order needs at least one dish.",
    "duplicate_dish": "'{dish}' is given twice; give it once with its quantity.",
    "bad_transition": "The order is {status}; it cannot become {target}.",
    "transition_not_yours": "Only canteen staff can mark an order {target}.",
    "ready_is_for_pickup": "A delivery order goes out_for_delivery, not ready.",
    "delivery_only": "Only delivery orders can go out_for_delivery.",
    "cannot_cancel_now": "The order is {status}; it can no longer be cancelled.",
    "cancel_after_cutoff": "The cut-off has passed; it can no longer be cancelled. Please call the canteen.",
    "cancel_needs_reason": "A canteen cancelling an order must give a reason (--reason).",
    "not_linked": "You are not linked to this elder, so you cannot order for them or see their orders.",
    "bad_argument": "Bad argument: {detail}",
    "bad_date": "'{text}' is not a date; write it like 2026-12-01.",
    "bad_month": "'{text}' is not a month; write it like 2026-12.",
    "bad_now": "'{text}' is not a time; write it like 2026-12-01T09:00.",
    "date_out_of_range": "'{text}' is not between the years 2000 and 2200; choose another date.",
    "file_unreadable": "Cannot read the file '{name}' ({reason}). Check its name and permissions.",
    "file_not_regular": "'{name}' is not a regular file (a device, a pipe or a folder); it was not read. Give a file.",
    "file_too_big": "The file '{name}' is {size} bytes, over the limit of {limit}; it was not read.",
    "menu_file_invalid": "The menu file has {count} problem(s); nothing was imported:\n{problems}",
    "menu_in_use": "'{dish}' on {date} {meal} already has {ordered} portion(s) ordered; it cannot be removed or capped at {cap}.",
    "people_file_invalid": "The people file has problems; nothing was imported:\n{problems}",
    "db_not_ready": "The database has no tables yet. Run: zhucan db upgrade",
    "key_reused": "This request key belongs to someone else's order; nothing was placed. Use another --key.",
    "link_code_unknown": "There is no such link code. Ask the elder for a new one.",
    "link_code_expired": "This link code has expired. Ask the elder for a new one.",
    "link_self": "You cannot link to yourself.",
    "already_linked": "You are already linked to this elder.",
    "not_staff": "You are not staff of this canteen, so you cannot do this.",
    "unknown_feedback": "No feedback with id {feedback_id}.",
    "bad_time": "'{text}' is not a time of day; write it like 08:00.",
    "rasa_unavailable": "The Rasa server at {url} does not answer. Start it with nlu/rasa/rasa.sh serve, or leave out --backend rasa.",
    "weak_password": "A password must have {least} to {most} characters.",
    "bad_login_name": "The login '{login}' cannot be used: not empty, no spaces, at most {most} characters.",
    "bad_role": "There is no role '{role}'. Choose one of: {roles}",
    "login_taken": "The login '{login}' is taken; choose another (--login).",
    "has_account": "{name} already has an account.",
    "bad_region": "'{region}' is not a region code; give 2 to 12 digits, e.g. 150102.",
    "supervisor_no_canteen": "A supervisor oversees a region, not a canteen: use --region, not --canteen.",
    "region_is_for_supervisors": "--region is for supervisors; canteen staff take --canteen.",
    "staff_need_canteen": "Canteen staff need their canteen (--canteen).",
    "bad_login": "Wrong login or password.",
    "too_many_attempts": "Too many failed sign-ins; try again in 15 minutes.",
}

CATALOGUES: dict[str, dict[str, str]] = {"zh": ZH, "en": EN}


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, lang: str = "zh", /, **params: object) -> str:
    """The sentence for ``code`` in ``lang`` (falling back to Chinese, then to the code)."""
    catalogue = CATALOGUES.get(lang, ZH)
    template = catalogue.get(code) or ZH.get(code) or code
    if catalogue is ZH:
        params = {k: label_zh(v) if isinstance(v, StrEnum) else v for k, v in params.items()}
    else:
        params = {k: v.value if isinstance(v, StrEnum) else v for k, v in params.items()}
    return template.format_map(_Lenient(params))
