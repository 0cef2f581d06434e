"""Sites: identity and keys, the travelling-table registry, exchange bundles, conflicts (issue 15)."""
