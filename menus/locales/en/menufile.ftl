### Problems in a menu file (menus/menuproblems.py): one message per Issue (menufile_<code>),
### and the words that put a problem's line together: where it is, which field, what is wrong.
### English: for operators (ZHUCAN_LANG=en); the command line prints these words, as it always
### has: menu.yaml:12 dishes[3] (红烧肉).price: must not be negative

## One problem's line

menufile_problem = { $at } { $subject }: { $what }
menufile_at = { $file }
menufile_at_line = { $file }:{ $line }
menufile_of = { $where }.{ $field }
menufile_labelled = { $where } ({ $label })
menufile_entry = { $part }[{ $index }]
menufile_row = row { $index }
menufile_part = { $value ->
    [file] file
    [header] header
    [canteen] canteen
    [dishes] dishes
    [menus] menus
   *[other] { $value }
}
menufile_field = { $value ->
    [price] price
    [name] name
    [name_mn] name_mn
    [name_mn_cyrl] name_mn_cyrl
    [aliases] aliases
    [nutrition] nutrition
    [tags] tags
    [allergens] allergens
    [date] date
    [meal] meal
    [dishes] dishes
    [portions] portions
    [code] code
    [region] region
    [modes] modes
    [slots] slots
    [kind] kind
    [address] address
    [phone] phone
    [delivery_area] delivery_area
    [canteen] canteen
   *[other] { $value }
}
menufile_kind = { $value ->
    [mapping] a mapping
    [list] a list
    [text] text
    [yesno] yes/no
    [number] a number
    [date] a date
    [datetime] datetime
   *[other] { $value }
}

## The file as a whole

menufile_file_too_big = is { $size } bytes; the limit is { $limit }
menufile_file_unreadable = cannot be read ({ $reason })
menufile_file_not_regular = is not a regular file (a device, a pipe or a folder)
menufile_not_utf8 = is not UTF-8 (byte { $byte }); save it as UTF-8 and retry
menufile_empty = is empty
menufile_nul_bytes = contains NUL bytes; is it a text file?
menufile_no_menu = has no menu in it (only an empty YAML value)
menufile_not_menu_format = is not a menu file: only .xlsx, .csv, .yaml or .yml
menufile_binary_file = is not a text file (it looks like an image, an archive or a workbook); a workbook's name ends in .xlsx
menufile_yaml_invalid = is not valid YAML: { $detail }
menufile_yaml_alias = is not valid YAML: aliases (*{ $anchor }) are not accepted; write the value out
menufile_yaml_bad_key = is not valid YAML: a key must be a plain word or number
menufile_yaml_duplicate_key = is not valid YAML: duplicate key '{ $key }'
menufile_yaml_bad_value = has a value that is not valid: { $detail }
menufile_yaml_too_deep = is nested too deeply
menufile_file_not_mapping = must be a mapping with canteen, dishes and menus, not { $kind }
menufile_unknown_section = is not a known section (canteen, dishes, menus)

## CSV rows and header

menufile_csv_invalid = is not valid CSV: { $detail }
menufile_missing_columns = is missing column(s): { $columns }
menufile_unknown_columns = has unknown column(s): { $columns }
menufile_fewer_cells = has fewer cells than the header
menufile_more_cells = has more cells than the header
menufile_one_canteen = must name exactly one canteen
menufile_dish_differs = describes the dish differently from an earlier row

## Excel workbooks (.xlsx)

menufile_xlsx_not_zip = is not an Excel workbook (.xlsx); save it from Excel as .xlsx
menufile_xlsx_not_workbook = is not an Excel workbook with a worksheet, or it is damaged; save it from Excel as .xlsx
menufile_xlsx_encrypted = is password-protected or an old .xls workbook; save it as .xlsx without a password
menufile_xlsx_unpacks_too_big = unpacks to { $size } bytes in { $parts } parts; the limit is { $limit } bytes in { $most } parts
menufile_xlsx_too_many_rows = has more than { $limit } rows
menufile_xlsx_too_many_columns = has a value in cell { $cell }, past the first { $limit } columns
menufile_xlsx_formula = cell { $cell } holds a formula; type the value itself (formulas are not worked out)

## Any field

