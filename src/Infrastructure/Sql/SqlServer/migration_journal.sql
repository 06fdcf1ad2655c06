-- The journal of applied migrations; each numbered script under migrations/ runs once and is recorded here.
IF SCHEMA_ID(N'campaign') IS NULL
    EXEC (N'CREATE SCHEMA campaign AUTHORIZATION dbo;');

IF OBJECT_ID(N'campaign.schema_migrations') IS NULL
    CREATE TABLE campaign.schema_migrations (
        migration_id INT           NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
        name         NVARCHAR(200) NOT NULL,
        applied_at   DATETIME2(0)  NOT NULL CONSTRAINT df_schema_migrations_applied_at DEFAULT SYSUTCDATETIME()
    );
