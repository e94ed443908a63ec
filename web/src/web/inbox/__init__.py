"""The citizen inbox pages."""
