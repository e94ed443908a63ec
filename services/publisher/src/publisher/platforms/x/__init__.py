"""X: publish, insights, OAuth 2.0 with PKCE, token refresh and the rules, behind the registry."""
