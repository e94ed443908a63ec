"""Scheduled insight pulls: the publisher holds the tokens, so it reads the platforms' numbers and
hands them to analytics as `publisher.insights.collected.v1` events."""
