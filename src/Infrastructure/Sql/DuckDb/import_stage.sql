-- Staging tables of an all-or-nothing import, in a scratch schema the import drops when it ends (import_cleanup.sql).
-- They live on disk, so a large import does not have to fit in memory; the campaign tables are untouched until import_write.sql.
CREATE SCHEMA IF NOT EXISTS campaign_import;

CREATE OR REPLACE TABLE campaign_import.customers (
    line              BIGINT NOT NULL,
    customer_id       BIGINT NOT NULL,
    customer_name     VARCHAR,
    mobile            VARCHAR,
    registration_date DATE
);

CREATE OR REPLACE TABLE campaign_import.transactions (
    line             BIGINT NOT NULL,
    transaction_id   BIGINT NOT NULL,
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INTEGER NOT NULL,
    profit           DECIMAL(18, 2)
);

-- The transactions the batch replaces, as they were: their visits lose them (derived/customer_days_merge.sql).
CREATE OR REPLACE TABLE campaign_import.replaced_transactions (
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INTEGER NOT NULL,
    profit           DECIMAL(18, 2)
)
