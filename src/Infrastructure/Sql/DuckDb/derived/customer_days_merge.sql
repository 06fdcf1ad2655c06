-- Brings campaign.customer_days up to date with the batch just written, in time proportional to the batch: each
-- visit the batch touches changes by what it adds (the staged transactions) less what it removes (the transactions
-- they replaced, kept by import_delete_transactions.sql), instead of recomputing its customers' whole histories.
-- Runs inside the import's write transaction, after import_write.sql, for a batch smaller than the visits already
-- there (larger ones recompute: derived/import_affected_customers.sql). Profit counts as 0 where it is missing, as in
-- the contract's totals.
CREATE TABLE campaign_import.visit_changes AS
SELECT
    customer_id,
    transaction_date,
    CAST(SUM(bills) AS INTEGER) AS bills,
    CAST(SUM(units) AS BIGINT) AS units,
    CAST(SUM(spend) AS DECIMAL(18, 2)) AS spend,
    CAST(SUM(profit) AS DECIMAL(18, 2)) AS profit
FROM (
    SELECT customer_id, transaction_date, 1 AS bills, quantity AS units, amount AS spend, COALESCE(profit, 0) AS profit
    FROM campaign_import.transactions
    UNION ALL
    SELECT customer_id, transaction_date, -1, -quantity, -amount, -COALESCE(profit, 0)
    FROM campaign_import.replaced_transactions
) AS changes
GROUP BY customer_id, transaction_date
-- A bill replaced by an identical one changes nothing: its visit is left as it is.
HAVING SUM(bills) <> 0 OR SUM(units) <> 0 OR SUM(spend) <> 0 OR SUM(profit) <> 0;

-- A visit whose last bill was replaced goes; a new visit takes its day as a stand-in acquisition date, set below.
MERGE INTO campaign.customer_days AS d
USING campaign_import.visit_changes AS c
ON d.customer_id = c.customer_id AND d.transaction_date = c.transaction_date
WHEN MATCHED AND d.bills + c.bills = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET
    bills = d.bills + c.bills, units = d.units + c.units, spend = d.spend + c.spend, profit = d.profit + c.profit
WHEN NOT MATCHED THEN INSERT (customer_id, transaction_date, bills, units, spend, profit, acquired_date)
    VALUES (c.customer_id, c.transaction_date, c.bills, c.units, c.spend, c.profit, c.transaction_date);

-- The customers whose visits or customer row the batch changed (their totals are counted again next:
-- derived/customer_totals_refresh.sql).
CREATE TABLE campaign_import.affected_customers AS
SELECT customer_id FROM campaign_import.visit_changes
UNION
SELECT customer_id FROM campaign_import.customers;

-- Their acquisition date (registration date, else first purchase), from their visits as they are now.
CREATE TABLE campaign_import.acquired AS
WITH first_visits AS (
    SELECT customer_id, MIN(transaction_date) AS first_day
    FROM campaign.customer_days
    WHERE customer_id IN (SELECT customer_id FROM campaign_import.affected_customers)
    GROUP BY customer_id
)
SELECT f.customer_id, COALESCE(c.registration_date, f.first_day) AS acquired_date
FROM first_visits AS f
LEFT JOIN campaign.customers AS c ON c.customer_id = f.customer_id;

UPDATE campaign.customer_days AS d
SET acquired_date = a.acquired_date
FROM campaign_import.acquired AS a
WHERE d.customer_id = a.customer_id AND d.acquired_date <> a.acquired_date
