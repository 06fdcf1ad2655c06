-- The monthly job of a partitioned campaign.transactions (partition-transactions.sql): run it once a month (a SQL Agent
-- job, or Elastic Jobs on Azure SQL). Never run by this project (no SQL Server here); parsed with SQL Server 2022's
-- grammar by the tests.

-- 1. The columnstore's upkeep: imports write through MERGE, so new rows land in delta row groups and replaced or
--    deleted rows are only marked deleted. REORGANIZE compresses the delta row groups and rewrites row groups with many
--    deleted rows, online; COMPRESS_ALL_ROW_GROUPS also closes the open ones, so every row is read in batch mode.
ALTER INDEX cci_transactions ON campaign.transactions REORGANIZE WITH (COMPRESS_ALL_ROW_GROUPS = ON);

-- 2. Next month's partition, so that the last partition, which must stay empty, is always ahead of the data: split it at
--    the month after the last boundary. Refused if rows already reach the last boundary, because splitting a non-empty
--    partition of a columnstore index means rewriting it: then split by hand, in a maintenance window.
DECLARE @last DATE = (
    SELECT MAX(CAST(prv.value AS DATE))
    FROM sys.partition_range_values AS prv
    JOIN sys.partition_functions AS pf ON pf.function_id = prv.function_id
    WHERE pf.name = N'pf_transactions_month');
DECLARE @next DATE = DATEADD(month, 1, @last);

IF EXISTS (SELECT 1 FROM campaign.transactions WHERE transaction_date >= @last)
    THROW 50001, N'The last partition of pf_transactions_month is not empty: split it by hand, in a maintenance window.', 1;

ALTER PARTITION SCHEME ps_transactions_month NEXT USED [PRIMARY];
ALTER PARTITION FUNCTION pf_transactions_month() SPLIT RANGE (@next);
