-- The campaign schema and its two relations (contract section 1), and the migration journal.
-- Where campaign.customers or campaign.transactions already exist, as tables or as views over a retailer's
-- own tables (docs/sql-server.md), they are left alone.
IF SCHEMA_ID(N'campaign') IS NULL
    EXEC (N'CREATE SCHEMA campaign AUTHORIZATION dbo;');

IF OBJECT_ID(N'campaign.customers') IS NULL
    CREATE TABLE campaign.customers (
        customer_id       BIGINT         NOT NULL CONSTRAINT pk_customers PRIMARY KEY CLUSTERED,
        customer_name     NVARCHAR(200)  NULL,
        mobile            VARCHAR(20)    NULL,
        registration_date DATE           NULL
    );

IF OBJECT_ID(N'campaign.transactions') IS NULL
    CREATE TABLE campaign.transactions (
        transaction_id   BIGINT         NOT NULL CONSTRAINT pk_transactions PRIMARY KEY NONCLUSTERED,
        customer_id      BIGINT         NOT NULL,
        transaction_date DATE           NOT NULL,
        amount           DECIMAL(18, 2) NOT NULL,
        quantity         INT            NOT NULL,
        profit           DECIMAL(18, 2) NULL
    );
