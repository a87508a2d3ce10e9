### What the scheduler sends: ordering reminders, order notices to elders and family,
### wellbeing alerts to family and the community, and staff notices. Each says the day and
### the meal the way people say them (明天中午) and ends with what to do.

reminder = { $day }{ $meal }的饭还没订，要订吗？
reminder_yes = 要订
reminder_no = 不用了
placed_family = { $elder }{ $day }{ $meal }的饭订好了：{ $dishes }。还要付{ $payable }。
placed_family_paid = { $elder }{ $day }{ $meal }的饭订好了：{ $dishes }。钱已经付好了。
on_the_way_elder = 您{ $day }{ $meal }的饭出发了，马上送到。
on_the_way_family = { $elder }{ $day }{ $meal }的饭出发了，马上送到。
ready_elder = 您{ $day }{ $meal }的饭做好了，请到{ $canteen }来取。
ready_elder_dine_in = 您{ $day }{ $meal }的饭做好了，请到{ $canteen }来吃。
ready_family = { $elder }{ $day }{ $meal }的饭做好了，可以去{ $canteen }取了。
completed_family_delivery = { $elder }{ $day }{ $meal }的饭送到了。
completed_family_pickup = { $elder }{ $day }{ $meal }的饭取走了。
completed_family_dine_in = { $elder }{ $day }{ $meal }在食堂吃上了。
cancelled_by_canteen = 对不起，食堂取消了{ $day }{ $meal }的饭：{ $reason }。钱都退回去了。
missed_family = { $elder }{ $day }{ $meal }的饭没有取。请您打个电话问问老人好不好。
missed_community = { $elder }（{ $community }）{ $day }{ $meal }的饭没有取，请上门看看老人。
no_order_family = { $elder }平时常订饭，{ $day }{ $meal }还没订。请您打个电话问问。
no_order_community = { $elder }（{ $community }）平时常订饭，{ $day }{ $meal }还没订，请上门看看。
cutoff_staff =
    { $day }{ $meal }的订单截止了，一共{ $orders }单。
    { $sheet }
menu_missing_staff = 下个星期（{ $monday }起）的菜单还没发布，请尽快发布，老人们好订饭。
monthly_staff = { $month }的服务情况：送出{ $meals }份饭，补贴{ $subsidy }，取消{ $cancelled }单，没取{ $missed }单。
after_meal = 昨天{ $meal }的饭菜怎么样？请打个分，一分到五分，五分最好。
no_community = 社区未登记
standing_meal_placed = 长期订单：{ $day }{ $meal }的饭订好了，{ $dishes }。
standing_refused = 长期订单：{ $elder }{ $day }{ $meal }的饭没订上，{ $reason }
