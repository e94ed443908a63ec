"""Typed errors of the publisher, rendered as problem+json by kit."""

from __future__ import annotations

from kit.errors import Conflict, Forbidden, InvalidInput, NotFound, ProblemError


class ChannelNotFound(NotFound):
    type = "channel-not-found"
    title = "Channel not found"


class PostNotFound(NotFound):
    type = "post-not-found"
    title = "Post not found"


class CampaignNotFound(NotFound):
    type = "campaign-not-found"
    title = "Campaign not found"


class ProductNotKnown(InvalidInput):
    type = "product-not-known"
    title = "The publisher has not seen this product published"


class InvalidTransition(Conflict):
    type = "invalid-transition"
    title = "The post is not in a state that allows this"


class SelfApproval(Forbidden):
    type = "self-approval"
    title = "Nobody approves their own post"


class NotYourDraft(Forbidden):
    type = "not-your-draft"
    title = "Only the author or an editor edits this post"


class ChannelNotAllowed(Forbidden):
    type = "channel-not-allowed"
    title = "This channel belongs to someone else"


class NotYourAccount(Forbidden):
    type = "not-your-account"
    title = "Only an admin connects the town's accounts; you connect your own"


class DeliveryNotFound(NotFound):
    type = "delivery-not-found"
    title = "Delivery not found"


class ChannelNeedsReauth(Conflict):
    type = "channel-needs-reauth"
    title = "The channel must be reconnected first"


class CampaignStateInvalid(Conflict):
    type = "campaign-state-invalid"
    title = "The campaign is not in a state that allows this"


class CampaignInvalid(InvalidInput):
    type = "campaign-invalid"
    title = "The campaign cannot be planned as asked"


class RetryRefused(Conflict):
    type = "retry-refused"
    title = "This delivery cannot be retried"


class PostInvalid(InvalidInput):
    type = "post-invalid"
    title = "The post breaks a platform rule"


class CampaignStartPassed(ProblemError):
    status = 422
    type = "campaign-start-passed"
    title = "The campaign would start in the past"


class BadTimezone(InvalidInput):
    type = "bad-timezone"
    title = "Unknown IANA timezone"


class OAuthStateInvalid(InvalidInput):
    type = "oauth-state-invalid"
    title = "Unknown or expired OAuth state"


class OAuthFailed(InvalidInput):
    type = "oauth-failed"
    title = "The platform refused the authorization"


class FeatureNotInPlan(Forbidden):
    type = "feature-not-in-plan"
    title = "The tenant's plan does not include this feature"


class PlatformUnavailable(ProblemError):
    status = 502
    type = "platform-unavailable"
    title = "The platform did not answer; try again"


class ConversationNotFound(NotFound):
    type = "conversation-not-found"
    title = "Conversation not found"


class InboxNotConfigured(NotFound):
    type = "inbox-not-configured"
    title = "This platform's inbox is not set up"


class BadSignature(ProblemError):
    status = 401
    type = "bad-signature"
    title = "Webhook signature does not match"


class VerifyTokenMismatch(Forbidden):
    type = "verify-token-mismatch"
    title = "The verify token does not match"


class BadWebhookBody(ProblemError):
    status = 400
    type = "bad-webhook-body"
    title = "Webhook body not understood"


class ReplyNotPossible(Conflict):
    type = "reply-not-possible"
    title = "This conversation cannot be answered that way now"


class PushNeedsConfirmation(Conflict):
    type = "push-needs-confirmation"
    title = "LINE's reply token has expired: a push message counts against the monthly quota"


class TemplateNotFound(NotFound):
    type = "template-not-found"
    title = "Saved reply not found"


class TemplateLanguageMissing(ProblemError):
    status = 422
    type = "template-language-missing"
    title = "The saved reply has no text in that language"


class ModerationNotPossible(Conflict):
    type = "moderation-not-possible"
    title = "This message cannot be hidden, shown or deleted on its platform"


class ModerationOutcomeUnknown(ProblemError):
    status = 502
    type = "moderation-outcome-unknown"
    title = "The platform did not answer: the action may or may not have been done"


class ReplyNotAwaitingApproval(Conflict):
    type = "reply-not-awaiting-approval"
    title = "This reply is not waiting for approval"


class ReplyNotFound(NotFound):
    type = "reply-not-found"
    title = "Reply not found"


class GroupNotFound(NotFound):
    type = "group-not-found"
    title = "Inbox group not found"


class GroupNameTaken(Conflict):
    type = "group-name-taken"
    title = "The town already has a group of that name"
