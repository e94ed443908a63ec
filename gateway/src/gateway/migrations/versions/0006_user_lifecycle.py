"""User lifecycle: deactivation and "ex-user" deletion, password resets, TOTP second factor
(sealed secret, recovery codes), the tenant's MFA mandate, and the user who made each API key.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def stamp(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True))


def user_id(table: str) -> sa.Column[object]:
    return sa.Column(
        "user_id",
        UUID(as_uuid=True),
        sa.ForeignKey("users.id", ondelete="CASCADE", name=f"fk_{table}_user_id_users"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    op.add_column("users", sa.Column("name", sa.String(200)))
    op.add_column("users", stamp("deactivated_at"))
    op.add_column("users", stamp("deleted_at"))
    op.add_column("users", sa.Column("totp_secret", sa.Text()))
    op.add_column("users", stamp("totp_enabled_at"))
    op.add_column("users", sa.Column("totp_last_step", sa.BigInteger()))
    op.add_column(
        "tenants",
        sa.Column("mfa_required", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "api_keys",
        sa.Column(
            "user_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.id", ondelete="SET NULL", name="fk_api_keys_user_id_users"),
        ),
    )
    op.create_index("ix_api_keys_user_id", "api_keys", ["user_id"])
    op.create_table(
        "password_resets",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        user_id("password_resets"),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        stamp("used_at"),
    )
    op.create_table(
        "recovery_codes",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        user_id("recovery_codes"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        stamp("used_at"),
    )


def downgrade() -> None:
    op.drop_table("recovery_codes")
    op.drop_table("password_resets")
    op.drop_index("ix_api_keys_user_id", "api_keys")
    op.drop_column("api_keys", "user_id")
    op.drop_column("tenants", "mfa_required")
    for column in (
        "totp_last_step",
        "totp_enabled_at",
        "totp_secret",
        "deleted_at",
        "deactivated_at",
        "name",
    ):
        op.drop_column("users", column)
