"""Catalog errors, each with its HTTP status and problem type."""

from kit.errors import Conflict, InvalidInput, NotFound, ProblemError


class ProducerNotFound(NotFound):
    title = "Producer not found"


class ProductNotFound(NotFound):
    title = "Product not found"


class VariantNotFound(NotFound):
    title = "Variant not found"


class CategoryNotFound(NotFound):
    title = "Category not found"


class PlaceNotFound(NotFound):
    title = "Place not found"


class MediaNotFound(NotFound):
    title = "Media not found"


class StorefrontNotFound(NotFound):
    title = "Storefront not found"


class ImportNotFound(NotFound):
    title = "Import not found"


class SlugTaken(Conflict):
    type = "slug-taken"
    title = "Slug already used"


class SkuTaken(Conflict):
    type = "sku-taken"
    title = "SKU already used"


class ListingExists(Conflict):
    type = "listing-exists"
    title = "Store item already listed"


class NotPublishable(InvalidInput):
    type = "not-publishable"
    title = "Product cannot be published"


class UnsupportedMedia(ProblemError):
    status = 415
    type = "unsupported-media"
    title = "Not an image this service accepts"


class MediaTooLarge(ProblemError):
    status = 413
    type = "media-too-large"
    title = "Upload too large"


class MediaStorageUnavailable(ProblemError):
    status = 503
    type = "media-storage-unavailable"
    title = "Service unavailable"


class StoreUnavailable(ProblemError):
    status = 502
    type = "store-unavailable"
    title = "The store did not answer as documented"


class InvalidCsv(InvalidInput):
    type = "invalid-csv"
    title = "Not a CSV file in the catalog import format"


class ProductsNotPublishable(InvalidInput):
    """A bulk publish refused: `errors` lists each `{product_id, reason}`; nothing changed."""

    type = "products-not-publishable"
    title = "Some products cannot be published"
