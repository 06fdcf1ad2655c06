-- Per fiscal year with a transaction of S in the window: the active customers of S, and those acquired in
-- that year (acquired = registration date, else first transaction date in the whole relation).
-- A date's fiscal year is the calendar year of the date shifted back by (start month - 1) months.
SELECT
    activity.fiscal_year,
    COUNT_BIG(*) AS total_customers,
    SUM(CASE WHEN activity.fiscal_year = acquisition.fiscal_year THEN CAST(1 AS BIGINT) ELSE 0 END) AS new_customers
FROM (
    SELECT DISTINCT
        t.customer_id,
        YEAR(DATEADD(month, 1 - @fiscal_year_start_month, t.transaction_date)) AS fiscal_year
    FROM campaign.transactions AS t
    WHERE t.customer_id IN (SELECT customer_id FROM selection)
      AND (CAST(@start_date AS DATE) IS NULL OR t.transaction_date >= CAST(@start_date AS DATE))
      AND (CAST(@end_date AS DATE) IS NULL OR t.transaction_date <= CAST(@end_date AS DATE))
) AS activity
JOIN (
    SELECT
        s.customer_id,
        YEAR(DATEADD(month, 1 - @fiscal_year_start_month, COALESCE(s.registration_date, first_purchase.first_date))) AS fiscal_year
    FROM selection AS s
    LEFT JOIN (
        SELECT customer_id, MIN(transaction_date) AS first_date
        FROM campaign.transactions
        WHERE customer_id IN (SELECT customer_id FROM selection)
        GROUP BY customer_id
    ) AS first_purchase ON first_purchase.customer_id = s.customer_id
) AS acquisition ON acquisition.customer_id = activity.customer_id
GROUP BY activity.fiscal_year;
