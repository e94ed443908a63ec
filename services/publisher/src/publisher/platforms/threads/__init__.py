"""Threads: publish, OAuth, token refresh and the rules, behind the registry (no insights yet)."""
