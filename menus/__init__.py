"""The domain core: canteens, dishes, menus, people, orders, prices and subsidies.

Imports nothing from ``bot``, ``nlu``, ``voice`` or ``scheduler``. Rules are pure functions
(``pricing``, ``states``, ``clock``, ``access``); services (``orders``, ``menu_store``, ``people``,
``reports``) wrap them in one transaction each.
"""
