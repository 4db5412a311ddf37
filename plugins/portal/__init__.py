"""Core of the portal: model, loading, checks. Plain Python, no MkDocs import."""
