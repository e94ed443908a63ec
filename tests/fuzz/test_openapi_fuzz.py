"""Schemathesis over every operation of the gateway's merged OpenAPI document: no 5xx, and every
response conforms to the schema and content type the document declares for it.

`FUZZ_MAX_EXAMPLES` (default 8) bounds the generated requests per operation and caller; raise it
for a deeper run (`FUZZ_MAX_EXAMPLES=200 make fuzz`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import CheckFunction
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from tests.harness import Platform

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "8"))
# Not `status_code_conformance`: the services document their 2xx and 422 only, and a 404 for an
# unknown id or a 401 without a token is the contract, not a failure. See the report of issue 7.
CHECKS: list[CheckFunction] = [
    schemathesis.checks.not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
]
Caller = Callable[[Platform], dict[str, str]]


@dataclass
class Findings:
    """Distinct failures by operation; one example request kept for each."""

    seen: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    operations: int = 0

    def add(self, label: str, failure: Failure, response: Any, curl: str) -> None:
        first = failure.message.splitlines()[0] if failure.message else ""
        key = f"{label}: {failure.title} {response.status_code} ({first})"
        body = response.text[:300] if response.text else ""
        self.seen.setdefault(key, f"{failure.message}\n  answer: {body}\n  request: {curl}")

    def report(self) -> str:
        return "\n\n".join(f"{key}\n  {detail}" for key, detail in sorted(self.seen.items()))


def failures_of(exc: BaseException) -> list[Failure]:
    if isinstance(exc, FailureGroup):
        return [f for e in exc.exceptions for f in failures_of(e)]
    return [exc] if isinstance(exc, Failure) else []


def fuzz(schema: Any, base_url: str, headers: dict[str, str], findings: Findings) -> None:
    """Every operation, `MAX_EXAMPLES` cases each."""
    for result in schema.get_all_operations():
        findings.operations += 1
        fuzz_operation(result.ok(), base_url, headers, findings)


def fuzz_operation(
    operation: Any, base_url: str, headers: dict[str, str], findings: Findings
) -> None:
    """Failures are collected, not raised: every distinct one is reported, and nothing shrunk."""

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        findings.requests += 1
        try:
            response = case.call(base_url=base_url, headers=headers, timeout=60)
        except requests.RequestException as exc:
            findings.seen.setdefault(f"{operation.label}: no answer ({exc!r})", curl(case))
            return
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, FailureGroup) as exc:
            for failure in failures_of(exc):
                findings.add(operation.label, failure, response, curl(case))

    run()


def curl(case: Any) -> str:
    """The request as curl, without the credentials."""
    command: str = case.as_curl_command(headers={})
    return command


def load(platform: Platform) -> Any:
    return schemathesis.openapi.from_dict(platform.openapi())


def bearer(http: httpx.Client) -> dict[str, str]:
    return {"Authorization": http.headers["Authorization"]}


CALLERS: dict[str, Caller] = {
    "town-admin": lambda p: bearer(p.seeded_admin()),
    "operator": lambda p: bearer(p.operator()),
    "anonymous": lambda p: {},
}


@pytest.mark.fuzz
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("caller", list(CALLERS))
def test_every_operation_answers_within_its_schema(platform: Platform, caller: str) -> None:
    findings = Findings()

    fuzz(load(platform), platform.url, CALLERS[caller](platform), findings)

    print(f"{caller}: {findings.operations} operations, {findings.requests} requests")
    assert not findings.seen, f"{len(findings.seen)} distinct failures:\n\n{findings.report()}"
