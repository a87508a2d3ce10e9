"""The console's own words (Chinese first), apart from the templates' headings.

Statuses, meals and ways of getting a meal use the store's labels (``menus.vocab.label_zh``);
refusals are the store's sentences (``DomainError.message``); what is here is only what the
console adds: button words, short notices and the names of audit actions.
"""

from __future__ import annotations

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
    "sample_saved": "已记下{meal}“{dish}”留样 {grams} 克，{discard}以后可以处理掉。",
    "disinfection_saved": "已记下{meal}餐具消毒（{method}）。",
    "inspection_saved": "已记下{date}的每日自查。",
    "upload_unsized": "这个表单没有说明大小，什么都没有保存。请用浏览器重新提交。",
}

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
    "safety.sample": "记录留样",
    "safety.disinfection": "记录餐具消毒",
    "safety.inspection": "记录每日自查",
}


def say(key: str, **params: object) -> str:
    """The console sentence ``key`` with its blanks filled."""
    return ZH[key].format(**params)


def move_label(target: OrderStatus, fulfillment: Fulfillment) -> str:
    """The word on the button that moves an order to ``target``."""
    if target is S.COMPLETED:
        return _DONE[fulfillment]
    if target is S.MISSED:
        return _MISSED[fulfillment]
    return _MOVE.get(target, target.value)


def action_label(action: str) -> str:
    """An audit action as people read it."""
    return ACTIONS.get(action, action)
