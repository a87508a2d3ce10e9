"""The console's own words (Chinese first), apart from the templates' headings.

Statuses, meals and ways of getting a meal use the store's labels (``menus.vocab.label_zh``);
refusals are the store's sentences (``DomainError.message``); what is here is only what the
console adds: button words, short notices and the names of audit actions.
"""

from __future__ import annotations

from datetime import date, timedelta

from menus.vocab import Fulfillment, OrderStatus

S = OrderStatus

_MOVE: dict[OrderStatus, str] = {
    S.CONFIRMED: "确认接单",
    S.PREPARING: "开始做",
    S.READY: "做好了",
    S.OUT_FOR_DELIVERY: "出发送餐",
}
_DONE = {
    Fulfillment.PICKUP: "已取走",
    Fulfillment.DINE_IN: "已用餐",
    Fulfillment.DELIVERY: "已送到",
}
_MISSED = {
    Fulfillment.PICKUP: "没来取",
    Fulfillment.DINE_IN: "没来吃",
    Fulfillment.DELIVERY: "没送到",
}

ZH: dict[str, str] = {
    "moved": "{id}号订单现在是“{status}”。",
    "signed_out": "已退出登录。",
    "csrf": "这个表单已经过期或不是从本系统提交的，什么都没有改。请刷新页面再试。",
    "forbidden": "您没有权限查看或修改这里。",
    "not_found": "没有找到这个页面。",
    "no_canteen": "您的账号还没有分配到任何食堂，请联系管理员。",
    "sold_out": "{dish} 已售罄",
    "low": "{dish} 只剩 {left} 份",
    "bad_status": "没有这个订单状态。",
    # the menu page
    "menu_upload_help": "上传 Excel 表格（.xlsx）、CSV 或 YAML 菜单文件，最多 2 MB。"
    "上传后先看预览，点“发布”才会生效。",
    "menu_problems": "文件有{count}个问题，什么都没有发布。请改好后重新上传：",
    "upload_too_big": "文件太大了：菜单文件最多 2 MB。请删掉用不到的工作表或图片后再上传。",
    "upload_no_file": "请先选一个菜单文件（Excel 表格 .xlsx、CSV 或 YAML）。",
    "upload_expired": "这个预览已经过期或不是您上传的，什么都没有发布。请重新上传文件。",
    "menu_preview_note": "还没有发布。文件“{name}”没有问题；请核对下面的菜、价格和份数，"
    "没问题就点“发布”。",
    "menu_summary": "发布后：新增菜品{dishes_added}道，更新{dishes_updated}道；"
    "新增菜单{menus_added}个，替换菜单{menus_replaced}个。",
    "menu_published": "菜单已发布：新增菜品{dishes_added}道，更新{dishes_updated}道；"
    "新增菜单{menus_added}个，替换菜单{menus_replaced}个。",
    "menu_publish_detail": "{first}至{last}：新增菜品{dishes_added}道，更新{dishes_updated}道；"
    "新增菜单{menus_added}个，替换菜单{menus_replaced}个",
    "portions_free": "不限量",
    "portions_cap": "限{cap}份",
    "portions_left": "限{cap}份，还剩{left}份",
    "new_menu": "新菜单",
    "replaces_menu": "替换原菜单",
    "new_on_menu": "新加",
    "price_was": "原价{yuan}元",
    "removed": "去掉：{dishes}",
    "no_menus": "今后{days}天还没有发布菜单。",
    "sample_saved": "已记下{meal}“{dish}”留样 {grams} 克，{discard}以后可以处理掉。",
    "disinfection_saved": "已记下{meal}餐具消毒（{method}）。",
    "inspection_saved": "已记下{date}的每日自查。",
    "safety_sent_twice": "这条记录刚才已经记下了（表单提交了两次），没有重复保存。",
    "upload_unsized": "这个表单没有说明大小，什么都没有保存。请用浏览器重新提交。",
    # the menu planner (菜单计划)
    "planner_span": "{year}年第{week}周（{first}—{last}）",
    "planner_ordered": "（已订{count}份）",
    "planner_closed_cell": "休息：{reason}",
    "planner_closure_line": "{when} 休息：{reason}（{who}设的）",
    "planner_reopen_button": "取消休息：{when}",
    "planner_copied": "已把上周的菜单复制到这一周：新增菜单{count}个。已有的菜单没有改动。",
    "planner_copied_detail": "{first}至{last}：从上周复制了{count}个菜单",
    "planner_cell_added": "{when}：加上了{dish}（{portions}）。",
    "planner_cell_removed": "{when}：去掉了{dish}。",
    "planner_cell_capped": "{when}：{dish}改为{portions}。",
    "planner_closed": "{when}已设为休息（{reason}）。老人问这天的菜单或想订这天的饭时，"
    "会听到这天休息和原因。",
    "planner_reopened": "{when}已取消休息。",
    "planner_not_changed": "菜单没有改：{problems}",
    "planner_orders_note": "这一餐已经有{count}份订单：有人订了的菜不能去掉，份数不能少于已订的。",
    "planner_past_note": "这一天已经过去，菜单不能再改。",
    "copy_same": "和上周一样，不用复制。",
    "copy_keep": "本周已有别的菜单（{dishes}），保留不动。",
    "copy_past": "这一天已经过去，不能再发布菜单。",
    "copy_closed": "这一天休息（{reason}），不复制。",
    "copy_not_served": "食堂已经不供应{meal}了，不复制。",
    "copy_has_orders": "已经有{count}份订单，不会改动。",
    "bad_week_title": "星期不对",
    "this_week": "看这一周的菜单计划",
    # settlement (结算)
    "month_bad": "“{text}”不是一个月份。请按“年-月”的样子写，例如 {latest}。",
    "month_future": "{month}还没有到，不能结算。最近能结算的是{latest}。",
    "month_too_early": "结算只能查看最近十年的月份，最早是{earliest}。",
    "month_back": "看{latest}的结算",
    "settlement_rule": "只计已完成（已取走、已用餐、已送到）的订单；取消的不计，"
    "没来取的不申领补贴。每笔订单只计入它享受补贴的那个类别，所以各类别相加就是合计。",
    "settlement_unbalanced": "这些订单的卡支付记录和订单金额对不上，请核查：{orders}",
    "statement_rule": "只列本食堂的订单。没来取（没送到）的餐不申领补贴；如果有，它们已扣的卡里的钱"
    "单独列在下面。",
    # complaints and praise
    "feedback_answered": "已回复{id}号意见，回复已经发给{to}。",
    "feedback_answer_help": "回复会用对方的语言发到聊天里（老人，或替老人提意见的家人），"
    "最多{most}个字；发出后不能再改。",
    "feedback_month": "{year}年{month}月",
    "feedback_summary": "本月投诉{complaints}条，已回复{answered}条；现在还有{open}条投诉没有回复"
    "（包括以前的）。",
    "feedback_median": "本月投诉从提出到回复，用时中位数：{took}。",
    "feedback_no_median": "本月还没有回复过的投诉，没有回复用时。",
    "feedback_rating": "本月满意度：{rating}分（满分5分，{count}人次评分）。",
    "feedback_no_rating": "本月还没有老人评分。",
    "feedback_none": "这个月没有投诉或表扬，也没有没回复的投诉。",
    "feedback_took": "回复用时{took}",
    "feedback_waiting": "已经等了{took}",
    "feedback_order": "{id}号订单，{day} {meal}：{dishes}",
    "feedback_dishes": "说到的菜：{dishes}",
    "feedback_unknown_dish": "没有说是哪个菜或哪一单",
    # the delivery list and its walking order
    "route_stop_moved": "已把{name}移到{community}第{place}站，以后的送餐单都按这个顺序。",
    "route_community_moved": "已把{community}移到第{place}个社区，以后的送餐单都按这个顺序。",
    "route_audit_stop": "{elder}：{community}第{before}站 → 第{after}站"
    "（在{date}{meal}的送餐单上）",
    "route_audit_community": "{community}：第{before}个社区 → 第{after}个",
    "due": "收{yuan}元",
    "nothing_due": "不用收钱",
    "paid_parts": "已付：{parts}",
    "stars": "{rating}分（满分5分）",
    "no_figure": "—",
    # the dish library (菜品库)
    "dish_saved": "已保存“{dish}”：{changes}。",
    "dish_unchanged": "“{dish}”没有改动，什么都没有保存。",
    "dish_problems": "有{count}个问题，什么都没有保存。请改好后再点“保存”：",
    "dish_change": "{field}：{before} → {after}",
    "dish_audit": "{dish}：{changes}",
    "dish_list_help": "多个用顿号“、”或竖线“|”隔开。",
    "dish_tags_help": "小写英文词，多个用顿号隔开。常用的有：{known}。",
    "dish_allergens_help": "会引起过敏的食材，小写英文词，多个用顿号隔开，例如：{known}。",
    "dish_empty_value": "（空）",
}

