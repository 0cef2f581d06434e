"""Renshe Desk core: domain, services, store and exports. Never imports Qt."""

APP_NAME = "renshe-desk"
__version__ = "0.1.0"
