### The Telegram channel: registration (language, name, phone, address), family and staff
### sign-up, and the four big buttons. One or two short sentences each (at most 80 characters).

ask_lang = 您好！我是助餐小帮手。请选语言。
ask_name = 请问您叫什么名字？
ask_phone = 请按下面的“发送我的电话”按钮。
phone_button = 发送我的电话
press_contact = 请按下面的按钮发送您自己的电话，不用打字。
not_own_contact = 这是别人的电话。请按按钮发送您自己的电话。
ask_address = 请说您家的地址，比如：新华东街社区3号楼2单元102室。
name_empty = 名字不能是空的。请再说一遍您的名字。
address_empty = 地址不能是空的。请再说一遍您家的地址。
registered = 登记好了，{ $name }！想订饭就按“我要订餐”。
welcome_back = 找到您了，{ $name }！想订饭就按“我要订餐”。
already_registered = 您已经登记过了，{ $name }。想订饭就按“我要订餐”。
staff_ask_phone = 工作人员登记：请按下面的按钮发送您的电话。
staff_linked = { $name }，您已作为工作人员登录。发菜单文件（Excel 表格、YAML 或 CSV）给我就能发布菜单。
staff_refused = 对不起，这个电话不是食堂工作人员的电话。请找食堂负责人。
link_usage = 请把老人给您的号码一起发来，比如：/link 123456
link_ask_name = 家属登记：请问您叫什么名字？
link_sent = 收到了。等老人在电话里说“同意”，您就能替老人订饭了。
start_first = 请先按 /start 登记。
help_new = 按 /start 登记后就能订饭。家属按 /link 号码，工作人员按 /staff。
voice_off = 语音还没开通，请打字或者按下面的按钮。
voice_wait = 我在听，请稍等。
file_unreadable = 这个文件打不开，请再发一次。
error = 出了点问题，请再说一遍。
btn_menu = 今天菜单
btn_order = 我要订餐
btn_orders = 我的订单
btn_repeat = 再说一遍
