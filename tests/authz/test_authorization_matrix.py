"""The authorization matrix: every operation of the gateway's merged OpenAPI, called by a user of
every role, by anonymous, and by an admin API key of every scope, answers as its row of
`kit.policy` says. Allowed: anything but 401 and 403 (a made-up id or body may well get 404 or
422: this is about who may call, not what the call does). Refused: a 403 problem, or 401 for
anonymous, whom the gateway asks to log in.

Every call uses made-up ids and an empty body, so nothing a caller may do changes the objects
another caller's answer depends on. An operation of the document without a row fails the suite,
as `make isolation` does for tenant objects.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from kit import policy
from tests.harness import PASSWORD, Platform

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
ROLES = sorted(policy.ROLES)
SCOPES = sorted(policy.SCOPES)
ANONYMOUS = "anonymous"
CALLERS = [*ROLES, ANONYMOUS, *(f"key {scope}" for scope in SCOPES)]
PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class Caller:
    """Who calls: a user's role, anonymous, or an admin key with one scope."""

    name: str
    headers: dict[str, str]
    role: str | None = None
    scope: str | None = None

    def allowed(self, rule: policy.Rule) -> bool:
        if rule.anonymous == policy.ANYONE:
            return True
        if self.scope is not None:
            return policy.ADMIN in rule.roles and (
                rule.scope is None or policy.covers({self.scope}, rule.scope)
            )
        return self.role is not None and self.role in rule.roles


@dataclass
class Matrix:
    """The town the callers belong to, and how each one calls."""

    platform: Platform
    slug: str
    callers: dict[str, Caller]
    login: dict[str, str]


def operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in HTTP_METHODS
    )


@pytest.fixture(scope="module")
def document(platform: Platform) -> dict[str, Any]:
    return platform.openapi()


@pytest.fixture(scope="module")
def matrix(platform: Platform) -> Matrix:
    """A town with one user of each town role, the operator, and one admin key per scope."""
    slug = f"m-{uuid.uuid4().hex[:6]}"
    platform.new_tenant(slug)
    admin = platform.login(f"admin@{slug}.example", PASSWORD)
    callers = {
        policy.ADMIN: Caller(policy.ADMIN, dict(admin.headers), role=policy.ADMIN),
        policy.OPERATOR: Caller(
            policy.OPERATOR, dict(platform.operator().headers), role=policy.OPERATOR
        ),
        ANONYMOUS: Caller(ANONYMOUS, {}),
    }
    for role in sorted(policy.TOWN - {policy.ADMIN}):
        email = f"{role}@{slug}.example"
        body = {"email": email, "password": PASSWORD, "roles": [role]}
        if role == policy.PRODUCER:
            body["producer_ids"] = [str(uuid.uuid4())]
        made = admin.post("/v1/users", json=body)
        assert made.status_code == 201, made.text
        callers[role] = Caller(role, dict(platform.login(email, PASSWORD).headers), role=role)
    for scope in SCOPES:
        made = admin.post(
            "/v1/api-keys", json={"name": scope, "roles": ["admin"], "scopes": [scope]}
        )
        assert made.status_code == 201, made.text
        name = f"key {scope}"
        callers[name] = Caller(name, {"X-API-Key": made.json()["key"]}, scope=scope)
    # The login and refresh bodies use an account no caller is: the analyst's own
    # `POST /v1/auth/logout-all` in the same run must not end the session a refresh is spending.
    login = {"email": f"login@{slug}.example", "password": PASSWORD}
    made = admin.post("/v1/users", json={**login, "roles": [policy.ANALYST]})
    assert made.status_code == 201, made.text
    return Matrix(platform, slug, callers, login)


def path_of(template: str, slug: str) -> str:
    """`template` with made-up values: nobody's ids, the matrix town for `{town}`."""
    values = {
        "town": slug,
        "platform": "sandbox",
        "store": "shopify",
        "rendition": "original",
        "name": f"matrix-{uuid.uuid4().hex[:6]}",
        "slug": "nothing-here",
        "token": uuid.uuid4().hex,
        "code": uuid.uuid4().hex[:8],
    }
    out = []
    for segment in template.split("/"):
        if segment.startswith("{"):
            name = segment.strip("{}")
            segment = values.get(name, str(uuid.uuid4()))
        out.append(segment)
    return "/".join(out)


def body_of(matrix: Matrix, http: httpx.Client, method: str, path: str) -> Any:
    """An empty body, except where the body holds the credentials being checked."""
    if path == "/v1/auth/token":
        return matrix.login
    if path == "/v1/auth/refresh":
        tokens = http.post("/v1/auth/token", json=matrix.login)
        assert tokens.status_code == 200, tokens.text
        return {"refresh_token": tokens.json()["refresh_token"]}
    return {} if method in ("POST", "PUT", "PATCH") else None


def call(matrix: Matrix, http: httpx.Client, caller: Caller, method: str, template: str) -> str:
    """'' when the answer is as the row says, else what went wrong."""
    rule = policy.operations()[(method, template)]
    body = body_of(matrix, http, method, template)
    response = http.request(
        method, path_of(template, matrix.slug), json=body, headers=caller.headers
    )
    status = response.status_code
    if caller.allowed(rule):
        ok = status not in (401, 403)
    else:
        expected = 401 if caller.name == ANONYMOUS else 403
        is_problem = response.headers.get("content-type", "").startswith(PROBLEM_JSON)
        ok = status == expected and is_problem
    if ok:
        return ""
    verdict = "allowed" if caller.allowed(rule) else "refused"
    return f"{method} {template}: {verdict} by the table, answered {status} {response.text[:160]}"


@pytest.mark.authz
def test_every_operation_has_a_row(document: dict[str, Any]) -> None:
    rows = policy.operations()
    missing = [f"{m} {p}" for m, p in operations(document) if (m, p) not in rows]
    assert not missing, f"add a row to kit.policy for: {missing}"


@pytest.fixture(scope="module")
def wrong_answers(document: dict[str, Any], matrix: Matrix) -> dict[str, list[str]]:
    """Every caller's calls of every operation with a row, all at once: what answered wrong."""
    rows = policy.operations()
    calls = [(c, op) for c in matrix.callers.values() for op in operations(document) if op in rows]
    assert len(calls) > 100 * len(CALLERS)
    with (
        httpx.Client(base_url=matrix.platform.url, timeout=60, follow_redirects=False) as http,
        ThreadPoolExecutor(max_workers=16) as pool,
    ):
        answers = list(pool.map(lambda c: call(matrix, http, c[0], *c[1]), calls))
    wrong: dict[str, list[str]] = {name: [] for name in CALLERS}
    for (caller, _), answer in zip(calls, answers, strict=True):
        if answer:
            wrong[caller.name].append(answer)
    return wrong


@pytest.mark.authz
@pytest.mark.parametrize("name", CALLERS)
def test_every_operation_answers_as_its_row_says(
    wrong_answers: dict[str, list[str]], name: str
) -> None:
    assert not wrong_answers[name], f"{name}:\n" + "\n".join(wrong_answers[name])
