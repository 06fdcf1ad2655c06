-- The two campaign relations (contract section 1) and the data version. Idempotent: run on every start.
-- No primary keys: ids are kept unique by the importer (every write goes through it), and DuckDB's ART indexes
-- would cost memory and ingest speed without helping the dashboard's scans.
CREATE SCHEMA IF NOT EXISTS campaign;

CREATE TABLE IF NOT EXISTS campaign.customers (
    customer_id       BIGINT NOT NULL,
    customer_name     VARCHAR,
    mobile            VARCHAR,
    registration_date DATE
);

CREATE TABLE IF NOT EXISTS campaign.transactions (
    transaction_id   BIGINT NOT NULL,
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INTEGER NOT NULL,
    profit           DECIMAL(18, 2)
);

-- One row; every import bumps it, so caches can tell when the data changed.
CREATE TABLE IF NOT EXISTS campaign.data_version (
    version    BIGINT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

INSERT INTO campaign.data_version
SELECT 0, now() WHERE NOT EXISTS (SELECT 1 FROM campaign.data_version);
