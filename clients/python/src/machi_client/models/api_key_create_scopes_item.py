from enum import StrEnum


class ApiKeyCreateScopesItem(StrEnum):
    ANALYTICSREAD = "analytics:read"
    ANALYTICSWRITE = "analytics:write"
    CATALOGREAD = "catalog:read"
    CATALOGWRITE = "catalog:write"
    GATEWAYREAD = "gateway:read"
    GATEWAYWRITE = "gateway:write"
    PUBLISHERREAD = "publisher:read"
    PUBLISHERWRITE = "publisher:write"
    VALUE_0 = "*"

    def __str__(self) -> str:
        return str(self.value)
