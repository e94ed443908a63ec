"""Typed errors of analytics, rendered as problem+json by kit."""

from __future__ import annotations

from kit.errors import Conflict, Forbidden, InvalidInput, NotFound, ProblemError, Unauthorized


class DestinationRefused(InvalidInput):
    type = "destination-refused"
    title = "Destination not allowed"


class StoreDomainsOperatorOnly(Forbidden):
    type = "store-domains-operator-only"
    title = "Store domains are set by the platform operator"


class LinkNotFound(NotFound):
    type = "link-not-found"
    title = "Link not found"


class CodeTaken(Conflict):
    type = "code-taken"
    title = "Code already in use"


class BadSignature(Unauthorized):
    type = "bad-signature"
    title = "Webhook signature does not match"


class WebhookNotConfigured(NotFound):
    type = "webhook-not-configured"
    title = "No webhook secret set for this store"


class BadOrder(InvalidInput):
    type = "bad-order"
    title = "Order payload not understood"


class UnknownTimezone(InvalidInput):
    type = "unknown-timezone"
    title = "Not an IANA timezone name"


class ReportNotFound(NotFound):
    type = "report-not-found"
    title = "Report not found"


class LookupUnavailable(ProblemError):
    """The link directory cannot be read and the code is not in memory."""

    status = 503
    type = "link-lookup-unavailable"
    title = "Links are unavailable for a moment"
