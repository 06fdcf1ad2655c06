-- Partitioning campaign.transactions by month of transaction_date, as a clustered columnstore index (docs/sql-server.md,
-- "At 100 million transactions"). NOT a migration: a DBA runs it once, in a maintenance window, after the API's own
-- migrations (0001-0003) and only where campaign.transactions is a table. It rebuilds the table twice over: at 100
-- million rows, expect tens of minutes, tempdb and log space of the order of the table's size. It has never been run
-- against a SQL Server by this project (none is reachable where it is developed); it is parsed with SQL Server 2022's
-- grammar by tests/CampaignDashboard.Infrastructure.Tests (SqlServerScaleScriptTests). Try it on a copy first.

-- 1. One partition a month. RANGE RIGHT: each boundary is the first day of its month and belongs to the partition on
--    its right, so a month is exactly [first day, next first day). Rows before the first boundary go to partition 1;
--    the last partition (from the last boundary on) must stay EMPTY: new months are added by splitting it while it is
--    empty (monthly-maintenance.sql), which a columnstore index allows cheaply. Adjust the range to the data's.
CREATE PARTITION FUNCTION pf_transactions_month (DATE)
AS RANGE RIGHT FOR VALUES (
    '20200101', '20200201', '20200301', '20200401', '20200501', '20200601', '20200701', '20200801', '20200901', '20201001', '20201101', '20201201',
    '20210101', '20210201', '20210301', '20210401', '20210501', '20210601', '20210701', '20210801', '20210901', '20211001', '20211101', '20211201',
    '20220101', '20220201', '20220301', '20220401', '20220501', '20220601', '20220701', '20220801', '20220901', '20221001', '20221101', '20221201',
    '20230101', '20230201', '20230301', '20230401', '20230501', '20230601', '20230701', '20230801', '20230901', '20231001', '20231101', '20231201',
    '20240101', '20240201', '20240301', '20240401', '20240501', '20240601', '20240701', '20240801', '20240901', '20241001', '20241101', '20241201',
    '20250101', '20250201', '20250301', '20250401', '20250501', '20250601', '20250701', '20250801', '20250901', '20251001', '20251101', '20251201',
    '20260101', '20260201', '20260301', '20260401', '20260501', '20260601', '20260701', '20260801', '20260901', '20261001', '20261101', '20261201',
    '20270101', '20270201', '20270301', '20270401', '20270501', '20270601', '20270701', '20270801', '20270901', '20271001', '20271101', '20271201');
GO

-- Every partition in PRIMARY: partitioning here is for elimination, not for placing months on other disks.
CREATE PARTITION SCHEME ps_transactions_month
AS PARTITION pf_transactions_month ALL TO ([PRIMARY]);
GO

-- 2. A table has at most one columnstore index: migration 0002's nonclustered one gives way to the clustered one below.
--    The customer index is dropped too and made again, aligned, at the end (rather than rebuilt by each step).
DROP INDEX IF EXISTS ncci_transactions_dashboard ON campaign.transactions;
DROP INDEX IF EXISTS ix_transactions_customer_date ON campaign.transactions;
GO

-- 3. Partition the heap: a columnstore index can only be created partition-aligned with its table, so the table is
--    first moved onto the scheme by a clustered rowstore index, sorted by date...
CREATE CLUSTERED INDEX cci_transactions
    ON campaign.transactions (transaction_date)
    WITH (SORT_IN_TEMPDB = ON)
    ON ps_transactions_month (transaction_date);
GO

-- 4. ...which becomes the clustered columnstore index in place. MAXDOP = 1 reads the rows in that date order, so each
--    row group of a month covers a narrow range of days: a window that starts or ends mid-month skips the row groups
--    outside it (row-group elimination on transaction_date's min/max), on top of the months skipped by partition.
CREATE CLUSTERED COLUMNSTORE INDEX cci_transactions
    ON campaign.transactions
    WITH (DROP_EXISTING = ON, MAXDOP = 1)
    ON ps_transactions_month (transaction_date);
GO

-- 5. The rowstore index for one customer's rows and the prediction's per-customer pass, aligned with the table
--    (non-unique, so the partitioning column need not lead its key).
CREATE NONCLUSTERED INDEX ix_transactions_customer_date
    ON campaign.transactions (customer_id, transaction_date)
    INCLUDE (amount, quantity, profit)
    WITH (SORT_IN_TEMPDB = ON)
    ON ps_transactions_month (transaction_date);
GO

-- 6. The primary key pk_transactions stays as migration 0001 made it: NONCLUSTERED on transaction_id, in PRIMARY, not
--    partitioned. A unique index aligned with the table would need transaction_date in its key, and then only
--    (transaction_id, transaction_date) would be unique: the contract's rule, and the importer's replacement of a
--    transaction by its id, need transaction_id unique on its own. The cost: partitions cannot be SWITCHed in or out
--    (that needs every index aligned), which this workload does not use: old months stay, imports write by id.

-- 7. Check: every index of the table and where it lives (PRIMARY for pk_transactions, the scheme for the others).
SELECT i.name AS index_name, i.type_desc, ds.name AS data_space, ds.type_desc AS data_space_type
FROM sys.indexes AS i
JOIN sys.data_spaces AS ds ON ds.data_space_id = i.data_space_id
WHERE i.object_id = OBJECT_ID(N'campaign.transactions');
GO
