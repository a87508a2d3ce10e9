### The zhucan command's own messages, for operators (Mandarin; refusals have English too).

menu_header = { $canteen } { $date } { $meal }（{ $cutoff }截止订餐）
menu_line = {"  "}{ $name }  { $price }{ $left }{ $tags }
menu_left = {"  "}还剩{ $left }份
no_menus = { $date }没有菜单。
order_cancelled = 订单 { $id } 已取消。{ $refund }
refund = 卡里的{ $card }已经退回。
status_changed = 订单 { $id } 现在是“{ $status }”。
imported = 已导入 { $canteen }：新菜 { $dishes_added } 个，更新 { $dishes_updated } 个；新菜单 { $menus_added } 个，更新 { $menus_replaced } 个。
elder_added = 已登记 { $name }，编号 { $id }。
people_imported = 已导入：补贴标准 { $policies } 条，老人 { $elders } 位，家属 { $family } 位，工作人员 { $staff } 位，卡 { $cards } 张，消费券 { $vouchers } 张。
db_upgraded = 数据库已是最新（{ $revision }）。
demo_loaded = 演示食堂已就绪：{ $canteen }。数据库：{ $db }
demo_chat = 现在您是演示老人{ $elder }。每行说一句话，比如“今天吃什么”“我要订餐”；Ctrl-D 结束。
unexpected = 出了点问题，什么都没有改。请把这句话告诉管理员：{ $error }
