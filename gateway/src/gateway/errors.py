"""Gateway errors, each with its HTTP status and problem type."""

from kit.errors import Conflict, Forbidden, NotFound, ProblemError, Unauthorized


class InvalidCredentials(Unauthorized):
    """Wrong password and unknown email give this same answer (no account enumeration)."""

    type = "invalid-credentials"
    title = "Invalid email or password"


class InvalidRefreshToken(Unauthorized):
    type = "invalid-refresh-token"
    title = "Refresh token is invalid, expired or already used"


class InvalidApiKey(Unauthorized):
    type = "invalid-api-key"
    title = "API key is invalid or revoked"


class TenantSuspended(Forbidden):
    type = "tenant-suspended"
    title = "Tenant is suspended"


class TenantNotFound(NotFound):
    title = "Tenant not found"


class ApiKeyNotFound(NotFound):
    title = "API key not found"


class SlugTaken(Conflict):
    type = "slug-taken"
    title = "Slug already used"


class EmailTaken(Conflict):
    type = "email-taken"
    title = "Email already registered"


class UpstreamUnavailable(ProblemError):
    status = 502
    type = "upstream-unavailable"
    title = "Service unavailable"


class UpstreamTimeout(ProblemError):
    status = 504
    type = "upstream-timeout"
    title = "Service did not answer in time"
