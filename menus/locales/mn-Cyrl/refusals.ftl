# Mongolian in Cyrillic script (Khalkha orthography): the catalogue read when a person writes
# in Cyrillic. The same ids and variables as menus/locales/mn/refusals.ftl (the
# traditional-script catalogue); the meaning follows menus/locales/zh/refusals.ftl.
# Figures in Arabic digits.

### The store's refusals, one per DomainError code (refusal_<code>); tests assert on the
### code, not on the wording. States, meals and ways of getting a meal come in as words.
### Only some are written in Mongolian yet; the others are said in Mandarin (the fallback).

refusal_cannot_cancel_now = Энэ захиалга одоо «{ $status }» байгаа тул цуцлах боломжгүй.
refusal_cancel_after_cutoff = Цуцлах хугацаа өнгөрсөн. Хоолны газар руу утасдаарай.
refusal_not_linked = Та энэ ахмад настантай холбогдоогүй тул захиалга хийх боломжгүй.
refusal_link_code_unknown = Ийм код алга. Ахмад настнаас шинэ код аваарай.
refusal_link_code_expired = Энэ кодын хугацаа дууссан. Ахмад настнаас шинэ код аваарай.
refusal_already_linked = Та энэ ахмад настантай аль хэдийн холбогдсон байна.
refusal_not_staff = Үүнийг зөвхөн хоолны газрын ажилтан хийж болно.
refusal_canteen_closed = Хоолны газар { $date } { $meal } амарна ({ $reason }). Өөр өдөр сонгоно уу.
