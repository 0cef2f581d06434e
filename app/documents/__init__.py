"""PDF documents (文书): the base in `base.py`, one module per document.

Every document uses the shipped WenQuanYi Micro Hei font (TrueType outlines,
embedded as a subset), so it prints the same on a machine with no Chinese
fonts.  See `base.py` for page layouts, styles, the paged table and 落款.
"""
