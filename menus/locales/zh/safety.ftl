### Food safety (食品安全): the labels of its fixed lists and the one-sentence summary of a
### canteen's day (menus.food_safety.day_summary), for the console and, later, the chat.

safety_method_steam = 蒸汽消毒
safety_method_boiling = 煮沸消毒
safety_method_cabinet = 消毒柜
safety_method_chemical = 药物浸泡
safety_check_health = 员工健康
safety_check_health_hint = 员工健康证有效，晨检无发热、腹泻、手部伤口
safety_check_ingredients = 食材查验
safety_check_ingredients_hint = 食材进货查验、索证索票，没有过期变质
safety_check_storage = 冷藏冷冻
safety_check_storage_hint = 冷藏冷冻温度正常，食品离地离墙存放
safety_check_separation = 生熟分开
safety_check_separation_hint = 生熟分开，刀具砧板分类使用
safety_check_cleaning = 场所清洁
safety_check_cleaning_hint = 加工场所和设备清洁
safety_check_pests = 防鼠防蝇
safety_check_pests_hint = 防鼠防蝇防虫设施完好
safety_check_tableware = 餐具保洁
safety_check_tableware_hint = 餐具清洗消毒并保洁存放
safety_meal_breakfast = 早饭
safety_meal_lunch = 午饭
safety_meal_dinner = 晚饭
safety_summary = { $when }{ $parts }。
safety_summary_no_meals = { $when }没有供餐，不用留样。
safety_sampled = { $meal }留样{ $count }个菜
safety_not_sampled = { $meal }还没有留样
safety_disinfected = 餐具已消毒
safety_not_disinfected = 餐具还没有消毒记录
safety_not_disinfected_for = { $meals }餐具还没有消毒记录
safety_not_inspected = 还没有做每日自查
safety_inspected_ok = 自查全部合格
safety_inspected_failed = 自查有{ $count }项不合格：{ $checks }
