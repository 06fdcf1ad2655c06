-- The two campaign relations (contract section 1). Idempotent: run on every start.
CREATE SCHEMA IF NOT EXISTS campaign;

CREATE TABLE IF NOT EXISTS campaign.customers (
    customer_id       BIGINT PRIMARY KEY,
    customer_name     VARCHAR,
    mobile            VARCHAR,
    registration_date DATE
);

CREATE TABLE IF NOT EXISTS campaign.transactions (
    transaction_id   BIGINT PRIMARY KEY,
    customer_id      BIGINT NOT NULL,
    transaction_date DATE NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INTEGER NOT NULL,
    profit           DECIMAL(18, 2)
);
