-- meta: the as-of date, and the extent of the whole relation (not the selection): its first and last transaction
-- dates, and whether any transaction has a profit (an import without profit, such as UCI Online Retail, stores 0).
SELECT
    CAST(CAST(@as_of_date AS DATE) AS DATETIME2) AS as_of_date,
    CAST(MIN(t.transaction_date) AS DATETIME2) AS first_date,
    CAST(MAX(t.transaction_date) AS DATETIME2) AS last_date,
    CAST(COALESCE(MAX(CASE WHEN t.profit <> 0 THEN 1 ELSE 0 END), 0) AS BIT) AS has_profit
FROM campaign.transactions AS t;
