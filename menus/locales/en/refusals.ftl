### The store's refusals, one per DomainError code (refusal_<code>); tests assert on the
### code, not on the wording. States, meals and ways of getting a meal come in as words.
### English: for operators (ZHUCAN_LANG=en); everything else falls back to Mandarin.

refusal_unknown_elder = No elder called '{ $who }'. See the names and ids with: zhucan elders list
refusal_ambiguous_elder = { $count } elders are called '{ $who }'; use an id instead: { $ids }
refusal_unknown_order = No order with id { $order_id }. See the orders with: zhucan orders list
refusal_unknown_canteen = No canteen '{ $code }'. Import its menu file first: zhucan menu import
refusal_no_canteen = There is no canteen yet. Import a menu file (zhucan menu import) or run zhucan demo.
refusal_several_canteens = There are several canteens; choose one with --canteen: { $codes }
refusal_no_menu = There is no { $meal } menu for { $date }. Try another day or meal; see zhucan menu show.
refusal_unknown_dish = '{ $dish }' is not on the { $meal } menu for { $date }. On it: { $available }
refusal_sold_out = '{ $dish }' is sold out ({ $left } left). Please choose another dish.
refusal_closed = Orders for { $meal } on { $date } closed at { $cutoff }. Please order the next meal.
refusal_past_date = { $date } is in the past. Choose today or a later day.
refusal_mode_not_offered = This canteen does not offer { $mode }. It offers: { $modes }
refusal_no_address = Delivery needs an address and this elder has none on file. Add it first.
refusal_outside_area = '{ $community }' is outside the delivery area ({ $area }). Choose pickup or dine-in.
refusal_bad_quantity = A quantity must be a whole number from 1 to { $limit }, not '{ $qty }'.
refusal_no_items = An order needs at least one dish.
refusal_duplicate_dish = '{ $dish }' is given twice; give it once with its quantity.
refusal_bad_transition = The order is { $status }; it cannot become { $target }.
refusal_transition_not_yours = Only canteen staff can mark an order { $target }.
refusal_ready_is_for_pickup = A delivery order goes out_for_delivery, not ready.
refusal_delivery_only = Only delivery orders can go out_for_delivery.
refusal_cannot_cancel_now = The order is { $status }; it can no longer be cancelled.
refusal_cancel_after_cutoff = The cut-off has passed; it can no longer be cancelled. Please call the canteen.
refusal_cancel_needs_reason = A canteen cancelling an order must give a reason (--reason).
refusal_not_linked = You are not linked to this elder, so you cannot order for them or see their orders.
refusal_bad_argument = Bad argument: { $detail }
refusal_bad_date = '{ $text }' is not a date; write it like 2026-12-01.
refusal_bad_month = '{ $text }' is not a month; write it like 2026-12.
refusal_bad_now = '{ $text }' is not a time; write it like 2026-12-01T09:00.
refusal_date_out_of_range = '{ $text }' is not between the years 2000 and 2200; choose another date.
refusal_file_unreadable = Cannot read the file '{ $name }' ({ $reason }). Check its name and permissions.
refusal_file_not_regular = '{ $name }' is not a regular file (a device, a pipe or a folder); it was not read. Give a file.
refusal_file_too_big = The file '{ $name }' is { $size } bytes, over the limit of { $limit }; it was not read.
refusal_menu_file_invalid =
    The menu file has { $count } problem(s); nothing was imported:
    { $problems }
refusal_menu_in_use = '{ $dish }' on { $date } { $meal } already has { $ordered } portion(s) ordered; it cannot be removed or capped at { $cap }.
refusal_people_file_invalid =
    The people file has problems; nothing was imported:
    { $problems }
refusal_db_not_ready = The database has no tables yet. Run: zhucan db upgrade
refusal_key_reused = This request key belongs to someone else's order; nothing was placed. Use another --key.
refusal_link_code_unknown = There is no such link code. Ask the elder for a new one.
refusal_link_code_expired = This link code has expired. Ask the elder for a new one.
refusal_link_self = You cannot link to yourself.
refusal_already_linked = You are already linked to this elder.
refusal_not_staff = You are not staff of this canteen, so you cannot do this.
refusal_unknown_feedback = No feedback with id { $feedback_id }.
refusal_bad_time = '{ $text }' is not a time of day; write it like 08:00.
refusal_rasa_unavailable = The Rasa server at { $url } does not answer. Start it with nlu/rasa/rasa.sh serve, or leave out --backend rasa.
refusal_weak_password = A password must have { $least } to { $most } characters.
refusal_bad_login_name = The login '{ $login }' cannot be used: not empty, no spaces, at most { $most } characters.
refusal_bad_role = There is no role '{ $role }'. Choose one of: { $roles }
refusal_login_taken = The login '{ $login }' is taken; choose another (--login).
refusal_has_account = { $name } already has an account.
refusal_bad_region = '{ $region }' is not a region code; give 2 to 12 digits, e.g. 150102.
refusal_supervisor_no_canteen = A supervisor oversees a region, not a canteen: use --region, not --canteen.
refusal_region_is_for_supervisors = --region is for supervisors; canteen staff take --canteen.
refusal_staff_need_canteen = Canteen staff need their canteen (--canteen).
refusal_bad_login = Wrong login or password.
refusal_too_many_attempts = Too many failed sign-ins; try again in 15 minutes.
