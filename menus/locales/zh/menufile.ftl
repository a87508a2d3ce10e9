### 菜单文件里的问题（menus/menuproblems.py）：每种问题一条（menufile_<code>），还有拼成一行的
### 词：在哪儿、哪一项、哪里不对。读的人是食堂负责人：短，直白，说清怎么改。
### 文件里的键（price、dishes[3]）照文件原样写，人好找；常用的键说成中文（价格）。
### 例：menu.yaml 第12行：dishes[3]（红烧肉）的价格不能是负数。

## 一行

menufile_problem = { $at }{ $subject }{ $what }
menufile_at = { $file }：
menufile_at_line = { $file } 第{ $line }行：
menufile_of = { $where }的{ $field }
menufile_labelled = { $where }（{ $label }）
menufile_entry = { $part }[{ $index }]
menufile_row = 第{ $index }行
menufile_part = { $value ->
    [file] 文件
    [header] 表头
    [canteen] 食堂信息
    [dishes] 菜品列表
    [menus] 菜单
   *[other] { $value }
}
menufile_field = { $value ->
    [price] 价格
    [name] 名字
    [name_mn] 蒙古文名字
    [name_mn_cyrl] 西里尔蒙古文名字
    [aliases] 别名
    [nutrition] 营养成分
    [tags] 标签
    [allergens] 过敏原
    [date] 日期
    [meal] 餐次
    [dishes] 菜
    [portions] 份数
    [code] 编号
    [region] 地区代码
    [modes] 用餐方式
    [slots] 供餐时间
    [kind] 类型
    [address] 地址
    [phone] 电话
    [delivery_area] 送餐范围
    [canteen] 食堂
   *[other] { $value }
}
menufile_kind = { $value ->
    [mapping] “名称: 值”的写法
    [list] 列表
    [text] 文字
    [yesno] 是/否
    [number] 数字
    [date] 日期
    [datetime] 日期加时间
   *[other] { $value }
}

## 整个文件

menufile_file_too_big = 太大了：有{ $size }字节，最多{ $limit }字节。
menufile_file_unreadable = 打不开（{ $reason }），请检查文件名和权限。
menufile_file_not_regular = 不是普通文件（是设备、管道或文件夹），请给一个文件。
menufile_not_utf8 = 不是 UTF-8 编码（字节 { $byte }），请另存为 UTF-8 再发。
menufile_empty = 是空的。
menufile_nul_bytes = 里有空字节（NUL），请确认发的是文本文件。
menufile_no_menu = 里没有菜单内容。
menufile_not_menu_format = 不是菜单文件：只收 Excel 表格（.xlsx）、CSV 或 YAML 文件。
menufile_binary_file = 不是文字文件（像是图片、压缩包或 Excel 表格）；Excel 表格的文件名要以 .xlsx 结尾。
menufile_yaml_invalid = 格式不对，请检查冒号、缩进和引号（{ $detail }）。
menufile_yaml_alias = 里用了引用（*{ $anchor }），请把内容直接写出来。
menufile_yaml_bad_key = 里有一个键不是普通的词或数字。
menufile_yaml_duplicate_key = 里“{ $key }”写了两次，请只写一次。
menufile_yaml_bad_value = 里有一个值不对，比如日期或数字写错了（{ $detail }）。
menufile_yaml_too_deep = 嵌套太深了。
menufile_file_not_mapping = 应该分成 canteen、dishes、menus 三部分，不能是{ $kind }。
menufile_unknown_section = 不认识，只能有 canteen、dishes、menus 三部分。

## CSV 的行和表头

menufile_csv_invalid = 不是有效的 CSV 文件，请检查引号（{ $detail }）。
menufile_missing_columns = 缺少这几列：{ $columns }。
menufile_unknown_columns = 有不认识的列：{ $columns }。
menufile_fewer_cells = 的格子比表头少。
menufile_more_cells = 的格子比表头多。
menufile_one_canteen = 必须都一样，一个文件只能写一个食堂。
menufile_dish_differs = 和前面的行对这道菜写得不一样，价格、名字等要一致。

## Excel 表格（.xlsx）

menufile_xlsx_not_zip = 不是 Excel 表格（.xlsx），请在 Excel 里另存为 .xlsx 再发。
menufile_xlsx_not_workbook = 不是有工作表的 Excel 表格，或者文件坏了，请在 Excel 里另存为 .xlsx 再发。
menufile_xlsx_encrypted = 设了密码，或者是旧的 .xls 表格，请去掉密码、另存为 .xlsx 再发。
menufile_xlsx_unpacks_too_big = 解压后太大了：{ $parts }个部分共{ $size }字节，最多{ $most }个部分、{ $limit }字节。
menufile_xlsx_too_many_rows = 超过了{ $limit }行，一个菜单文件写不了这么多。
menufile_xlsx_too_many_columns = 的{ $cell }格里有内容，超出了前{ $limit }列，请删掉多余的列。
menufile_xlsx_formula = 的{ $cell }格是公式，请直接填写数值（公式不会被计算）。

## 任何一项

