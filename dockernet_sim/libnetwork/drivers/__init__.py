"""libnetwork's drivers: the interface the controller calls (:mod:`.api`), the built-in drivers
(``bridge/``, :mod:`.host`, :mod:`.null`, :mod:`.macvlan`, :mod:`.ipvlan`) and the table that
registers them by name (:mod:`.registry`)."""
