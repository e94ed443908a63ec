"""Catalog errors, each with its HTTP status and problem type."""

from kit.errors import Conflict, InvalidInput, NotFound


class ProducerNotFound(NotFound):
    title = "Producer not found"


class ProductNotFound(NotFound):
    title = "Product not found"


class SlugTaken(Conflict):
    type = "slug-taken"
    title = "Slug already used"


class NotPublishable(InvalidInput):
    type = "not-publishable"
    title = "Product cannot be published"