FIELDS: dict[str, str] = {
    "name": "菜名",
    "price": "价格（元）",
    "name_mn": "蒙古文名（传统蒙古文）",
    "name_mn_cyrl": "蒙古文名（西里尔蒙古文）",
    "aliases": "别名",
    "tags": "标签",
    "allergens": "过敏原",
    "kcal": "热量（千卡）",
    "protein_g": "蛋白质（克）",
    "fat_g": "脂肪（克）",
    "carbs_g": "碳水化合物（克）",
    "sodium_mg": "钠（毫克）",
    "sugar_g": "糖（克）",
}
"""A dish's fields as the dish library's form and its messages name them."""

TAGS: dict[str, str] = {
    "soft": "软烂",
    "low_sugar": "少糖",
    "low_salt": "少盐",
    "low_fat": "少油",
    "high_protein": "高蛋白",
    "high_purine": "高嘌呤",
    "vegetarian": "素菜",
    "staple": "主食",
    "soup": "汤",
    "porridge": "粥",
    "halal": "清真",
    "pork": "猪肉",
    "mutton": "羊肉",
    "beef": "牛肉",
    "chicken": "鸡肉",
    "fish": "鱼",
    "egg": "鸡蛋",
    "milk": "牛奶",
    "dairy": "奶制品",
    "soy": "大豆",
    "gluten": "麸质（小麦）",
    "sesame": "芝麻",
    "peanut": "花生",
    "shellfish": "贝类海鲜",
}
"""Tags and allergens as the menu files write them (lowercase words) and as staff read them;
a tag not listed here is shown as written."""
ALLERGENS = ("egg", "milk", "soy", "gluten", "peanut", "sesame", "fish", "shellfish")
"""The allergens the dish form offers as examples."""

