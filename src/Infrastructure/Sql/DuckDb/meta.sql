-- meta: the as-of date, and the extent of the whole relation (not the selection): its first and last transaction
-- dates, and whether any transaction has a profit (an import without profit, such as UCI Online Retail, stores 0).
-- The dates come from the visits (campaign.customer_days: the same days), whose extremes DuckDB reads from its
-- statistics; EXISTS stops at the first transaction with a profit (a scan of every profit took 0.5 s at 100M).
SELECT
    CAST(CAST($as_of_date AS DATE) AS TIMESTAMP) AS as_of_date,
    CAST((SELECT MIN(d.transaction_date) FROM campaign.customer_days AS d) AS TIMESTAMP) AS first_date,
    CAST((SELECT MAX(d.transaction_date) FROM campaign.customer_days AS d) AS TIMESTAMP) AS last_date,
    EXISTS (SELECT 1 FROM campaign.transactions AS t WHERE t.profit <> 0) AS has_profit
