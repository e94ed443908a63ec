"""Substring search an index can serve under row-level security: character bigrams.

LIKE is not a leakproof operator, so under RLS Postgres will not use the trigram index for it
(it evaluates the tenant policy first and filters the tenant's rows one by one: 26 ms for a rare
term among 100,000 products, bench/results/catalog.json). Equality on text and uuid is
leakproof. So each product's normalized search text is also kept as its distinct character
bigrams in `product_grams (tenant_id, gram, product_id)`; a search looks its query's bigrams
up by equality, then checks the candidates with the same LIKE. Bigrams need no word breaks, so
they serve Japanese and Korean (にんにく in 黒にんにく, 두부 in 온천 두부) as well as English.
Triggers keep the table in step with `products.search_text` on every write path (API, CSV
import, COPY), statement by statement through transition tables.
https://www.postgresql.org/docs/15/ddl-rowsecurity.html
https://www.postgresql.org/docs/15/trigger-definition.html (transition relations)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Mirrors catalog.i18n.bigrams: every two adjacent characters of each run without a space or
# line break (the search text joins its translations with line breaks). Split first, so no
# per-pair test; "C" collation: byte comparison, and no index to rebuild when glibc changes.
BIGRAMS = r"""
CREATE FUNCTION catalog_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(w, i, 2) COLLATE "C"), '{}')
    FROM regexp_split_to_table(t, '[ \t\n\r]+') AS w, generate_series(1, length(w) - 1) AS i
$$
"""
ON_INSERT = """
CREATE FUNCTION catalog_product_grams_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO product_grams (tenant_id, gram, product_id)
    SELECT n.tenant_id, g, n.id FROM new_rows AS n, unnest(catalog_bigrams(n.search_text)) AS g
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$
"""
# Updates and deletes go product by product through the primary key: transition tables have no
# statistics, and a set-wise join against product_grams may be planned as a scan of the whole
# table for a one-row update. An update that leaves the search text alone costs one probe.
ON_UPDATE = """
CREATE FUNCTION catalog_product_grams_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed record;
    before text[];
    after text[];
BEGIN
    FOR changed IN
        SELECT n.tenant_id, n.id, o.search_text AS old_text, n.search_text AS new_text
        FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
        WHERE o.search_text IS DISTINCT FROM n.search_text
    LOOP
        before := catalog_bigrams(changed.old_text);
        after := catalog_bigrams(changed.new_text);
        DELETE FROM product_grams
        WHERE tenant_id = changed.tenant_id AND gram = ANY(before) AND NOT gram = ANY(after)
          AND product_id = changed.id;
        INSERT INTO product_grams (tenant_id, gram, product_id)
        SELECT changed.tenant_id, g, changed.id FROM unnest(after) AS g
        WHERE NOT g = ANY(before)
        ON CONFLICT DO NOTHING;
    END LOOP;
    RETURN NULL;
END $$
"""
ON_DELETE = """
CREATE FUNCTION catalog_product_grams_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone record;
BEGIN
    FOR gone IN SELECT o.tenant_id, o.id, o.search_text FROM old_rows AS o LOOP
        DELETE FROM product_grams
        WHERE tenant_id = gone.tenant_id AND gram = ANY(catalog_bigrams(gone.search_text))
          AND product_id = gone.id;
    END LOOP;
    RETURN NULL;
END $$
"""
TRIGGERS = [
    "CREATE TRIGGER product_grams_insert AFTER INSERT ON products"
    " REFERENCING NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_grams_insert()",
    "CREATE TRIGGER product_grams_update AFTER UPDATE ON products"
    " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_grams_update()",
    "CREATE TRIGGER product_grams_delete AFTER DELETE ON products"
    " REFERENCING OLD TABLE AS old_rows"
    " FOR EACH STATEMENT EXECUTE FUNCTION catalog_product_grams_delete()",
]


def upgrade() -> None:
    op.create_table(
        "product_grams",
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
        sa.Column("gram", sa.Text(collation="C"), nullable=False),
        sa.Column("product_id", UUID(as_uuid=True), nullable=False),
        # The lookup's index: one tenant, one gram, its products in order (merge joins).
        sa.PrimaryKeyConstraint("tenant_id", "gram", "product_id", name="pk_product_grams"),
    )
    for statement in rls_statements("product_grams", jobs_role=jobs_role("catalog")):
        op.execute(statement)
    for statement in (BIGRAMS, ON_INSERT, ON_UPDATE, ON_DELETE, *TRIGGERS):
        op.execute(statement)
    # Fill from every tenant's products. The migrating owner is subject to the forced policies
    # too, so they are lifted for this one statement, inside the migration's transaction.
    op.execute("ALTER TABLE products NO FORCE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE product_grams NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "INSERT INTO product_grams (tenant_id, gram, product_id)"
        " SELECT p.tenant_id, g, p.id FROM products AS p, unnest(catalog_bigrams(p.search_text)) g"
    )
    op.execute("ALTER TABLE product_grams FORCE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE products FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    for trigger in ("product_grams_delete", "product_grams_update", "product_grams_insert"):
        op.execute(f"DROP TRIGGER {trigger} ON products")
    for function in (
        "catalog_product_grams_delete()",
        "catalog_product_grams_update()",
        "catalog_product_grams_insert()",
        "catalog_bigrams(text)",
    ):
        op.execute(f"DROP FUNCTION {function}")
    op.drop_table("product_grams")
