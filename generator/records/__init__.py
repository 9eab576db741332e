"""One module per record type: its schema (documented fields), its checks, its derived values."""
