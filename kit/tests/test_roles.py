def test_targets_select_exact_roles_or_a_whole_service() -> None:
    from kit.roles import select

    roles = ["catalog-api", "catalog-relay", "catalog-worker", "gateway", "gateway-relay"]
    assert select(roles, "all") == roles
    assert select(roles, "gateway") == ["gateway"]
    assert select(roles, "catalog") == ["catalog-api", "catalog-relay", "catalog-worker"]
    assert select(roles, "catalog-relay,gateway-relay") == ["catalog-relay", "gateway-relay"]
