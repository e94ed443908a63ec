"""Slot suggestions: the best-times report (analytics) turned into a channel's weekly queue
slots (publisher), composed here because neither service reads the other's data.

The best hours of a channel, by its posts' clicks in their first 24 hours, become slots at the
top of the hour in the town's timezone (the report's weekday and hour are already local, and so
are slots). Accepting adds only the slots the channel lacks, so a second call adds nothing.
The report, the channel and its slots are read by the gateway acting for the caller's town with
the caller's roles (this route's own row decided who may ask); the slots are added as the
caller, so the publisher applies its own rules to them. Another town's channel is 404.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from gateway.errors import UpstreamUnavailable
from gateway.suggestions.schemas import SlotSuggestion, SlotSuggestions, SlotSuggestionsAccepted
from gateway.upstream import ServiceCaller, Unavailable, gateway_acting_for
from kit.auth import InternalPrincipal
from kit.errors import Forbidden, InvalidInput, NotFound
from kit.pagination import MAX_LIMIT

Period = dict[str, str]  # the report's `start` and `end`, as the caller gave them


def _answer(found: Any, what: str) -> Any:
    """The service's JSON answer, or the problem its refusal means to our caller."""
    if not isinstance(found, Unavailable):
        return found
    if found.status == 404:
        raise NotFound(f"no {what}")
    if found.status == 403:
        raise Forbidden(f"you may not read or change the {what}")
    if found.status in (400, 422):
        raise InvalidInput(f"the {what} refused the request: {found.reason}")
    raise UpstreamUnavailable(found.reason)


async def _slots(
    services: ServiceCaller, who: InternalPrincipal, channel_id: uuid.UUID
) -> set[tuple[int, str]]:
    """(weekday, HH:MM) of every slot the channel has, every page of them."""
    params: dict[str, Any] = {"channel_id": str(channel_id), "limit": MAX_LIMIT}
    held: set[tuple[int, str]] = set()
    while True:
        page = _answer(
            await services.call("publisher", "GET", "/v1/slots", who, params=params),
            "channel's slots",
        )
        held |= {(s["weekday"], s["local_time"]) for s in page["items"]}
        if not page.get("next_cursor"):
            return held
        params["cursor"] = page["next_cursor"]


async def suggest(
    services: ServiceCaller,
    who: InternalPrincipal,
    channel_id: uuid.UUID,
    limit: int,
    period: Period,
) -> SlotSuggestions:
    """The channel's `limit` best weekly hours, best first, each marked if it is a slot already."""
    if who.tenant_id is None:  # the operator: a town's channels are the town's
        raise NotFound(f"no channel {channel_id}")
    reader = gateway_acting_for(who.tenant_id, *who.roles)
    channel, report = await asyncio.gather(
        services.call("publisher", "GET", f"/v1/channels/{channel_id}", reader),
        services.call("analytics", "GET", "/v1/reports/best-times", reader, params=period),
    )
    _answer(channel, "channel")
    best = _answer(report, "best-times report")
    held = await _slots(services, reader, channel_id)
    # The report ranks each channel's cells best first already; ties keep the report's order.
    cells = [c for c in best["items"] if c["channel_id"] == str(channel_id)][:limit]
    items = []
    for cell in cells:
        time = f"{cell['hour']:02d}:00"
        items.append(
            SlotSuggestion(
                weekday=cell["weekday"],
                time=time,
                samples=cell["samples"],
                average_clicks=cell["average_clicks"],
                exists=(cell["weekday"], time) in held,
            )
        )
    return SlotSuggestions(channel_id=channel_id, timezone=best["timezone"], items=items)


async def accept(
    services: ServiceCaller,
    who: InternalPrincipal,
    channel_id: uuid.UUID,
    limit: int,
    period: Period,
) -> SlotSuggestionsAccepted:
    """Add the suggested slots the channel lacks; one that appeared meanwhile (409) is kept."""
    suggested = await suggest(services, who, channel_id, limit, period)
    created = 0
    for item in suggested.items:
        if item.exists:
            continue
        body = {"channel_id": str(channel_id), "weekday": item.weekday, "time": item.time}
        made = await services.call("publisher", "POST", "/v1/slots", who, json=body)
        if not (isinstance(made, Unavailable) and made.status == 409):
            _answer(made, "channel's slots")
            created += 1
        item.exists = True
    return SlotSuggestionsAccepted(**suggested.model_dump(), created=created)
