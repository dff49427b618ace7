"""Short dates as they are written in Finland where Django's formats follow another country
(``FORMAT_MODULE_PATH``); every other language, Arabic included, uses Django's formats."""
