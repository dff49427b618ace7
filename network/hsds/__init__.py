"""The integration tray as open data: an Open Referral HSDS 3.0 read API (``/api/hsds/``)."""
