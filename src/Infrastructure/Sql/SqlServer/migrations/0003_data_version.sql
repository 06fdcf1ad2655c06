-- The data version: one row, bumped by every import, so caches can tell when the data changed.
IF OBJECT_ID(N'campaign.data_version') IS NULL
BEGIN
    CREATE TABLE campaign.data_version (
        version    BIGINT       NOT NULL,
        updated_at DATETIME2(3) NOT NULL
    );
    INSERT INTO campaign.data_version (version, updated_at) VALUES (0, SYSUTCDATETIME());
END;
