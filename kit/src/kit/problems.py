"""Every problem type Machi answers with: its status, title and what it means for the caller.

A problem's `type` (RFC 9457 section 3.1.1) is an absolute URI, `<PROBLEMS_URL>#<slug>`, where
`PROBLEMS_URL` is this deployment's `/problems` page, served by the gateway from this table. The
slug is the stable part: clients match on it (`type.endswith("#quota-exceeded")`). A test holds
every `ProblemError` of every service, and every slug kit.http renders, to a row here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int | None  # None: the status varies (it is the document's `status`)
    title: str
    meaning: str


def _rows(*rows: tuple[str, int | None, str, str]) -> dict[str, ProblemType]:
    return {
        slug: ProblemType(slug, status, title, meaning) for slug, status, title, meaning in rows
    }


PROBLEM_TYPES: dict[str, ProblemType] = _rows(
    # --- any request (kit) ---------------------------------------------------------------------
    ("bad-request", 400, "Bad request", "The request cannot be served as sent."),
    ("validation-error", 422, "Invalid request",
     "The body, query or path does not match the operation's schema; `errors` lists each field."),
    ("invalid-value", 422, "Invalid value",
     "A value cannot be stored (a NUL character, a number out of range, text too long)."),
    ("invalid-input", 400, "Invalid input",
     "The request is well formed but a value is not acceptable; `detail` says which."),
    ("unauthorized", 401, "Authentication required",
     "No valid bearer token or API key was sent, or it has expired."),
    ("forbidden", 403, "Not allowed", "Your role may not do this (kit.policy decides per role)."),
    ("insufficient-scope", 403, "The API key's scopes do not cover this request",
     "The API key lacks the `<area>:read` or `<area>:write` scope this operation needs."),
    ("not-found", 404, "Not found",
     "No such object in your town (another town's objects are not found either)."),
    ("method-not-allowed", 405, "Method not allowed", "The path exists; the method does not."),
    ("conflict", 409, "Conflict", "The change conflicts with the object's current state."),
    ("precondition-failed", 412, "The resource changed since you read it",
     "Your `If-Match` ETag is stale: someone edited it since. Read it again, then retry."),
    ("quota-exceeded", 403, "Plan quota exceeded",
     "Your town's plan does not allow more of this (products, posts, LINE messages...)."),
    ("idempotency-key-reused", 422, "Idempotency key used for another request",
     "An `Idempotency-Key` was sent again with a different request; use a new key."),
    ("idempotency-key-in-flight", 409, "A request with this idempotency key is still running",
     "Wait for the first request with this `Idempotency-Key` to finish, then retry."),
    ("url-refused", 400,
     "URL refused: only http(s) URLs of public internet hosts are called",
     "A URL you gave points at a private, loopback, link-local or metadata address, or is not"
     " http(s); Machi will not call it."),
    ("payload-too-large", 413, "Request body too large",
     "The body is larger than the gateway accepts; `detail` gives the limit."),
    ("rate-limited", 429, "Too many requests",
     "Slow down: retry after the `Retry-After` seconds (RateLimit headers show the budget)."),
    ("http-error", None, "HTTP error", "Any other HTTP error; `status` and `title` say which."),
    ("internal-error", 500, "Internal error",
     "Machi failed unexpectedly; the `request_id` finds it in the logs."),
    ("database-unavailable", 503, "Service unavailable",
     "The database is busy or restarting; nothing was written, retry after `Retry-After`."),
    ("not-ready", 503, "Not ready", "A readiness probe: a dependency of this process is down."),
    ("secrets-not-configured", 503, "No encryption key is configured",
     "The operator has not set the keys that seal credentials; ask them to."),
    ("secret-unreadable", 503, "No configured encryption key opens this secret",
     "A stored credential was sealed with a key no longer configured; reconnect it."),
    ("export-unavailable", 503, "Export unavailable",
     "A service did not answer while a town was exported; retry later."),
    # --- gateway -------------------------------------------------------------------------------
    ("invalid-credentials", 401, "Invalid email or password",
     "Wrong email or password (or a locked account: the answer is the same on purpose)."),
    ("invalid-refresh-token", 401, "Refresh token is invalid, expired or already used",
     "Sign in again; each refresh token works once."),
    ("invalid-api-key", 401, "API key is invalid or revoked", "Use a current API key."),
    ("tenant-suspended", 403, "Tenant is suspended",
     "The platform operator suspended this town; its API is closed until it is reactivated."),
    ("no-town", 403, "This account belongs to no town",
     "The operation is a town's, and this account (the operator) has none."),
    ("slug-taken", 409, "Slug already used", "Another town, product or place has this slug."),
    ("email-taken", 409, "Email already registered", "A user with this email exists already."),
    ("invalid-invitation", 404, "Invitation is invalid, expired or already accepted",
     "Ask the town's admin for a new invitation."),
    ("unknown-plan", 404, "Plan not found", "No plan has this name."),
    ("mfa-required", 401, "A second factor is required",
     "The password was right; log in again with `totp_code` (a TOTP or recovery code)."),
    ("invalid-mfa-code", 401, "The TOTP or recovery code is wrong or already used",
     "Log in with a fresh code from the app (each code works once) or an unused recovery code."),
    ("mfa-enrolment-required", 403, "Enrol a second factor first",
     "Your town requires TOTP for your role: POST /v1/me/mfa/totp, then /v1/me/mfa/totp/confirm."),
    ("mfa-state", 409, "The second factor is not in a state that allows this",
     "Enrol before confirming, disable before enrolling again; a town may require it."),
    ("wrong-mfa-code", 400, "The TOTP or recovery code is wrong or already used",
     "The code does not prove the second factor; use a fresh one from the app."),
    ("wrong-password", 400, "The current password is wrong",
     "Give the account's current password to change it or turn off its second factor."),
    ("invalid-reset-token", 400, "Reset token is invalid, expired or already used",
     "Ask for a new password reset email; each code works once, for a short time."),
    ("not-a-user", 400, "Only a user's own login can do this",
     "Passwords, second factors and sessions belong to users; an API key has none."),
    ("user-deleted", 409, "The user was deleted; only the ex-user record is left",
     "A deleted user cannot be changed or reactivated; invite the person again."),
    ("login-throttled", 429, "Too many login attempts",
     "Too many failed logins from this address or for this account; wait `Retry-After`."),
    ("login-busy", 503, "Too many password checks at once",
     "The gateway is checking many passwords; retry after `Retry-After`."),
    ("upstream-unavailable", 502, "Service unavailable",
     "The service behind this path is down; other paths keep working. Retry later."),
    ("upstream-timeout", 504, "Service did not answer in time",
     "The service behind this path was too slow; the change may or may not have happened, so"
     " retry with the same `Idempotency-Key`."),
    ("webhook-endpoint-disabled", 409, "The webhook endpoint is disabled; enable it first",
     "Deliveries to a disabled endpoint are not sent or redelivered."),
    # --- catalog -------------------------------------------------------------------------------
    ("sku-taken", 409, "SKU already used", "Another variant of your town has this SKU."),
    ("listing-exists", 409, "Store item already listed",
     "This store item is already mapped to a variant."),
    ("not-publishable", 400, "Product cannot be published",
     "The product lacks what a published product needs; `detail` says what."),
    ("products-not-publishable", 400, "Some products cannot be published",
     "A bulk publish or import named products that cannot be published; none were."),
    ("unsupported-media", 415, "Not an image this service accepts",
     "Upload a JPEG, PNG or WebP image."),
    ("media-too-large", 413, "Upload too large", "The file is over the upload limit."),
    ("media-storage-unavailable", 503, "Service unavailable",
     "The media store (the catalog's disk or S3 bucket) did not answer; try again later."),
    ("store-unavailable", 502, "The store did not answer as documented",
     "The storefront (Shopify, WooCommerce...) refused or failed; check its credentials."),
    ("invalid-csv", 400, "Not a CSV file in the catalog import format",
     "The import file is not UTF-8 CSV with the documented header."),
    # --- publisher -----------------------------------------------------------------------------
    ("channel-not-found", 404, "Channel not found", "No such channel in your town."),
    ("post-not-found", 404, "Post not found", "No such post in your town."),
    ("delivery-not-found", 404, "Delivery not found", "No such delivery in your town."),
    ("not-your-account", 403, "Only an admin connects the town's accounts; you connect your own",
     "Staff connect their own accounts; the town's and the shop's accounts are an admin's."),
    ("retry-refused", 409, "This delivery cannot be retried",
     "Only a failed delivery that never reached the platform's publish call, was not refused for "
     "its content, and whose channel is active is sent again; the detail says which one failed."),
    ("campaign-not-found", 404, "Campaign not found", "No such campaign in your town."),
    ("campaign-state-invalid", 409, "The campaign is not in a state that allows this",
     "For example resuming a campaign that is not paused, or editing a cancelled one."),
    ("campaign-invalid", 400, "The campaign cannot be planned as asked",
     "No product list and no rules with a number of steps, an unknown stored template, or a"
     " channel without weekly slots for a campaign placed on slots; `detail` says which."),
    ("channel-needs-reauth", 409, "The channel must be reconnected first",
     "The platform no longer accepts the channel's token: an admin reconnects it, then submit"
     " again; `channel_ids` lists the channels."),
    ("conversation-not-found", 404, "Conversation not found",
     "No such conversation in your town, or it is assigned to someone else."),
    ("inbox-not-configured", 404, "This platform's inbox is not set up",
     "Set the Meta app secret and verify token (`PUT /v1/settings/inbox`), or the LINE channel's"
     " `channel_secret`, before the platform sends webhooks."),
    ("verify-token-mismatch", 403, "The verify token does not match",
     "Meta's subscription handshake named another verify token than the town's."),
    ("bad-webhook-body", 400, "Webhook body not understood",
     "The signed body is not the platform's documented JSON shape."),
    ("reply-not-possible", 409, "This conversation cannot be answered that way now",
     "The channel needs reconnecting, Messenger's 24-hour window has closed, the comment is gone,"
     " or the platform's replies are not supported yet; `detail` says which."),
    ("moderation-not-possible", 409, "This message cannot be hidden, shown or deleted",
     "Only citizens' Facebook and Instagram comments and Threads replies (hidden, never"
     " deleted) still on the platform are moderated, and the platform may refuse (an expired"
     " token, a missing permission); `detail` says which."),
    ("moderation-outcome-unknown", 502,
     "The platform did not answer: the action may or may not have been done",
     "Machi never repeats it by itself; check the comment on the platform before asking again."),
    ("push-needs-confirmation", 409,
     "LINE's reply token has expired: a push message counts against the monthly quota",
     "Send the reply again with `confirm_push: true` to push it."),
    ("group-not-found", 404, "Inbox group not found",
     "No such group of staff in your town."),
    ("group-name-taken", 409, "The town already has a group of that name",
     "Choose another name, or change the group that has it."),
    ("template-not-found", 404, "Saved reply not found",
     "No such saved reply (template) in your town."),
    ("template-language-missing", 422, "The saved reply has no text in that language",
     "Choose a `language` the template has a body in (`detail` lists them), or add that body."),
    ("product-not-known", 400, "The publisher has not seen this product published",
     "Publish the product in the catalog first (or wait a moment for it to arrive)."),
    ("invalid-transition", 409, "The post is not in a state that allows this",
     "For example approving a draft that was never submitted, or editing a published post."),
    ("self-approval", 403, "Nobody approves their own post", "Another editor must approve it."),
    ("not-your-draft", 403, "Only the author or an editor edits this post",
     "The post is someone else's draft."),
    ("channel-not-allowed", 403, "This channel belongs to someone else",
     "A staff member's own account is theirs alone to post on."),
    ("post-invalid", 400, "The post breaks a platform rule",
     "Too long, too many images, a missing image (Instagram)...; `problems` lists each."),
    ("campaign-start-passed", 422, "The campaign would start in the past",
     "Choose a start time in the future."),
    ("bad-timezone", 400, "Unknown IANA timezone", "Use a name such as `Asia/Tokyo`."),
    ("oauth-state-invalid", 400, "Unknown or expired OAuth state",
     "Start connecting the channel again."),
    ("oauth-failed", 400, "The platform refused the authorization",
     "The platform said no; `detail` carries its reason."),
    ("feature-not-in-plan", 403, "The tenant's plan does not include this feature",
     "Ask the platform operator for a plan with it (LINE broadcasts, for example)."),
    ("platform-unavailable", 502, "The platform did not answer; try again",
     "The social platform failed while connecting or previewing."),
    # --- analytics -----------------------------------------------------------------------------
    ("destination-refused", 400, "Destination not allowed",
     "Tracked links go only to your town's store domains."),
    ("store-domains-operator-only", 403, "Store domains are set by the platform operator",
     "Ask the platform operator to add the domain."),
    ("link-not-found", 404, "Link not found", "No tracked link has this code or id."),
    ("code-taken", 409, "Code already in use", "Another link has this short code."),
    ("bad-signature", 401, "Webhook signature does not match",
     "The webhook's signature (a store's, or a social platform's) is missing or does not verify"
     " with the configured secret; nothing was stored."),
    ("webhook-not-configured", 404, "No webhook secret set for this store",
     "Set the store's webhook secret before it sends orders."),
    ("bad-order", 400, "Order payload not understood", "The order body is not the store's shape."),
    ("unknown-timezone", 400, "Not an IANA timezone name", "Use a name such as `Asia/Tokyo`."),
    ("report-not-found", 404, "Report not found", "No such report."),
    ("link-lookup-unavailable", 503, "Links are unavailable for a moment",
     "The redirect cannot look links up right now; retry."),
)  # fmt: skip
