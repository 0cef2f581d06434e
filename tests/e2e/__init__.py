"""End-to-end tests: the program run as a subprocess."""
