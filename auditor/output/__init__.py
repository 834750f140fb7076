"""Writers: one per output format. They read Reports (and findings), never re-run checks."""