KINDS: dict[str, str] = {"complaint": "投诉", "praise": "表扬", "rating": "评分"}
"""What an elder said, as the inbox names it."""

ROLES: dict[str, str] = {
    "manager": "负责人",
    "cook": "厨师",
    "delivery": "送餐员",
    "volunteer": "志愿者",
    "community": "社区网格员",
    "supervisor": "监管人员",
}

ACTIONS: dict[str, str] = {
    "order.status": "改订单状态",
    "account.create": "新建账号",
    "menu.publish": "发布菜单",
    "safety.sample": "记录留样",
    "safety.disinfection": "记录餐具消毒",
    "safety.inspection": "记录每日自查",
    "feedback.answer": "回复意见",
    "route.stop": "调整送餐顺序",
    "route.community": "调整社区顺序",
    "menu.copy_week": "复制上周菜单",
    "menu.cell": "修改一餐的菜单",
    "menu.close": "设为休息",
    "menu.reopen": "取消休息",
    "menu.dish": "修改菜品",
}
LANGUAGES: dict[str, str] = {"mn": "讲蒙古语", "mn-Cyrl": "讲蒙古语"}
"""An elder's language as the courier needs to know it (nothing for Mandarin)."""
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def say(key: str, **params: object) -> str:
    """The console sentence ``key`` with its blanks filled."""
    return ZH[key].format(**params)


def tag_label(tag: str) -> str:
    """A tag or allergen as staff read it: ``软烂`` for ``soft``, else as written."""
    return TAGS.get(tag, tag)


def move_label(target: OrderStatus, fulfillment: Fulfillment) -> str:
    """The word on the button that moves an order to ``target``."""
    if target is S.COMPLETED:
        return _DONE[fulfillment]
    if target is S.MISSED:
        return _MISSED[fulfillment]
    return _MOVE.get(target, target.value)


def day_label(day: date) -> str:
    """A day as staff read it on a menu: ``12月3日 周四``."""
    return f"{day.month}月{day.day}日 {WEEKDAYS[day.weekday()]}"


def month_label(month: date) -> str:
    """A month as people write it: ``2026年12月``."""
    return f"{month.year}年{month.month}月"


def action_label(action: str) -> str:
    """An audit action as people read it."""
    return ACTIONS.get(action, action)


def duration_label(took: timedelta) -> str:
    """A response time as staff say it: 不到1分钟, 45分钟, 3小时20分钟, 2天5小时."""
    minutes = int(took.total_seconds() // 60)
    if minutes < 1:
        return "不到1分钟"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{minutes}分钟" if minutes else f"{hours}小时"
    return f"{minutes}分钟"
