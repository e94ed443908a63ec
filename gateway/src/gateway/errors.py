"""Gateway errors, each with its HTTP status and problem type."""

from kit.errors import Conflict, Forbidden, InvalidInput, NotFound, ProblemError, Unauthorized


class InvalidCredentials(Unauthorized):
    """Wrong password, unknown email and locked account give this same answer, after the same
    password check (no account enumeration)."""

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


class LinkLookupUnavailable(ProblemError):
    """The edge redirect cannot learn from analytics where a code leads (down, or erring)."""

    status = 503
    type = "link-lookup-unavailable"
    title = "Links are unavailable for a moment"


class UpstreamTimeout(ProblemError):
    status = 504
    type = "upstream-timeout"
    title = "Service did not answer in time"


class LoginThrottled(ProblemError):
    """Too many login attempts from one client address, for one account, or both."""

    status = 429
    type = "login-throttled"
    title = "Too many login attempts"


class LoginBusy(ProblemError):
    """Every password-check slot is taken (each argon2 run holds 64 MiB): retry shortly."""

    status = 503
    type = "login-busy"
    title = "Too many password checks at once"


class InvalidInvitation(NotFound):
    type = "invalid-invitation"
    title = "Invitation is invalid, expired or already accepted"


class PlanNotFound(NotFound):
    type = "unknown-plan"
    title = "Plan not found"


class TownNotFound(NotFound):
    title = "Town not found"


class NoTown(Forbidden):
    type = "no-town"
    title = "This account belongs to no town"


class UserNotFound(NotFound):
    title = "User not found"


class UserDeleted(Conflict):
    type = "user-deleted"
    title = "The user was deleted; only the ex-user record is left"


class NotAUser(InvalidInput):
    """The action belongs to a person's own login (password, second factor, sessions)."""

    type = "not-a-user"
    title = "Only a user's own login can do this"


class MfaRequired(Unauthorized):
    """The password was right; the account also needs its TOTP code (`totp_code`)."""

    type = "mfa-required"
    title = "A second factor is required"


class InvalidMfaCode(Unauthorized):
    """At login: the second factor's code is wrong (counted like a wrong password)."""

    type = "invalid-mfa-code"
    title = "The TOTP or recovery code is wrong or already used"


class WrongMfaCode(InvalidInput):
    """Confirming or turning off a second factor: the code given does not prove it."""

    type = "wrong-mfa-code"
    title = "The TOTP or recovery code is wrong or already used"


class MfaEnrolmentRequired(Forbidden):
    """The town requires a second factor for this role and the account has none yet."""

    type = "mfa-enrolment-required"
    title = "Enrol a second factor first"


class MfaState(Conflict):
    type = "mfa-state"
    title = "The second factor is not in a state that allows this"


class WrongPassword(InvalidInput):
    type = "wrong-password"
    title = "The current password is wrong"


class InvalidResetToken(InvalidInput):
    type = "invalid-reset-token"
    title = "Reset token is invalid, expired or already used"
