"""Contains all the data models used in inputs/outputs"""

from .analytics_playbook_applied import AnalyticsPlaybookApplied
from .analytics_section import AnalyticsSection
from .analytics_usage import AnalyticsUsage
from .api_key_create import ApiKeyCreate
from .api_key_create_roles_item import ApiKeyCreateRolesItem
from .api_key_create_scopes_item import ApiKeyCreateScopesItem
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .attempt_read import AttemptRead
from .attempt_read_rate_limit import AttemptReadRateLimit
from .audit_event_read import AuditEventRead
from .auth_token_token_request import AuthTokenTokenRequest
from .available_product import AvailableProduct
from .available_product_description_type_1 import AvailableProductDescriptionType1
from .available_product_name_type_1 import AvailableProductNameType1
from .best_time import BestTime
from .best_times import BestTimes
from .body_imports_create import BodyImportsCreate
from .body_media_create import BodyMediaCreate
from .broadcast_estimate import BroadcastEstimate
from .cadence import Cadence
from .campaign_create import CampaignCreate
from .campaign_create_approval import CampaignCreateApproval
from .campaign_create_placement import CampaignCreatePlacement
from .campaign_read import CampaignRead
from .campaign_read_cadence import CampaignReadCadence
from .campaign_read_rules import CampaignReadRules
from .campaign_update import CampaignUpdate
from .catalog_playbook_applied import CatalogPlaybookApplied
from .catalog_section import CatalogSection
from .catalog_usage import CatalogUsage
from .categories_section import CategoriesSection
from .category_create import CategoryCreate
from .category_create_name import CategoryCreateName
from .category_read import CategoryRead
from .category_read_name import CategoryReadName
from .category_template import CategoryTemplate
from .category_template_name import CategoryTemplateName
from .category_update import CategoryUpdate
from .category_update_name_type_0 import CategoryUpdateNameType0
from .channel_kind import ChannelKind
from .channel_kind_approval_policy import ChannelKindApprovalPolicy
from .channel_kind_owner_kind import ChannelKindOwnerKind
from .channel_kind_platform import ChannelKindPlatform
from .channel_needs_reauth_v1 import ChannelNeedsReauthV1
from .channel_needs_reauth_webhook import ChannelNeedsReauthWebhook
from .channel_plan_read import ChannelPlanRead
from .channel_plan_read_approval_policy import ChannelPlanReadApprovalPolicy
from .channel_plan_read_owner_kind import ChannelPlanReadOwnerKind
from .channel_plan_read_platform import ChannelPlanReadPlatform
from .channel_preview import ChannelPreview
from .channel_read import ChannelRead
from .channel_read_config import ChannelReadConfig
from .channel_update import ChannelUpdate
from .channel_update_approval_policy_type_0 import ChannelUpdateApprovalPolicyType0
from .channel_update_credentials_type_0 import ChannelUpdateCredentialsType0
from .channel_update_status_type_0 import ChannelUpdateStatusType0
from .channels_oauth_callback_platform import ChannelsOauthCallbackPlatform
from .channels_oauth_select_platform import ChannelsOauthSelectPlatform
from .channels_oauth_start_platform import ChannelsOauthStartPlatform
from .choice import Choice
from .click_batch import ClickBatch
from .click_batch_accepted import ClickBatchAccepted
from .config import Config
from .connect_result import ConnectResult
from .connect_result_stage import ConnectResultStage
from .connect_start import ConnectStart
from .connect_start_approval_policy import ConnectStartApprovalPolicy
from .connect_start_owner_kind import ConnectStartOwnerKind
from .connect_started import ConnectStarted
from .conversation_counts import ConversationCounts
from .conversation_detail import ConversationDetail
from .conversation_detail_kind import ConversationDetailKind
from .conversation_detail_language_type_0 import ConversationDetailLanguageType0
from .conversation_detail_priority import ConversationDetailPriority
from .conversation_detail_status import ConversationDetailStatus
from .conversation_post import ConversationPost
from .conversation_read import ConversationRead
from .conversation_read_kind import ConversationReadKind
from .conversation_read_language_type_0 import ConversationReadLanguageType0
from .conversation_read_priority import ConversationReadPriority
from .conversation_read_status import ConversationReadStatus
from .conversation_update import ConversationUpdate
from .conversation_update_priority_type_0 import ConversationUpdatePriorityType0
from .conversation_update_status_type_0 import ConversationUpdateStatusType0
from .conversations_list_language_type_0 import ConversationsListLanguageType0
from .conversations_list_status_type_0 import ConversationsListStatusType0
from .conversion_read import ConversionRead
from .conversion_recorded_v1 import ConversionRecordedV1
from .conversion_recorded_webhook import ConversionRecordedWebhook
from .conversions_import_store import ConversionsImportStore
from .delivery_failed_v1 import DeliveryFailedV1
from .delivery_failed_webhook import DeliveryFailedWebhook
from .delivery_published_v1 import DeliveryPublishedV1
from .delivery_published_webhook import DeliveryPublishedWebhook
from .delivery_read import DeliveryRead
from .dimension_report import DimensionReport
from .dimension_row import DimensionRow
from .edge_click import EdgeClick
from .edge_click_dimensions import EdgeClickDimensions
from .erasure_request import ErasureRequest
from .erasure_result import ErasureResult
from .facebook_credentials import FacebookCredentials
from .facebook_page_channel_create import FacebookPageChannelCreate
from .facebook_page_channel_create_approval_policy import (
    FacebookPageChannelCreateApprovalPolicy,
)
from .facebook_page_channel_create_owner_kind import FacebookPageChannelCreateOwnerKind
from .gateway_usage import GatewayUsage
from .group_create import GroupCreate
from .group_read import GroupRead
from .group_update import GroupUpdate
from .import_read import ImportRead
from .import_read_summary import ImportReadSummary
from .import_result import ImportResult
from .inbox_age_bucket import InboxAgeBucket
from .inbox_ages import InboxAges
from .inbox_day import InboxDay
from .inbox_days import InboxDays
from .inbox_report import InboxReport
from .inbox_row import InboxRow
from .inbox_settings_read import InboxSettingsRead
from .inbox_settings_update import InboxSettingsUpdate
from .inbox_times import InboxTimes
from .insights_snapshots_create_response_insights_snapshots_create import (
    InsightsSnapshotsCreateResponseInsightsSnapshotsCreate,
)
from .instagram_channel_create import InstagramChannelCreate
from .instagram_channel_create_approval_policy import (
    InstagramChannelCreateApprovalPolicy,
)
from .instagram_channel_create_owner_kind import InstagramChannelCreateOwnerKind
from .instagram_credentials import InstagramCredentials
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
from .invitation_create_roles_item import InvitationCreateRolesItem
from .invitation_created import InvitationCreated
from .jwk import Jwk
from .jwks import Jwks
from .line_channel_create import LineChannelCreate
from .line_channel_create_approval_policy import LineChannelCreateApprovalPolicy
from .line_channel_create_owner_kind import LineChannelCreateOwnerKind
from .line_credentials import LineCredentials
from .link_create import LinkCreate
from .link_create_utm import LinkCreateUtm
from .link_read import LinkRead
from .link_read_utm import LinkReadUtm
from .link_route_read import LinkRouteRead
from .link_route_read_dimensions import LinkRouteReadDimensions
from .link_update import LinkUpdate
from .link_update_utm_type_0 import LinkUpdateUtmType0
from .listing_create import ListingCreate
from .listing_read import ListingRead
from .logout_request import LogoutRequest
from .mastodon_channel_create import MastodonChannelCreate
from .mastodon_channel_create_approval_policy import MastodonChannelCreateApprovalPolicy
from .mastodon_channel_create_owner_kind import MastodonChannelCreateOwnerKind
from .mastodon_config import MastodonConfig
from .mastodon_credentials import MastodonCredentials
from .me_read import MeRead
from .me_read_kind import MeReadKind
from .me_read_language_type_0 import MeReadLanguageType0
from .me_read_limits import MeReadLimits
from .me_update import MeUpdate
from .me_update_language_type_0 import MeUpdateLanguageType0
from .media import Media
from .media_alt import MediaAlt
from .media_attachment import MediaAttachment
from .media_attachment_alt import MediaAttachmentAlt
from .media_attachment_read import MediaAttachmentRead
from .media_attachment_read_alt import MediaAttachmentReadAlt
from .media_attachment_read_urls import MediaAttachmentReadUrls
from .media_detail import MediaDetail
from .media_detail_alt import MediaDetailAlt
from .media_detail_urls import MediaDetailUrls
from .media_place_use import MediaPlaceUse
from .media_place_use_name import MediaPlaceUseName
from .media_place_use_status import MediaPlaceUseStatus
from .media_product_use import MediaProductUse
from .media_product_use_name import MediaProductUseName
from .media_product_use_status import MediaProductUseStatus
from .media_read import MediaRead
from .media_read_alt import MediaReadAlt
from .media_read_urls import MediaReadUrls
from .media_rendition_get_rendition import MediaRenditionGetRendition
from .media_update import MediaUpdate
from .media_update_alt import MediaUpdateAlt
from .media_urls import MediaUrls
from .media_usage import MediaUsage
from .message_read import MessageRead
from .message_read_attachments_item import MessageReadAttachmentsItem
from .message_read_direction import MessageReadDirection
from .message_read_state_type_0 import MessageReadStateType0
from .message_read_via_type_0 import MessageReadViaType0
from .metrics import Metrics
from .next_slot_read import NextSlotRead
from .note_create import NoteCreate
from .notification_page import NotificationPage
from .notification_read import NotificationRead
from .notification_read_data import NotificationReadData
from .notifications_read import NotificationsRead
from .opening_hours import OpeningHours
from .opening_hours_day import OpeningHoursDay
from .overview import Overview
from .overview_change import OverviewChange
from .page_api_key_read import PageApiKeyRead
from .page_attempt_read import PageAttemptRead
from .page_audit_event_read import PageAuditEventRead
from .page_campaign_read import PageCampaignRead
from .page_category_read import PageCategoryRead
from .page_channel_plan_read import PageChannelPlanRead
from .page_channel_read import PageChannelRead
from .page_conversation_read import PageConversationRead
from .page_conversion_read import PageConversionRead
from .page_delivery_read import PageDeliveryRead
from .page_link_read import PageLinkRead
from .page_listing_read import PageListingRead
from .page_media_read import PageMediaRead
from .page_place_read import PagePlaceRead
from .page_plan_read import PagePlanRead
from .page_post_read import PagePostRead
from .page_producer_read import PageProducerRead
from .page_product_read import PageProductRead
from .page_sandbox_post_read import PageSandboxPostRead
from .page_selection import PageSelection
from .page_slot_read import PageSlotRead
from .page_snapshot_read import PageSnapshotRead
from .page_storefront_read import PageStorefrontRead
from .page_template_read import PageTemplateRead
from .page_tenant_read import PageTenantRead
from .page_transition_read import PageTransitionRead
from .page_user_read import PageUserRead
from .page_webhook_delivery_read import PageWebhookDeliveryRead
from .page_webhook_endpoint_read import PageWebhookEndpointRead
from .password_change import PasswordChange
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_request import PasswordResetRequest
from .period_metrics import PeriodMetrics
from .place_create import PlaceCreate
from .place_create_description import PlaceCreateDescription
from .place_create_kind import PlaceCreateKind
from .place_create_name import PlaceCreateName
from .place_read import PlaceRead
from .place_read_description import PlaceReadDescription
from .place_read_name import PlaceReadName
from .place_update import PlaceUpdate
from .place_update_description_type_0 import PlaceUpdateDescriptionType0
from .place_update_kind_type_0 import PlaceUpdateKindType0
from .place_update_name_type_0 import PlaceUpdateNameType0
from .places_list_kind_type_0 import PlacesListKindType0
from .places_list_status_type_0 import PlacesListStatusType0
from .places_section import PlacesSection
from .plan_read import PlanRead
from .plan_read_limits import PlanReadLimits
from .plan_write import PlanWrite
from .plan_write_limits import PlanWriteLimits
from .playbook_document import PlaybookDocument
from .playbook_document_sections import PlaybookDocumentSections
from .playbook_document_sections_additional_property_type_0 import (
    PlaybookDocumentSectionsAdditionalPropertyType0,
)
from .playbook_document_source import PlaybookDocumentSource
from .playbook_document_tenant import PlaybookDocumentTenant
from .playbook_skipped import PlaybookSkipped
from .post_approved_v1 import PostApprovedV1
from .post_approved_webhook import PostApprovedWebhook
from .post_create import PostCreate
from .post_create_renditions import PostCreateRenditions
from .post_create_renditions_additional_property import (
    PostCreateRenditionsAdditionalProperty,
)
from .post_create_variants import PostCreateVariants
from .post_media import PostMedia
from .post_media_alt_type_0 import PostMediaAltType0
from .post_media_type_type_0 import PostMediaTypeType0
from .post_read import PostRead
from .post_read_estimates import PostReadEstimates
from .post_read_renditions import PostReadRenditions
from .post_read_variants import PostReadVariants
from .post_update import PostUpdate
from .post_update_renditions_type_0 import PostUpdateRenditionsType0
from .post_update_renditions_type_0_additional_property import (
    PostUpdateRenditionsType0AdditionalProperty,
)
from .post_update_variants_type_0 import PostUpdateVariantsType0
from .posts_section import PostsSection
from .preview_read import PreviewRead
from .price import Price
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .producer_create import ProducerCreate
from .producer_create_contact import ProducerCreateContact
from .producer_create_kind import ProducerCreateKind
from .producer_create_name import ProducerCreateName
from .producer_create_social import ProducerCreateSocial
from .producer_create_story import ProducerCreateStory
from .producer_create_visibility import ProducerCreateVisibility
from .producer_read import ProducerRead
from .producer_read_contact import ProducerReadContact
from .producer_read_name import ProducerReadName
from .producer_read_social import ProducerReadSocial
from .producer_read_story import ProducerReadStory
from .producer_report import ProducerReport
from .producer_update import ProducerUpdate
from .producer_update_contact_type_0 import ProducerUpdateContactType0
from .producer_update_kind_type_0 import ProducerUpdateKindType0
from .producer_update_name_type_0 import ProducerUpdateNameType0
from .producer_update_social_type_0 import ProducerUpdateSocialType0
from .producer_update_story_type_0 import ProducerUpdateStoryType0
from .producer_update_visibility_type_0 import ProducerUpdateVisibilityType0
from .product_bulk_publish import ProductBulkPublish
from .product_bulk_publish_read import ProductBulkPublishRead
from .product_create import ProductCreate
from .product_create_description import ProductCreateDescription
from .product_create_name import ProductCreateName
from .product_page import ProductPage
from .product_published_v1 import ProductPublishedV1
from .product_published_v1_description import ProductPublishedV1Description
from .product_published_v1_name import ProductPublishedV1Name
from .product_published_v1_producer_name import ProductPublishedV1ProducerName
from .product_published_v1_producer_story import ProductPublishedV1ProducerStory
from .product_published_v1_stock import ProductPublishedV1Stock
from .product_published_webhook import ProductPublishedWebhook
from .product_read import ProductRead
from .product_read_description import ProductReadDescription
from .product_read_name import ProductReadName
from .product_report import ProductReport
from .product_report_row import ProductReportRow
from .product_report_row_name import ProductReportRowName
from .product_update import ProductUpdate
from .product_update_description_type_0 import ProductUpdateDescriptionType0
from .product_update_name_type_0 import ProductUpdateNameType0
from .products_list_status_type_0 import ProductsListStatusType0
from .products_section import ProductsSection
from .public_category import PublicCategory
from .public_category_name_type_1 import PublicCategoryNameType1
from .public_listing import PublicListing
from .public_media import PublicMedia
from .public_media_alt_type_1 import PublicMediaAltType1
from .public_media_urls import PublicMediaUrls
from .public_place import PublicPlace
from .public_place_description_type_1 import PublicPlaceDescriptionType1
from .public_place_name_type_1 import PublicPlaceNameType1
from .public_post import PublicPost
from .public_producer import PublicProducer
from .public_producer_name_type_1 import PublicProducerNameType1
from .public_producer_story_type_1 import PublicProducerStoryType1
from .public_product import PublicProduct
from .public_product_description_type_1 import PublicProductDescriptionType1
from .public_product_name_type_1 import PublicProductNameType1
from .public_variant import PublicVariant
from .public_variant_name_type_1 import PublicVariantNameType1
from .publisher_playbook_applied import PublisherPlaybookApplied
from .publisher_section import PublisherSection
from .publishing_defaults import PublishingDefaults
from .publishing_settings_read import PublishingSettingsRead
from .publishing_settings_update import PublishingSettingsUpdate
from .refresh_request import RefreshRequest
from .rejection import Rejection
from .reply_create import ReplyCreate
from .reply_create_language_type_0 import ReplyCreateLanguageType0
from .reply_rejection import ReplyRejection
from .reports_best_times_format import ReportsBestTimesFormat
from .reports_channels_format import ReportsChannelsFormat
from .reports_inbox_ages_format import ReportsInboxAgesFormat
from .reports_inbox_days_format import ReportsInboxDaysFormat
from .reports_inbox_format import ReportsInboxFormat
from .reports_overview_format import ReportsOverviewFormat
from .reports_posts_format import ReportsPostsFormat
from .reports_producers_format import ReportsProducersFormat
from .reports_producers_get_format import ReportsProducersGetFormat
from .reports_products_format import ReportsProductsFormat
from .rotation_result import RotationResult
from .row_error_read import RowErrorRead
from .rule_create import RuleCreate
from .rule_create_language_type_0 import RuleCreateLanguageType0
from .rule_read import RuleRead
from .rule_read_language_type_0 import RuleReadLanguageType0
from .rules import Rules
from .rules_order import RulesOrder
from .sandbox_channel_create import SandboxChannelCreate
from .sandbox_channel_create_approval_policy import SandboxChannelCreateApprovalPolicy
from .sandbox_channel_create_owner_kind import SandboxChannelCreateOwnerKind
from .sandbox_credentials import SandboxCredentials
from .sandbox_post_read import SandboxPostRead
from .saved_reply_bodies import SavedReplyBodies
from .saved_reply_create import SavedReplyCreate
from .saved_reply_read import SavedReplyRead
from .saved_reply_read_bodies import SavedReplyReadBodies
from .saved_reply_update import SavedReplyUpdate
from .schedule_request import ScheduleRequest
from .security_settings import SecuritySettings
from .service_unavailable import ServiceUnavailable
from .service_usage import ServiceUsage
from .settings_webhooks_set_store import SettingsWebhooksSetStore
from .skipped_product import SkippedProduct
from .slot_create import SlotCreate
from .slot_read import SlotRead
from .slot_suggestion import SlotSuggestion
from .slot_suggestions import SlotSuggestions
from .slot_suggestions_accepted import SlotSuggestionsAccepted
from .snapshot_batch import SnapshotBatch
from .snapshot_in import SnapshotIn
from .snapshot_in_object_kind import SnapshotInObjectKind
from .snapshot_in_owner_kind import SnapshotInOwnerKind
from .snapshot_read import SnapshotRead
from .snapshot_read_object_kind import SnapshotReadObjectKind
from .snapshot_read_owner_kind import SnapshotReadOwnerKind
from .store_page import StorePage
from .store_product import StoreProduct
from .store_product_description_type_1 import StoreProductDescriptionType1
from .store_product_name_type_1 import StoreProductNameType1
from .store_products_section import StoreProductsSection
from .storefront_create import StorefrontCreate
from .storefront_create_credentials_type_0 import StorefrontCreateCredentialsType0
from .storefront_create_kind import StorefrontCreateKind
from .storefront_read import StorefrontRead
from .sync_report import SyncReport
from .template_cadence import TemplateCadence
from .template_read import TemplateRead
from .template_read_platform_texts import TemplateReadPlatformTexts
from .template_spec import TemplateSpec
from .template_spec_platform_texts import TemplateSpecPlatformTexts
from .tenant_create import TenantCreate
from .tenant_create_from_playbook_type_0 import TenantCreateFromPlaybookType0
from .tenant_create_limits_type_0 import TenantCreateLimitsType0
from .tenant_create_name import TenantCreateName
from .tenant_created import TenantCreated
from .tenant_created_effective_limits import TenantCreatedEffectiveLimits
from .tenant_created_limits import TenantCreatedLimits
from .tenant_created_name import TenantCreatedName
from .tenant_created_playbook_type_0 import TenantCreatedPlaybookType0
from .tenant_read import TenantRead
from .tenant_read_effective_limits import TenantReadEffectiveLimits
from .tenant_read_limits import TenantReadLimits
from .tenant_read_name import TenantReadName
from .tenant_update import TenantUpdate
from .tenant_update_limits_type_0 import TenantUpdateLimitsType0
from .tenant_update_name_type_0 import TenantUpdateNameType0
from .tenant_update_status_type_0 import TenantUpdateStatusType0
from .tenant_usage import TenantUsage
from .tenant_usage_services import TenantUsageServices
from .threads_channel_create import ThreadsChannelCreate
from .threads_channel_create_approval_policy import ThreadsChannelCreateApprovalPolicy
from .threads_channel_create_owner_kind import ThreadsChannelCreateOwnerKind
from .threads_credentials import ThreadsCredentials
from .token_read import TokenRead
from .totp_code import TotpCode
from .totp_confirmed import TotpConfirmed
from .totp_disable import TotpDisable
from .totp_enrolment import TotpEnrolment
from .town_page import TownPage
from .town_profile import TownProfile
from .town_profile_name_type_1 import TownProfileNameType1
from .tracking_defaults import TrackingDefaults
from .tracking_read import TrackingRead
from .tracking_update import TrackingUpdate
from .transition_read import TransitionRead
from .unavailable import Unavailable
from .user_create import UserCreate
from .user_create_roles_item import UserCreateRolesItem
from .user_read import UserRead
from .user_read_status import UserReadStatus
from .user_update import UserUpdate
from .user_update_roles_type_0_item import UserUpdateRolesType0Item
from .variant_create import VariantCreate
from .variant_create_name import VariantCreateName
from .variant_create_unit import VariantCreateUnit
from .variant_listing_read import VariantListingRead
from .variant_read import VariantRead
from .variant_read_name import VariantReadName
from .variant_update import VariantUpdate
from .variant_update_name_type_0 import VariantUpdateNameType0
from .variant_update_unit_type_0 import VariantUpdateUnitType0
from .webhook_accepted import WebhookAccepted
from .webhook_delivery_read import WebhookDeliveryRead
from .webhook_delivery_read_status import WebhookDeliveryReadStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_event_types_item import (
    WebhookEndpointCreateEventTypesItem,
)
from .webhook_endpoint_read import WebhookEndpointRead
from .webhook_endpoint_secret import WebhookEndpointSecret
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_event_types_type_0_item import (
    WebhookEndpointUpdateEventTypesType0Item,
)
from .webhook_result import WebhookResult
from .webhook_secret_set import WebhookSecretSet
from .webhook_secrets_read import WebhookSecretsRead
from .weekly_slot import WeeklySlot
from .x_channel_create import XChannelCreate
from .x_channel_create_approval_policy import XChannelCreateApprovalPolicy
from .x_channel_create_owner_kind import XChannelCreateOwnerKind
from .x_config import XConfig
from .x_credentials import XCredentials

