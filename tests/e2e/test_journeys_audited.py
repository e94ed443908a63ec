"""The audit log records journeys 1 and 3 through the gateway, each action with its actor and
request id, and a writer cannot read it (issue 12, "Must show"). Named to run after the journeys:
it reads journey 3's campaign once journey 3 has built it, and builds nothing ahead of journey 2."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .journeys import STAFF, Journeys, ok, takeo

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def audit_of(reader: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    """Every record `reader` may read that matches, oldest first."""
    found: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        page = ok(reader.get("/v1/audit", params=query))
        found += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return found[::-1]


def user_of(client: httpx.Client) -> str:
    return f"user:{ok(client.get('/v1/me'))['user_id']}"


def by_action(rows: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    return [r for r in rows if r["action"] == action]


def test_journey_1_is_recorded_with_actors_and_request_ids(journeys: Journeys) -> None:
    town = takeo(journeys)
    operator, admin = user_of(journeys.operator), user_of(town.admin)
    everything = audit_of(journeys.operator, tenant_id=town.id)

    (created,) = by_action(everything, "tenant.created")
    assert (created["actor"], created["target"]) == (operator, f"tenant:{town.id}")
    (invited,) = by_action(everything, "invitation.created")
    assert invited["actor"] == operator
    assert invited["after"]["roles"] == ["admin"]
    (accepted,) = by_action(everything, "invitation.accepted")
    assert accepted["actor"] == admin
    assert admin in {r["actor"] for r in by_action(everything, "auth.login")}
    made = {r["target"]: r for r in by_action(everything, "user.created")}
    for user_id in town.user_ids.values():  # two writers, a photographer ... the producer
        assert made[f"user:{user_id}"]["actor"] == admin
    connected = [r for r in by_action(everything, "channel.connected") if r["actor"] == admin]
    # Two Facebook Pages, Instagram, the town's X and each staff member's X.
    assert len([r for r in connected if r["status"] == 200]) >= 4 + len(STAFF)
    line = by_action(everything, "channel.created")  # the LINE account, by its token
    assert (admin, 201) in {(r["actor"], r["status"]) for r in line}
    request_ids = [r["request_id"] for r in everything]
    assert all(request_ids)
    assert len(set(request_ids)) == len(request_ids)
    assert all(r["ip"] for r in everything)


def test_journey_3_is_recorded_with_actors_and_request_ids(journeys: Journeys) -> None:
    town = takeo(journeys)
    campaigns = ok(town.admin.get("/v1/campaigns", params={"limit": 100}))["items"]
    (made,) = [c for c in campaigns if c["name"] == "Takeo's table"]  # journey 3's campaign
    writer, editor = user_of(town.users["writer1"]), user_of(town.users["editor"])
    campaign = f"campaign:{made['id']}"
    rows = audit_of(town.admin, target=campaign)

    assert [(r["action"], r["actor"], r["status"]) for r in rows] == [
        ("campaign.paused", writer, 200),
        ("campaign.resumed", writer, 200),
        ("campaign.submitted", writer, 200),
        ("campaign.approved", editor, 200),
    ]
    # Its creation has no target of its own (the answer names no Location): every campaign the
    # writer made, journey 3's and journey 5's, is one record of theirs, each a 201.
    created = by_action(audit_of(town.admin, actor=writer), "campaign.created")
    theirs = [c for c in campaigns if c["created_by"] == writer]
    assert made in theirs
    assert [r["status"] for r in created] == [201] * len(theirs)
    assert all(r["request_id"] for r in rows)


def test_staff_post_schedule_is_recorded(journeys: Journeys) -> None:
    town = takeo(journeys)
    staff = town.users["staff2"]
    post = ok(
        staff.post(
            "/v1/posts",
            json={"text": "図書館の再開", "channel_ids": [str(town.channels["staff2_x"].id)]},
        ),
        201,
    )
    ok(staff.post(f"/v1/posts/{post['id']}/submit"))
    scheduled = staff.post(
        f"/v1/posts/{post['id']}/schedule", json={}, headers={"X-Request-ID": "req-staff-2"}
    )
    assert scheduled.status_code == 200, scheduled.text

    rows = audit_of(town.admin, target=f"post:{post['id']}")

    assert [r["action"] for r in rows] == ["post.submitted", "post.scheduled"]
    assert rows[-1]["request_id"] == "req-staff-2"
    assert {r["actor"] for r in rows} == {f"user:{town.user_ids['staff2']}"}


def test_a_writer_cannot_read_the_audit_log(journeys: Journeys) -> None:
    writer = takeo(journeys).users["writer2"]
    for path in ("/v1/audit", "/v1/audit.csv"):
        response = writer.get(path)
        assert response.status_code == 403, response.text


def test_admin_exports_the_towns_audit_log_as_csv(journeys: Journeys) -> None:
    town = takeo(journeys)
    response = town.admin.get("/v1/audit.csv", params={"action": "user.created"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("id,created_at,tenant_id,actor,action,target")
    assert len(lines) >= 1 + len(town.user_ids)
