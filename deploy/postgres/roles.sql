-- Machi's Postgres roles and databases for production, run once by a superuser (idempotent):
--
--   psql "postgresql://postgres@db.example/postgres" \
--        -v owner_password='...' -v app_password='...' -f deploy/postgres/roles.sql
--
-- Per service (catalog, publisher, analytics, gateway):
--   <service>_owner  owns the database machi_<service>, logs in to run `machi migrate`; owns every
--                    table, so row-level security does not bind it.
--   <service>_app    what the running service connects as (DB_APP_PASSWORD): no superuser, no
--                    BYPASSRLS, owns nothing, so every row it reads or writes goes through RLS.
--   <service>_jobs   what the service's background jobs connect as (same password): like _app,
--                    plus a `cross_tenant_jobs` policy (made by the migrations) so a dispatcher
--                    can claim due work of every tenant. The API never uses it.
--
-- `machi migrate` creates the same databases and app roles itself when DATABASE_URL names a
-- superuser (the all-in-one mode and docker-compose.yml), and after each migration it grants the
-- app role SELECT/INSERT/UPDATE/DELETE on the tables and USAGE on the sequences. With this script,
-- run `machi migrate` once per service as its owner instead of as a superuser.
--
-- Passwords are passed as psql variables so they stay out of this file; psql interpolates
-- :'name' as a quoted literal.

\set ON_ERROR_STOP on

\if :{?owner_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'set owner_password: psql -v owner_password=... -f roles.sql'; END $$;
\endif
\if :{?app_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'set app_password: psql -v app_password=... -f roles.sql'; END $$;
\endif

-- Owner roles: log in to migrate; no other power.
SELECT format('CREATE ROLE %I', r)
FROM unnest(ARRAY['catalog_owner', 'publisher_owner', 'analytics_owner', 'gateway_owner']) AS r
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)
\gexec

SELECT format(
    'ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L',
    r, :'owner_password'
)
FROM unnest(ARRAY['catalog_owner', 'publisher_owner', 'analytics_owner', 'gateway_owner']) AS r
\gexec

-- App and jobs roles: log in, subject to row-level security, own nothing.
SELECT format('CREATE ROLE %I', r)
FROM unnest(ARRAY['catalog_app', 'publisher_app', 'analytics_app', 'gateway_app',
             'catalog_jobs', 'publisher_jobs', 'analytics_jobs', 'gateway_jobs']) AS r
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r)
\gexec

SELECT format(
    'ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L',
    r, :'app_password'
)
FROM unnest(ARRAY['catalog_app', 'publisher_app', 'analytics_app', 'gateway_app',
             'catalog_jobs', 'publisher_jobs', 'analytics_jobs', 'gateway_jobs']) AS r
\gexec

-- One database per service, owned by its owner role (CREATE DATABASE cannot run in a DO block,
-- hence \gexec).
SELECT format('CREATE DATABASE %I OWNER %I', 'machi_' || s, s || '_owner')
FROM unnest(ARRAY['catalog', 'publisher', 'analytics', 'gateway']) AS s
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'machi_' || s)
\gexec

SELECT format('ALTER DATABASE %I OWNER TO %I', 'machi_' || s, s || '_owner')
FROM unnest(ARRAY['catalog', 'publisher', 'analytics', 'gateway']) AS s
\gexec

-- Each app role reaches its own database only. Table privileges are granted by `machi migrate`
-- (as the owner) after each migration, so new tables are covered.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', 'machi_' || s)
FROM unnest(ARRAY['catalog', 'publisher', 'analytics', 'gateway']) AS s
\gexec

SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', 'machi_' || s, s || suffix)
FROM unnest(ARRAY['catalog', 'publisher', 'analytics', 'gateway']) AS s,
     unnest(ARRAY['_app', '_jobs']) AS suffix
\gexec
