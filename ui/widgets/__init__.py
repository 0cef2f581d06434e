"""Small widgets several forms share: masked personal-data fields, inline field errors."""
