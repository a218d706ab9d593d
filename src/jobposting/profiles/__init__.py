"""Validation profiles: rules a consumer of postings holds them to beyond the canonical schema."""
