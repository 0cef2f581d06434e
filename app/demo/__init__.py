"""The demo district: a realistic year of a district bureau, made through the services.

`build_district(store, year=2023, seed=…, scale=1)` fills an empty database
(app/demo/district.py); `python main.py demo` is its command (app/cli/demo.py).
"""
