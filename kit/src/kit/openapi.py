"""OpenAPI conventions every app shares: operationIds named `resource_action` from the path.

`GET /v1/products` is `products_list`, `POST /v1/products` `products_create`, `GET
/v1/products/{product_id}` `products_get`, `PATCH` of it `products_update`, `POST
/v1/posts/{post_id}/approve` `posts_approve`, `GET /v1/reports/overview` `reports_overview`. A
route whose path reads badly this way names itself with `operation_id=`.
"""

from __future__ import annotations

from fastapi.routing import APIRoute

VERSION_SEGMENTS = frozenset({"v1"})
# The action of a method on a collection (`/v1/products`) or on one object (`/{product_id}`).
ON_COLLECTION = {
    "GET": "list",
    "POST": "create",
    "PUT": "set",
    "PATCH": "update",
    "DELETE": "delete",
}
ON_OBJECT = {"GET": "get", "POST": "create", "PUT": "set", "PATCH": "update", "DELETE": "delete"}
# After a named sub-resource or action (`/v1/posts/{post_id}/approve`): the name says it.
ON_NAMED = {"GET": "", "POST": "", "PUT": "set", "PATCH": "update", "DELETE": "delete"}


def _word(segment: str) -> str:
    return segment.strip("{}").removesuffix("_id").replace("-", "_").replace(".", "_")


def operation_id_for(method: str, path: str) -> str:
    """`resource_action` for `method` on `path` (see the module docstring)."""
    segments = [s for s in path.split("/") if s and s not in VERSION_SEGMENTS]
    if not segments:
        return method.lower()
    resource, rest = _word(segments[0]), segments[1:]
    words: list[str] = []
    previous_param = segments[0].startswith("{")
    for segment in rest:
        param = segment.startswith("{")
        if not param or previous_param:  # `/{media_id}/{rendition}` names the rendition
            words.append(_word(segment))
        previous_param = param
    ends_on_object = bool(rest) and rest[-1].startswith("{")
    verb = method.upper()
    if ends_on_object:
        action = ON_OBJECT.get(verb, verb.lower())
    elif not words:
        action = ON_COLLECTION.get(verb, verb.lower())
    else:
        action = ON_NAMED.get(verb, verb.lower())
    return "_".join(part for part in (resource, *words, action) if part)


def operation_id(route: APIRoute) -> str:
    """FastAPI's `generate_unique_id_function`: the route's `resource_action`."""
    method = sorted(route.methods)[0] if route.methods else "GET"
    return operation_id_for(method, route.path_format)