__all__ = (
    "AnalyticsPlaybookApplied",
    "AnalyticsSection",
    "AnalyticsUsage",
    "ApiKeyCreate",
    "ApiKeyCreateRolesItem",
    "ApiKeyCreateScopesItem",
    "ApiKeyCreated",
    "ApiKeyRead",
    "AttemptRead",
    "AttemptReadRateLimit",
    "AuditEventRead",
    "AuthTokenTokenRequest",
    "AvailableProduct",
    "AvailableProductDescriptionType1",
    "AvailableProductNameType1",
    "BestTime",
    "BestTimes",
    "BodyImportsCreate",
    "BodyMediaCreate",
    "BroadcastEstimate",
    "Cadence",
    "CampaignCreate",
    "CampaignCreateApproval",
    "CampaignCreatePlacement",
    "CampaignRead",
    "CampaignReadCadence",
    "CampaignReadRules",
    "CampaignUpdate",
    "CatalogPlaybookApplied",
    "CatalogSection",
    "CatalogUsage",
    "CategoriesSection",
    "CategoryCreate",
    "CategoryCreateName",
    "CategoryRead",
    "CategoryReadName",
    "CategoryTemplate",
    "CategoryTemplateName",
    "CategoryUpdate",
    "CategoryUpdateNameType0",
    "ChannelKind",
    "ChannelKindApprovalPolicy",
    "ChannelKindOwnerKind",
    "ChannelKindPlatform",
    "ChannelNeedsReauthV1",
    "ChannelNeedsReauthWebhook",
    "ChannelPlanRead",
    "ChannelPlanReadApprovalPolicy",
    "ChannelPlanReadOwnerKind",
    "ChannelPlanReadPlatform",
    "ChannelPreview",
    "ChannelRead",
    "ChannelReadConfig",
    "ChannelUpdate",
    "ChannelUpdateApprovalPolicyType0",
    "ChannelUpdateCredentialsType0",
    "ChannelUpdateStatusType0",
    "ChannelsOauthCallbackPlatform",
    "ChannelsOauthSelectPlatform",
    "ChannelsOauthStartPlatform",
    "Choice",
    "ClickBatch",
    "ClickBatchAccepted",
    "Config",
    "ConnectResult",
    "ConnectResultStage",
    "ConnectStart",
    "ConnectStartApprovalPolicy",
    "ConnectStartOwnerKind",
    "ConnectStarted",
    "ConversationCounts",
    "ConversationDetail",
    "ConversationDetailKind",
    "ConversationDetailLanguageType0",
    "ConversationDetailPriority",
    "ConversationDetailStatus",
    "ConversationPost",
    "ConversationRead",
    "ConversationReadKind",
    "ConversationReadLanguageType0",
    "ConversationReadPriority",
    "ConversationReadStatus",
    "ConversationUpdate",
    "ConversationUpdatePriorityType0",
    "ConversationUpdateStatusType0",
    "ConversationsListLanguageType0",
    "ConversationsListStatusType0",
    "ConversionRead",
    "ConversionRecordedV1",
    "ConversionRecordedWebhook",
    "ConversionsImportStore",
    "DeliveryFailedV1",
    "DeliveryFailedWebhook",
    "DeliveryPublishedV1",
    "DeliveryPublishedWebhook",
    "DeliveryRead",
    "DimensionReport",
    "DimensionRow",
    "EdgeClick",
    "EdgeClickDimensions",
    "ErasureRequest",
    "ErasureResult",
    "FacebookCredentials",
    "FacebookPageChannelCreate",
    "FacebookPageChannelCreateApprovalPolicy",
    "FacebookPageChannelCreateOwnerKind",
    "GatewayUsage",
    "GroupCreate",
    "GroupRead",
    "GroupUpdate",
    "ImportRead",
    "ImportReadSummary",
    "ImportResult",
    "InboxAgeBucket",
    "InboxAges",
    "InboxDay",
    "InboxDays",
    "InboxReport",
    "InboxRow",
    "InboxSettingsRead",
    "InboxSettingsUpdate",
    "InboxTimes",
    "InsightsSnapshotsCreateResponseInsightsSnapshotsCreate",
    "InstagramChannelCreate",
    "InstagramChannelCreateApprovalPolicy",
    "InstagramChannelCreateOwnerKind",
    "InstagramCredentials",
    "InvitationAccept",
    "InvitationCreate",
    "InvitationCreateRolesItem",
    "InvitationCreated",
    "Jwk",
    "Jwks",
    "LineChannelCreate",
    "LineChannelCreateApprovalPolicy",
    "LineChannelCreateOwnerKind",
    "LineCredentials",
    "LinkCreate",
    "LinkCreateUtm",
    "LinkRead",
    "LinkReadUtm",
    "LinkRouteRead",
    "LinkRouteReadDimensions",
    "LinkUpdate",
    "LinkUpdateUtmType0",
    "ListingCreate",
    "ListingRead",
    "LogoutRequest",
    "MastodonChannelCreate",
    "MastodonChannelCreateApprovalPolicy",
    "MastodonChannelCreateOwnerKind",
    "MastodonConfig",
    "MastodonCredentials",
    "MeRead",
    "MeReadKind",
    "MeReadLanguageType0",
    "MeReadLimits",
    "MeUpdate",
    "MeUpdateLanguageType0",
    "Media",
    "MediaAlt",
    "MediaAttachment",
    "MediaAttachmentAlt",
    "MediaAttachmentRead",
    "MediaAttachmentReadAlt",
    "MediaAttachmentReadUrls",
    "MediaDetail",
    "MediaDetailAlt",
    "MediaDetailUrls",
    "MediaPlaceUse",
    "MediaPlaceUseName",
    "MediaPlaceUseStatus",
    "MediaProductUse",
    "MediaProductUseName",
    "MediaProductUseStatus",
    "MediaRead",
    "MediaReadAlt",
    "MediaReadUrls",
    "MediaRenditionGetRendition",
    "MediaUpdate",
    "MediaUpdateAlt",
    "MediaUrls",
    "MediaUsage",
    "MessageRead",
    "MessageReadAttachmentsItem",
    "MessageReadDirection",
    "MessageReadStateType0",
    "MessageReadViaType0",
    "Metrics",
    "NextSlotRead",
    "NoteCreate",
    "NotificationPage",
    "NotificationRead",
    "NotificationReadData",
    "NotificationsRead",
    "OpeningHours",
    "OpeningHoursDay",
    "Overview",
    "OverviewChange",
    "PageApiKeyRead",
    "PageAttemptRead",
    "PageAuditEventRead",
    "PageCampaignRead",
    "PageCategoryRead",
    "PageChannelPlanRead",
    "PageChannelRead",
    "PageConversationRead",
    "PageConversionRead",
    "PageDeliveryRead",
    "PageLinkRead",
    "PageListingRead",
    "PageMediaRead",
    "PagePlaceRead",
    "PagePlanRead",
    "PagePostRead",
    "PageProducerRead",
    "PageProductRead",
    "PageSandboxPostRead",
    "PageSelection",
    "PageSlotRead",
    "PageSnapshotRead",
    "PageStorefrontRead",
    "PageTemplateRead",
    "PageTenantRead",
    "PageTransitionRead",
    "PageUserRead",
    "PageWebhookDeliveryRead",
    "PageWebhookEndpointRead",
    "PasswordChange",
    "PasswordResetConfirm",
    "PasswordResetRequest",
    "PeriodMetrics",
    "PlaceCreate",
    "PlaceCreateDescription",
    "PlaceCreateKind",
    "PlaceCreateName",
    "PlaceRead",
    "PlaceReadDescription",
    "PlaceReadName",
    "PlaceUpdate",
    "PlaceUpdateDescriptionType0",
    "PlaceUpdateKindType0",
    "PlaceUpdateNameType0",
    "PlacesListKindType0",
    "PlacesListStatusType0",
    "PlacesSection",
    "PlanRead",
    "PlanReadLimits",
    "PlanWrite",
    "PlanWriteLimits",
    "PlaybookDocument",
    "PlaybookDocumentSections",
    "PlaybookDocumentSectionsAdditionalPropertyType0",
    "PlaybookDocumentSource",
    "PlaybookDocumentTenant",
    "PlaybookSkipped",
    "PostApprovedV1",
    "PostApprovedWebhook",
    "PostCreate",
    "PostCreateRenditions",
    "PostCreateRenditionsAdditionalProperty",
    "PostCreateVariants",
    "PostMedia",
    "PostMediaAltType0",
    "PostMediaTypeType0",
    "PostRead",
    "PostReadEstimates",
    "PostReadRenditions",
    "PostReadVariants",
    "PostUpdate",
    "PostUpdateRenditionsType0",
    "PostUpdateRenditionsType0AdditionalProperty",
    "PostUpdateVariantsType0",
    "PostsSection",
    "PreviewRead",
    "Price",
    "Problem",
    "ProblemErrorsItem",
    "ProducerCreate",
    "ProducerCreateContact",
    "ProducerCreateKind",
    "ProducerCreateName",
    "ProducerCreateSocial",
    "ProducerCreateStory",
    "ProducerCreateVisibility",
    "ProducerRead",
    "ProducerReadContact",
    "ProducerReadName",
    "ProducerReadSocial",
    "ProducerReadStory",
    "ProducerReport",
    "ProducerUpdate",
    "ProducerUpdateContactType0",
    "ProducerUpdateKindType0",
    "ProducerUpdateNameType0",
    "ProducerUpdateSocialType0",
    "ProducerUpdateStoryType0",
    "ProducerUpdateVisibilityType0",
    "ProductBulkPublish",
    "ProductBulkPublishRead",
    "ProductCreate",
    "ProductCreateDescription",
    "ProductCreateName",
    "ProductPage",
    "ProductPublishedV1",
    "ProductPublishedV1Description",
    "ProductPublishedV1Name",
    "ProductPublishedV1ProducerName",
    "ProductPublishedV1ProducerStory",
    "ProductPublishedV1Stock",
    "ProductPublishedWebhook",
    "ProductRead",
    "ProductReadDescription",
    "ProductReadName",
    "ProductReport",
    "ProductReportRow",
    "ProductReportRowName",
    "ProductUpdate",
    "ProductUpdateDescriptionType0",
    "ProductUpdateNameType0",
    "ProductsListStatusType0",
    "ProductsSection",
    "PublicCategory",
    "PublicCategoryNameType1",
    "PublicListing",
    "PublicMedia",
    "PublicMediaAltType1",
    "PublicMediaUrls",
    "PublicPlace",
    "PublicPlaceDescriptionType1",
    "PublicPlaceNameType1",
    "PublicPost",
    "PublicProducer",
    "PublicProducerNameType1",
    "PublicProducerStoryType1",
    "PublicProduct",
    "PublicProductDescriptionType1",
    "PublicProductNameType1",
    "PublicVariant",
    "PublicVariantNameType1",
    "PublisherPlaybookApplied",
    "PublisherSection",
    "PublishingDefaults",
    "PublishingSettingsRead",
    "PublishingSettingsUpdate",
    "RefreshRequest",
    "Rejection",
    "ReplyCreate",
    "ReplyCreateLanguageType0",
    "ReplyRejection",
    "ReportsBestTimesFormat",
    "ReportsChannelsFormat",
    "ReportsInboxAgesFormat",
    "ReportsInboxDaysFormat",
    "ReportsInboxFormat",
    "ReportsOverviewFormat",
    "ReportsPostsFormat",
    "ReportsProducersFormat",
    "ReportsProducersGetFormat",
    "ReportsProductsFormat",
    "RotationResult",
    "RowErrorRead",
    "RuleCreate",
    "RuleCreateLanguageType0",
    "RuleRead",
    "RuleReadLanguageType0",
    "Rules",
    "RulesOrder",
    "SandboxChannelCreate",
    "SandboxChannelCreateApprovalPolicy",
    "SandboxChannelCreateOwnerKind",
    "SandboxCredentials",
    "SandboxPostRead",
    "SavedReplyBodies",
    "SavedReplyCreate",
    "SavedReplyRead",
    "SavedReplyReadBodies",
    "SavedReplyUpdate",
    "ScheduleRequest",
    "SecuritySettings",
    "ServiceUnavailable",
    "ServiceUsage",
    "SettingsWebhooksSetStore",
    "SkippedProduct",
    "SlotCreate",
    "SlotRead",
    "SlotSuggestion",
    "SlotSuggestions",
    "SlotSuggestionsAccepted",
    "SnapshotBatch",
    "SnapshotIn",
    "SnapshotInObjectKind",
    "SnapshotInOwnerKind",
    "SnapshotRead",
    "SnapshotReadObjectKind",
    "SnapshotReadOwnerKind",
    "StorePage",
    "StoreProduct",
    "StoreProductDescriptionType1",
    "StoreProductNameType1",
    "StoreProductsSection",
    "StorefrontCreate",
    "StorefrontCreateCredentialsType0",
    "StorefrontCreateKind",
    "StorefrontRead",
    "SyncReport",
    "TemplateCadence",
    "TemplateRead",
    "TemplateReadPlatformTexts",
    "TemplateSpec",
    "TemplateSpecPlatformTexts",
    "TenantCreate",
    "TenantCreateFromPlaybookType0",
    "TenantCreateLimitsType0",
    "TenantCreateName",
    "TenantCreated",
    "TenantCreatedEffectiveLimits",
    "TenantCreatedLimits",
    "TenantCreatedName",
    "TenantCreatedPlaybookType0",
    "TenantRead",
    "TenantReadEffectiveLimits",
    "TenantReadLimits",
    "TenantReadName",
    "TenantUpdate",
    "TenantUpdateLimitsType0",
    "TenantUpdateNameType0",
    "TenantUpdateStatusType0",
    "TenantUsage",
    "TenantUsageServices",
    "ThreadsChannelCreate",
    "ThreadsChannelCreateApprovalPolicy",
    "ThreadsChannelCreateOwnerKind",
    "ThreadsCredentials",
    "TokenRead",
    "TotpCode",
    "TotpConfirmed",
    "TotpDisable",
    "TotpEnrolment",
    "TownPage",
    "TownProfile",
    "TownProfileNameType1",
    "TrackingDefaults",
    "TrackingRead",
    "TrackingUpdate",
    "TransitionRead",
    "Unavailable",
    "UserCreate",
    "UserCreateRolesItem",
    "UserRead",
    "UserReadStatus",
    "UserUpdate",
    "UserUpdateRolesType0Item",
    "VariantCreate",
    "VariantCreateName",
    "VariantCreateUnit",
    "VariantListingRead",
    "VariantRead",
    "VariantReadName",
    "VariantUpdate",
    "VariantUpdateNameType0",
    "VariantUpdateUnitType0",
    "WebhookAccepted",
    "WebhookDeliveryRead",
    "WebhookDeliveryReadStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreateEventTypesItem",
    "WebhookEndpointRead",
    "WebhookEndpointSecret",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEventTypesType0Item",
    "WebhookResult",
    "WebhookSecretSet",
    "WebhookSecretsRead",
    "WeeklySlot",
    "XChannelCreate",
    "XChannelCreateApprovalPolicy",
    "XChannelCreateOwnerKind",
    "XConfig",
    "XCredentials",
)
