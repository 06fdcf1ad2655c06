-- The two campaign relations (contract section 1), the data derived from them for the dashboard, and the data
-- version. Idempotent: run on every start.
-- No primary keys: ids are kept unique by the importer (every write goes through it), and DuckDB's ART indexes
-- would cost memory and ingest speed without helping the dashboard's scans.
CREATE SCHEMA IF NOT EXISTS campaign;

CREATE TABLE IF NOT EXISTS campaign.customers (
    customer_id       BIGINT NOT NULL,
    customer_name     VARCHAR,
    mobile            VARCHAR,
    registration_date DATE,
    -- Derived by the importer, so that filtering a million customers costs no string work per request:
    -- the mobile without the characters MobileNumber ignores, and the lower-case name.
    mobile_digits     VARCHAR,
    name_lower        VARCHAR
);

-- Databases written before the derived columns existed (filled by derived/rebuild.sql).
ALTER TABLE campaign.customers ADD COLUMN IF NOT EXISTS mobile_digits VARCHAR;
ALTER TABLE campaign.customers ADD COLUMN IF NOT EXISTS name_lower VARCHAR;

CREATE TABLE IF NOT EXISTS campaign.transactions (
    transaction_id   BIGINT NOT NULL,
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INTEGER NOT NULL,
    profit           DECIMAL(18, 2)
);

-- One row per customer and purchase day (a visit), with that day's totals: the transactions aggregated exactly,
-- so that the population counts visits without COUNT(DISTINCT) over every bill, and the customer's acquisition
-- date (registration date, else first purchase in the whole relation), so that it needs no join with customers.
-- Kept by the importer: large batches recompute their customers' visits in customer order, which keeps the
-- per-customer aggregation cache-friendly (derived/customer_days_refresh.sql); daily files merge theirs at the end
-- (derived/customer_days_merge.sql).
CREATE TABLE IF NOT EXISTS campaign.customer_days (
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    bills            INTEGER NOT NULL,
    units            BIGINT NOT NULL,
    spend            DECIMAL(18, 2) NOT NULL,
    profit           DECIMAL(18, 2) NOT NULL,
    acquired_date    DATE NOT NULL
);

-- Every customer's measures over its whole history (population/measures.sql's columns), kept by the importer in
-- the same transaction as the visits: a dashboard whose window covers every visit scores these 9.3M rows instead of
-- aggregating 80M visits (ADR 9). The fiscal-year bits count back from the basis' reference year.
CREATE TABLE IF NOT EXISTS campaign.customer_totals (
    customer_id         BIGINT NOT NULL,
    visits              INTEGER NOT NULL,
    bills               BIGINT NOT NULL,
    units               BIGINT NOT NULL,
    spend               DECIMAL(18, 2) NOT NULL,
    profit              DECIMAL(18, 2) NOT NULL,
    first_date          DATE NOT NULL,
    last_date           DATE NOT NULL,
    acquired_date       DATE NOT NULL,
    recent_fiscal_years UBIGINT,
    older_fiscal_years  INTEGER[]
);

-- At most one row: what campaign.customer_totals was counted for (derived/customer_totals_basis.sql). None: the
-- totals are to be counted (a database written before they existed).
CREATE TABLE IF NOT EXISTS campaign.customer_totals_basis (
    fiscal_year_start_month INTEGER NOT NULL,
    reference_fiscal_year   INTEGER,
    first_date              DATE,
    last_date               DATE
);

-- One row; every import bumps it, so caches can tell when the data changed.
CREATE TABLE IF NOT EXISTS campaign.data_version (
    version    BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

INSERT INTO campaign.data_version
SELECT 0, now() WHERE NOT EXISTS (SELECT 1 FROM campaign.data_version);
