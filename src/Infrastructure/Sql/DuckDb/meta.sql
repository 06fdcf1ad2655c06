-- meta: the as-of date, and the extent of the whole relation (not the selection): its first and last transaction
-- dates, and whether any transaction has a profit (an import without profit, such as UCI Online Retail, stores 0).
SELECT
    CAST(CAST($as_of_date AS DATE) AS TIMESTAMP) AS as_of_date,
    CAST(MIN(t.transaction_date) AS TIMESTAMP) AS first_date,
    CAST(MAX(t.transaction_date) AS TIMESTAMP) AS last_date,
    COALESCE(BOOL_OR(t.profit <> 0), FALSE) AS has_profit
FROM campaign.transactions AS t
