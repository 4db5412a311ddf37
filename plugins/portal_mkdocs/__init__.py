"""MkDocs adapter for the portal core: thin glue, no domain logic."""
