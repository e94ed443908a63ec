"""The audit list of forwarded operations (`kit.policy.AUDITED`) names real operations."""

from kit import policy


def test_every_audited_operation_has_a_row_and_a_readable_snapshot() -> None:
    rows = policy.operations()
    for (method, template), audited in policy.AUDITED.items():
        assert (method, template) in rows, f"{method} {template}"
        if audited.snapshot is not None:
            assert ("GET", audited.snapshot) in rows, audited.snapshot


def test_a_concrete_path_is_matched_to_its_template() -> None:
    path = "/v1/posts/0b9d/approve"
    assert policy.template_of("publisher", "POST", path) == "/v1/posts/{post_id}/approve"
    assert policy.template_of("publisher", "GET", "/v1/slots/next") == "/v1/slots/next"
    assert policy.template_of("publisher", "POST", "/v1/nowhere") is None
