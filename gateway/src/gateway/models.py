"""Every gateway table, so `Base.metadata` is whole wherever it is read (migrations, exports,
`machi keys rotate`): each feature keeps its own in its `models.py`."""

from gateway.api_keys.models import ApiKey
from gateway.audit.models import AuditEvent
from gateway.auth.models import RefreshToken
from gateway.base import Base
from gateway.notifications.models import Notification
from gateway.plans.models import Plan
from gateway.tenants.models import Tenant
from gateway.usage.models import UsageCount
from gateway.users.models import Invitation, PasswordReset, RecoveryCode, User
from gateway.webhooks.models import WebhookDelivery, WebhookEndpoint

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Base",
    "Invitation",
    "Notification",
    "PasswordReset",
    "Plan",
    "RecoveryCode",
    "RefreshToken",
    "Tenant",
    "UsageCount",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
]
