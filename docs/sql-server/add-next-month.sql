-- Adds next month's partition to pf_transactions_month (partition-transactions.sql): run it monthly (a SQL Agent job, or
-- Elastic Jobs on Azure SQL), so that the last partition, which must stay empty, is always ahead of the data. It splits
-- that empty partition at the month after the last boundary; it refuses if rows already reach that month, because
-- splitting a non-empty partition of a columnstore index means rewriting it. Never run by this project (no SQL
-- Server here); parsed with SQL Server 2022's grammar by the tests.
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