menufile_missing = is missing
menufile_not_text = must be text, not { $kind }
menufile_control_chars = contains control characters
menufile_too_long = is { $length } characters; the limit is { $limit }
menufile_not_list = must be a list, not { $kind }
menufile_empty_item = must be non-empty text
menufile_bad_item = has control characters or is too long
menufile_listed_twice = '{ $value }' is listed twice
menufile_not_mapping = must be a mapping, not { $kind }
menufile_unknown_field = is not a known field
menufile_not_one_of = '{ $value }' is not one of: { $allowed }

## The canteen

menufile_bad_code = '{ $value }' must be lowercase letters, digits, - or _
menufile_not_traditional = must be in traditional Mongolian script
menufile_not_traditional_letters = must be in traditional Mongolian script (U+1800–U+18AF)
menufile_bad_region = '{ $value }' must be a 6-digit region code like 150102
menufile_modes_missing = is missing (dine_in, pickup, delivery)
menufile_modes_not_list = must be a non-empty list of dine_in, pickup, delivery
menufile_slots_not_mapping = must map meals (breakfast, lunch, dinner) to times
menufile_slot_not_mapping = must be {"{"}cutoff: 'HH:MM', days_before: N, serve: ...{"}"}
menufile_bad_time = '{ $value }' is not a time like 09:30
menufile_days_not_whole = must be a whole number of days
menufile_days_range = must be between 0 and 7
menufile_bad_serve = must look like 11:30-13:00
menufile_serve_backwards = must end after it starts
menufile_cutoff_after_serve = is after the meal is served
menufile_no_lunch = must include lunch (every canteen serves lunch)

## Dishes

menufile_dishes_not_list = must be a non-empty list of dishes
menufile_dish_not_mapping = must be a mapping with name and price, not { $kind }
menufile_not_cyrillic = must be in Cyrillic letters
menufile_duplicate_dish = is a duplicate dish name
menufile_name_taken = '{ $value }' is already used by dish '{ $owner }'
menufile_price_not_number = a price must be a number of yuan, like 12 or 12.5
menufile_price_not_yuan = '{ $value }' is not a number of yuan
menufile_price_too_many_yuan = '{ $value }…' is more yuan than any amount here
menufile_price_decimals = '{ $value }' has more than two decimals (fen are the smallest unit)
menufile_negative = must not be negative
menufile_price_too_high = { $yuan } yuan is more than a meal can cost
menufile_nutrition_not_mapping = must be a mapping of { $nutrients }
menufile_not_nutrient = is not one of { $nutrients }
menufile_not_number = must be a number, not { $kind }
menufile_nutrient_range = must be a number from 0 to 100000
menufile_bad_tag = '{ $value }' must be a lowercase word like low_salt

## Menus

menufile_menus_not_list = must be a list of menus, not { $kind }
menufile_menu_not_mapping = must be a mapping with date, meal and dishes, not { $kind }
menufile_menu_twice = this date and meal appear twice
menufile_meal_not_served = the canteen does not serve { $meal }
menufile_date_has_time = '{ $value }' has a time; write only the date, like 2026-12-01
menufile_bad_date = '{ $value }' is not a date like 2026-12-01
menufile_past_date = { $date } is in the past
menufile_menu_dishes_not_list = must be a non-empty list of dish names
menufile_not_dish_name = must be a dish name
menufile_on_menu_twice = '{ $value }' is on this menu twice
menufile_is_alias = '{ $value }' is an alias; write '{ $dish }'
menufile_not_in_dishes = '{ $value }' is not in the dishes list
menufile_portions_not_mapping = must map dish names to numbers of portions
menufile_not_on_menu = '{ $value }' is not on this menu
menufile_not_whole = must be a whole number, not { $kind }
menufile_portions_range = must be from 0 to { $most }

## Importing it over what is stored

menufile_cap_below_ordered = { $taken } already ordered; cap { $cap }
menufile_has_orders = '{ $value }' has orders ({ $taken } portions); keep it
menufile_closed_day = the canteen is closed for this meal ({ $reason }); reopen it before publishing its menu

## Uploaded on one canteen's menu page (the web console)

menufile_other_canteen = is '{ $value }', but this is the menu page of '{ $ours }'
menufile_region_changed = cannot change from { $ours } to { $value } here; ask the operator
