"""Everything about one platform lives in its own package (`facebook/`, `x/` ...: publish,
insights, oauth, tokens, rules as data), listed in `registry`; what they share is beside it."""
