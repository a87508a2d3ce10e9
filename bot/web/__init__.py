"""The web console for canteen staff and civil-affairs supervisors (``zhucan web``): signed-in
pages over the store's services (``app``), who may see and do what (``access``), what each page
shows (``pages``) and the ``zhucan web`` commands (``cli``)."""
