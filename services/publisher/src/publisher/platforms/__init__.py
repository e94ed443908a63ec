"""One adapter per platform; each file holds its rules and error map as data tables."""
