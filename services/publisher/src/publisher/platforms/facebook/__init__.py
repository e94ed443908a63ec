"""Facebook Pages: publish, insights, OAuth (Facebook Login) and the rules, behind the registry."""
