from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.storefront_create_kind import StorefrontCreateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.storefront_create_credentials_type_0 import (
        StorefrontCreateCredentialsType0,
    )


T = TypeVar("T", bound="StorefrontCreate")


@_attrs_define
class StorefrontCreate:
    """
    Attributes:
        kind (StorefrontCreateKind):
        name (str):
        api_base_url (None | str | Unset):
        credentials (None | StorefrontCreateCredentialsType0 | Unset): shopify: access_token; woocommerce:
            consumer_key/secret
        currency (str | Unset):  Default: 'JPY'.
        item_url_template (None | str | Unset): Public item URL; {item} is the store's item id, {store} the `store`
            below
        store (None | str | Unset): Fills {store}
    """

    kind: StorefrontCreateKind
    name: str
    api_base_url: None | str | Unset = UNSET
    credentials: None | StorefrontCreateCredentialsType0 | Unset = UNSET
    currency: str | Unset = "JPY"
    item_url_template: None | str | Unset = UNSET
    store: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.storefront_create_credentials_type_0 import (
            StorefrontCreateCredentialsType0,
        )

        kind = self.kind.value

        name = self.name

        api_base_url: None | str | Unset
        if isinstance(self.api_base_url, Unset):
            api_base_url = UNSET
        else:
            api_base_url = self.api_base_url

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, StorefrontCreateCredentialsType0):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials

        currency = self.currency

        item_url_template: None | str | Unset
        if isinstance(self.item_url_template, Unset):
            item_url_template = UNSET
        else:
            item_url_template = self.item_url_template

        store: None | str | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if api_base_url is not UNSET:
            field_dict["api_base_url"] = api_base_url
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if currency is not UNSET:
            field_dict["currency"] = currency
        if item_url_template is not UNSET:
            field_dict["item_url_template"] = item_url_template
        if store is not UNSET:
            field_dict["store"] = store

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.storefront_create_credentials_type_0 import (
            StorefrontCreateCredentialsType0,
        )

        d = dict(src_dict)
        kind = StorefrontCreateKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_api_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_base_url = _parse_api_base_url(d.pop("api_base_url", UNSET))

        def _parse_credentials(
            data: object,
        ) -> None | StorefrontCreateCredentialsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = StorefrontCreateCredentialsType0.from_dict(data)

                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StorefrontCreateCredentialsType0 | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_item_url_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_url_template = _parse_item_url_template(d.pop("item_url_template", UNSET))

        def _parse_store(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        storefront_create = cls(
            kind=kind,
            name=name,
            api_base_url=api_base_url,
            credentials=credentials,
            currency=currency,
            item_url_template=item_url_template,
            store=store,
        )

        storefront_create.additional_properties = d
        return storefront_create

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
