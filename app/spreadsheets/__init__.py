"""Excel templates, importers and exporters (streaming; no Qt).

One module per register: `app.spreadsheets.parties` for the parties register.
"""
