from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.auth_token_token_request import AuthTokenTokenRequest
from ...models.problem import Problem
from ...models.token_read import TokenRead
from ...types import Response


def _get_kwargs(
    *,
    body: AuthTokenTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenRead | None:
    if response.status_code == 200:
        response_200 = TokenRead.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = Problem.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthTokenTokenRequest,
) -> Response[Problem | TokenRead]:
    """Issue Token

     Log in with email and password: an access token and a refresh token.

    Throttled per client address, per account and per (address, account) (429
    `login-throttled`); repeated wrong passwords lock the account for a while, and a locked
    account, an unknown email and a wrong password get the same 401 `invalid-credentials`.

    Second factor, in the same request: an account with TOTP enabled also sends `totp_code`
    (a 6-digit code or a recovery code); without it the answer is 401 `mfa-required`, with a
    wrong one 401 `invalid-mfa-code` (counted like a wrong password). Where the town requires a
    second factor of admins and editors and the account has none, the tokens come with
    `mfa_enrolment_required: true` and reach only the enrolment routes until it is confirmed.

    Args:
        body (AuthTokenTokenRequest): Login as JSON; the OAuth2 password form (`username`,
            `password`, `totp_code`) is
            accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AuthTokenTokenRequest,
) -> Problem | TokenRead | None:
    """Issue Token

     Log in with email and password: an access token and a refresh token.

    Throttled per client address, per account and per (address, account) (429
    `login-throttled`); repeated wrong passwords lock the account for a while, and a locked
    account, an unknown email and a wrong password get the same 401 `invalid-credentials`.

    Second factor, in the same request: an account with TOTP enabled also sends `totp_code`
    (a 6-digit code or a recovery code); without it the answer is 401 `mfa-required`, with a
    wrong one 401 `invalid-mfa-code` (counted like a wrong password). Where the town requires a
    second factor of admins and editors and the account has none, the tokens come with
    `mfa_enrolment_required: true` and reach only the enrolment routes until it is confirmed.

    Args:
        body (AuthTokenTokenRequest): Login as JSON; the OAuth2 password form (`username`,
            `password`, `totp_code`) is
            accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenRead
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AuthTokenTokenRequest,
) -> Response[Problem | TokenRead]:
    """Issue Token

     Log in with email and password: an access token and a refresh token.

    Throttled per client address, per account and per (address, account) (429
    `login-throttled`); repeated wrong passwords lock the account for a while, and a locked
    account, an unknown email and a wrong password get the same 401 `invalid-credentials`.

    Second factor, in the same request: an account with TOTP enabled also sends `totp_code`
    (a 6-digit code or a recovery code); without it the answer is 401 `mfa-required`, with a
    wrong one 401 `invalid-mfa-code` (counted like a wrong password). Where the town requires a
    second factor of admins and editors and the account has none, the tokens come with
    `mfa_enrolment_required: true` and reach only the enrolment routes until it is confirmed.

    Args:
        body (AuthTokenTokenRequest): Login as JSON; the OAuth2 password form (`username`,
            `password`, `totp_code`) is
            accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenRead]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AuthTokenTokenRequest,
) -> Problem | TokenRead | None:
    """Issue Token

     Log in with email and password: an access token and a refresh token.

    Throttled per client address, per account and per (address, account) (429
    `login-throttled`); repeated wrong passwords lock the account for a while, and a locked
    account, an unknown email and a wrong password get the same 401 `invalid-credentials`.

    Second factor, in the same request: an account with TOTP enabled also sends `totp_code`
    (a 6-digit code or a recovery code); without it the answer is 401 `mfa-required`, with a
    wrong one 401 `invalid-mfa-code` (counted like a wrong password). Where the town requires a
    second factor of admins and editors and the account has none, the tokens come with
    `mfa_enrolment_required: true` and reach only the enrolment routes until it is confirmed.

    Args:
        body (AuthTokenTokenRequest): Login as JSON; the OAuth2 password form (`username`,
            `password`, `totp_code`) is
            accepted too.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
