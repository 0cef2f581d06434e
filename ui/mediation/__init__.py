"""调解: township mediation."""
