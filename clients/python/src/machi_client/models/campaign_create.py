from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_create_approval import CampaignCreateApproval
from ..models.campaign_create_placement import CampaignCreatePlacement
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cadence import Cadence
    from ..models.rules import Rules


T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        cadence (Cadence): One product every `every_days` days at `time` local, from `start_date` (with placement
            `slots`, only `start_date` counts: each channel's own weekly slots give the times).
        channel_ids (list[UUID]):
        name (str):
        approval (CampaignCreateApproval | Unset): `campaign`: one editor's approval covers every post it makes; `post`:
            a channel whose policy asks for approval gets each post approved on its own. Default:
            CampaignCreateApproval.CAMPAIGN.
        catch_up (bool | Unset): Accept a start that has passed: the posts planned in the past go out as soon as they
            are approved. Without it such a campaign is refused (422). Default: False.
        language (None | str | Unset): Default: the template's, else the town's.
        placement (CampaignCreatePlacement | Unset): `cadence`: every channel at the cadence's time; `slots`: each
            channel on its own weekly slots. Default: CampaignCreatePlacement.CADENCE.
        product_ids (list[UUID] | Unset): The products, in order; leave empty to choose them by `rules`.
        rules (None | Rules | Unset): How products are chosen when `product_ids` is empty (and what the listed ones must
            still meet when their turn comes).
        steps (int | None | Unset): How many posts in all (default: one per listed product; required by rule).
        template (None | str | Unset): Fields: {name} {producer} {price} {story} {season} {slug}; {link} marks the link.
            Or give `template_id`.
        template_id (None | Unset | UUID): A stored template (its text per platform and its language).
        timezone (None | str | Unset):
    """

    cadence: Cadence
    channel_ids: list[UUID]
    name: str
    approval: CampaignCreateApproval | Unset = CampaignCreateApproval.CAMPAIGN
    catch_up: bool | Unset = False
    language: None | str | Unset = UNSET
    placement: CampaignCreatePlacement | Unset = CampaignCreatePlacement.CADENCE
    product_ids: list[UUID] | Unset = UNSET
    rules: None | Rules | Unset = UNSET
    steps: int | None | Unset = UNSET
    template: None | str | Unset = UNSET
    template_id: None | Unset | UUID = UNSET
    timezone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rules import Rules

        cadence = self.cadence.to_dict()

        channel_ids = []
        for channel_ids_item_data in self.channel_ids:
            channel_ids_item = str(channel_ids_item_data)
            channel_ids.append(channel_ids_item)

        name = self.name

        approval: str | Unset = UNSET
        if not isinstance(self.approval, Unset):
            approval = self.approval.value

        catch_up = self.catch_up

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        placement: str | Unset = UNSET
        if not isinstance(self.placement, Unset):
            placement = self.placement.value

        product_ids: list[str] | Unset = UNSET
        if not isinstance(self.product_ids, Unset):
            product_ids = []
            for product_ids_item_data in self.product_ids:
                product_ids_item = str(product_ids_item_data)
                product_ids.append(product_ids_item)

        rules: dict[str, Any] | None | Unset
        if isinstance(self.rules, Unset):
            rules = UNSET
        elif isinstance(self.rules, Rules):
            rules = self.rules.to_dict()
        else:
            rules = self.rules

        steps: int | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        else:
            steps = self.steps

        template: None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        else:
            template = self.template

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cadence": cadence,
                "channel_ids": channel_ids,
                "name": name,
            }
        )
        if approval is not UNSET:
            field_dict["approval"] = approval
        if catch_up is not UNSET:
            field_dict["catch_up"] = catch_up
        if language is not UNSET:
            field_dict["language"] = language
        if placement is not UNSET:
            field_dict["placement"] = placement
        if product_ids is not UNSET:
            field_dict["product_ids"] = product_ids
        if rules is not UNSET:
            field_dict["rules"] = rules
        if steps is not UNSET:
            field_dict["steps"] = steps
        if template is not UNSET:
            field_dict["template"] = template
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cadence import Cadence
        from ..models.rules import Rules

        d = dict(src_dict)
        cadence = Cadence.from_dict(d.pop("cadence"))

        channel_ids = []
        _channel_ids = d.pop("channel_ids")
        for channel_ids_item_data in _channel_ids:
            channel_ids_item = UUID(channel_ids_item_data)

            channel_ids.append(channel_ids_item)

        name = d.pop("name")

        _approval = d.pop("approval", UNSET)
        approval: CampaignCreateApproval | Unset
        if isinstance(_approval, Unset):
            approval = UNSET
        else:
            approval = CampaignCreateApproval(_approval)

        catch_up = d.pop("catch_up", UNSET)

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        _placement = d.pop("placement", UNSET)
        placement: CampaignCreatePlacement | Unset
        if isinstance(_placement, Unset):
            placement = UNSET
        else:
            placement = CampaignCreatePlacement(_placement)

        _product_ids = d.pop("product_ids", UNSET)
        product_ids: list[UUID] | Unset = UNSET
        if _product_ids is not UNSET:
            product_ids = []
            for product_ids_item_data in _product_ids:
                product_ids_item = UUID(product_ids_item_data)

                product_ids.append(product_ids_item)

        def _parse_rules(data: object) -> None | Rules | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rules_type_0 = Rules.from_dict(data)

                return rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rules | Unset, data)

        rules = _parse_rules(d.pop("rules", UNSET))

        def _parse_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        def _parse_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        campaign_create = cls(
            cadence=cadence,
            channel_ids=channel_ids,
            name=name,
            approval=approval,
            catch_up=catch_up,
            language=language,
            placement=placement,
            product_ids=product_ids,
            rules=rules,
            steps=steps,
            template=template,
            template_id=template_id,
            timezone=timezone,
        )

        campaign_create.additional_properties = d
        return campaign_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
