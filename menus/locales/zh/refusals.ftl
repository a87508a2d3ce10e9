### The store's refusals, one per DomainError code (refusal_<code>); tests assert on the
### code, not on the wording. States, meals and ways of getting a meal come in as words.

refusal_unknown_elder = 没有找到老人“{ $who }”。请用 zhucan elders list 查看名字或编号。
refusal_ambiguous_elder = 有{ $count }位老人叫“{ $who }”，请改用编号：{ $ids }。
refusal_unknown_order = 没有找到编号为 { $order_id } 的订单。请用 zhucan orders list 查看。
refusal_unknown_canteen = 没有找到食堂“{ $code }”。请先用 zhucan menu import 导入菜单文件。
refusal_no_canteen = 还没有任何食堂。请先用 zhucan menu import 导入菜单文件，或运行 zhucan demo。
refusal_several_canteens = 有多个食堂，请用 --canteen 指定：{ $codes }。
refusal_no_menu = { $date }{ $meal }还没有菜单。请换一天或换一餐，或用 zhucan menu show 看看有哪些菜单。
refusal_unknown_dish = { $date }{ $meal }的菜单上没有“{ $dish }”。菜单上有：{ $available }。
refusal_sold_out = “{ $dish }”已经卖完了（只剩 { $left } 份）。请换一个菜。
refusal_closed = { $date }{ $meal }已经截止订餐（截止时间 { $cutoff }）。请订下一餐。
refusal_past_date = { $date }已经过去了，不能订餐。请选今天或以后的日子。
refusal_mode_not_offered = 这个食堂不提供{ $mode }。可以选：{ $modes }。
refusal_no_address = 送餐需要地址，但这位老人没有登记地址。请先补上地址。
refusal_outside_area = 地址所在的“{ $community }”不在送餐范围内（{ $area }）。可以改成自取或堂食。
refusal_bad_quantity = 份数要是 1 到 { $limit } 之间的整数，收到的是“{ $qty }”。
refusal_no_items = 订单里至少要有一个菜。
refusal_duplicate_dish = “{ $dish }”写了两次，请合并成一行并写明份数。
refusal_bad_transition = 订单现在是“{ $status }”，不能改成“{ $target }”。
refusal_transition_not_yours = 只有食堂工作人员可以把订单改成“{ $target }”。
refusal_ready_is_for_pickup = 送餐的订单请标记为“配送中”，不是“待取餐”。
refusal_delivery_only = 只有送餐的订单才能标记为“配送中”。
refusal_cannot_cancel_now = 订单现在是“{ $status }”，已经不能取消了。
refusal_cancel_after_cutoff = 已经过了截止时间，不能取消了。请给食堂打电话。
refusal_cancel_needs_reason = 食堂取消订单时要写明原因（--reason）。
refusal_not_linked = 您还没有和这位老人绑定，不能替他/她订餐或查看订单。
refusal_bad_argument = 参数不对：{ $detail }
refusal_bad_date = “{ $text }”不是日期，请写成 2026-12-01 这样。
refusal_bad_month = “{ $text }”不是月份，请写成 2026-12 这样。
refusal_bad_now = “{ $text }”不是时间，请写成 2026-12-01T09:00 这样。
refusal_date_out_of_range = “{ $text }”不在 2000 到 2200 年之间，请换一个日期。
refusal_file_unreadable = 读不了文件“{ $name }”（{ $reason }）。请检查文件名和权限。
refusal_file_not_regular = “{ $name }”不是普通文件（是设备、管道或文件夹），没有读取。请给一个文件。
refusal_file_too_big = 文件“{ $name }”有 { $size } 字节，超过了上限 { $limit } 字节，没有读取。
refusal_menu_file_invalid =
    菜单文件有 { $count } 处问题，什么都没有导入：
    { $problems }
refusal_menu_in_use = { $date }{ $meal }的“{ $dish }”已经有 { $ordered } 份订单，不能从菜单上拿掉或把份数改到 { $cap }。
refusal_people_file_invalid =
    人员文件有问题，什么都没有导入：
    { $problems }
refusal_db_not_ready = 数据库还没有建好表。请先运行 zhucan db upgrade。
refusal_key_reused = 这个请求编号已经用在别人的订单上了，没有下单。请换一个编号（--key）。
refusal_link_code_unknown = 没有这个绑定码。请让老人再说一次“绑定家人”，拿一个新码。
refusal_link_code_expired = 这个绑定码已经过期了。请让老人再拿一个新码。
refusal_link_self = 不能和自己绑定。
refusal_already_linked = 您已经和这位老人绑定了。
refusal_not_staff = 您不是这个食堂的工作人员，不能做这件事。
refusal_unknown_feedback = 没有找到编号为 { $feedback_id } 的意见。
refusal_bad_time = “{ $text }”不是时间，请说“早上八点”或写成 08:00。
refusal_rasa_unavailable = 连不上 Rasa 服务（{ $url }）。请先运行 nlu/rasa/rasa.sh serve，或不用 --backend rasa。
refusal_weak_password = 密码要有 { $least } 到 { $most } 个字符。
refusal_bad_login_name = 登录名“{ $login }”不能用：不能为空、不能有空格，最多 { $most } 个字符。
refusal_bad_role = 没有“{ $role }”这个角色。可以选：{ $roles }。
refusal_login_taken = 登录名“{ $login }”已经有人用了，请换一个（--login）。
refusal_has_account = { $name }已经有登录账号了。
refusal_bad_region = “{ $region }”不是地区代码，请写 2 到 12 位数字，比如 150102。
refusal_supervisor_no_canteen = 监管人员按地区查看，不属于某个食堂：请用 --region，不要用 --canteen。
refusal_region_is_for_supervisors = --region 只给监管人员用；食堂工作人员请用 --canteen。
refusal_staff_need_canteen = 食堂工作人员要写明是哪个食堂的（--canteen）。
refusal_bad_login = 登录名或密码不对。
refusal_too_many_attempts = 登录失败次数太多，请 15 分钟后再试。
