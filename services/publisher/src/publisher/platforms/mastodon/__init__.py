"""Mastodon: publish, insights, OAuth and the rules, each call on the channel's own instance."""