menufile_missing = 没有填。
menufile_not_text = 应该是文字，不能是{ $kind }。
menufile_control_chars = 里有看不见的控制字符，请删掉。
menufile_too_long = 太长了：有{ $length }个字，最多{ $limit }个字。
menufile_not_list = 应该是列表，不能是{ $kind }。
menufile_empty_item = 不能是空的。
menufile_bad_item = 里有控制字符，或者太长了。
menufile_listed_twice = 是“{ $value }”，前面已经写过了。
menufile_not_mapping = 应该是“名称: 值”的写法，不能是{ $kind }。
menufile_unknown_field = 不认识，请删掉或改正。
menufile_not_one_of = 是“{ $value }”，不对，只能是：{ $allowed }。

## 食堂

menufile_bad_code = 是“{ $value }”，只能用小写字母、数字、- 和 _。
menufile_not_traditional = 应该用传统蒙古文书写。
menufile_not_traditional_letters = 应该用传统蒙古文书写。
menufile_bad_region = 是“{ $value }”，应该是6位地区代码，比如150102。
menufile_modes_missing = 没有填，可以是 dine_in、pickup、delivery。
menufile_modes_not_list = 应该写一种或几种：dine_in、pickup、delivery。
menufile_slots_not_mapping = 应该写每顿饭（breakfast、lunch、dinner）的时间。
menufile_slot_not_mapping = 应该写成 {"{"}cutoff: 'HH:MM', days_before: N, serve: ...{"}"} 这样。
menufile_bad_time = 是“{ $value }”，不是时间，请写成09:30这样。
menufile_days_not_whole = 应该是整数天数。
menufile_days_range = 应该在0到7之间。
menufile_bad_serve = 应该写成11:30-13:00这样。
menufile_serve_backwards = 结束时间要晚于开始时间。
menufile_cutoff_after_serve = 比开饭时间还晚。
menufile_no_lunch = 必须有午饭（lunch），每个食堂都供应午饭。

## 菜品

menufile_dishes_not_list = 应该是菜的列表，不能是空的。
menufile_dish_not_mapping = 应该写菜名（name）和价格（price），不能是{ $kind }。
menufile_not_cyrillic = 应该用西里尔字母书写。
menufile_duplicate_dish = 和前面的菜重名了。
menufile_name_taken = “{ $value }”已经被“{ $owner }”用了。
menufile_price_not_number = 应该是多少元，比如12或12.5。
menufile_price_not_yuan = 是“{ $value }”，不是钱数，请写成12或12.5这样。
menufile_price_too_many_yuan = 是“{ $value }…”，太大了，不会是价格。
menufile_price_decimals = 是“{ $value }”，小数太多了，最多两位（到分）。
menufile_negative = 不能是负数。
menufile_price_too_high = 是{ $yuan }元，一顿饭不会这么贵。
menufile_nutrition_not_mapping = 应该写这几项：{ $nutrients }。
menufile_not_nutrient = 不认识，只能是：{ $nutrients }。
menufile_not_number = 应该是数字，不能是{ $kind }。
menufile_nutrient_range = 应该是0到100000之间的数。
menufile_bad_tag = 里有“{ $value }”，要用小写英文词，比如 low_salt。

## 菜单

menufile_menus_not_list = 应该是菜单的列表，不能是{ $kind }。
menufile_menu_not_mapping = 应该写日期（date）、餐次（meal）和菜（dishes），不能是{ $kind }。
menufile_menu_twice = 写了两次，同一天同一顿饭只能有一个菜单。
menufile_meal_not_served = 不对，食堂不供应{ $meal }。
menufile_date_has_time = 是“{ $value }”，带了时间，只写日期就行，比如2026-12-01。
menufile_bad_date = 是“{ $value }”，不是日期，请写成2026-12-01这样。
menufile_past_date = { $date }已经过去了。
menufile_menu_dishes_not_list = 应该列出菜名，不能是空的。
menufile_not_dish_name = 应该是菜名。
menufile_on_menu_twice = 是“{ $value }”，在这个菜单上写了两次。
menufile_is_alias = 是“{ $value }”，这是别名，请写“{ $dish }”。
menufile_not_in_dishes = 是“{ $value }”，菜品列表（dishes）里没有这道菜。
menufile_portions_not_mapping = 应该写每道菜的份数，比如“红烧肉: 40”。
menufile_not_on_menu = 不对：“{ $value }”不在这个菜单上。
menufile_not_whole = 应该是整数，不能是{ $kind }。
menufile_portions_range = 应该在0到{ $most }之间。

## 导入时和已有订单对不上

menufile_cap_below_ordered = 已经订出{ $taken }份，不能限量为{ $cap }份。
menufile_has_orders = 少了“{ $value }”，可它已经有人订了（{ $taken }份），请留着它。
menufile_closed_day = 这一餐食堂休息（{ $reason }），不能发布菜单；要供餐，请先在菜单计划里取消休息。

## 在一个食堂的菜单页上传（网页管理系统）

menufile_other_canteen = 是“{ $value }”，可这里是“{ $ours }”的菜单页，请写本食堂的编号。
menufile_region_changed = 不能在这里从{ $ours }改成{ $value }，要改请找系统管理员。
