"""执法人员: the enforcement staff roster, certificates and annual reviews."""
