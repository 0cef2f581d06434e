"""The local store: engine and pragmas, column types, migrations, search index."""

from app.store.engine import Store
from app.store.opening import open_store

__all__ = ["Store", "open_store"]
