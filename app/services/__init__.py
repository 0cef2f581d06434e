"""Use cases.  Each takes the store and the acting user; writes go through UnitOfWork."""
