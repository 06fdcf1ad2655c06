-- Staging tables of an all-or-nothing import: session temp tables, filled by SqlBulkCopy on the import's
-- connection and gone with it, so a rejected or failed import leaves nothing behind.
CREATE TABLE #import_customers (
    line              BIGINT        NOT NULL,
    customer_id       BIGINT        NOT NULL,
    customer_name     NVARCHAR(200) NULL,
    mobile            VARCHAR(20)   NULL,
    registration_date DATE          NULL
);

CREATE TABLE #import_transactions (
    line             BIGINT         NOT NULL,
    transaction_id   BIGINT         NOT NULL,
    customer_id      BIGINT         NOT NULL,
    transaction_date DATE           NOT NULL,
    amount           DECIMAL(18, 2) NOT NULL,
    quantity         INT            NOT NULL,
    profit           DECIMAL(18, 2) NULL
);
