-- Per fiscal year with a transaction of S in the window: the active customers of S, and those acquired in
-- that year (acquired = registration date, else first transaction date in the whole relation). The population
-- holds each customer's fiscal years and acquisition year, so the transactions are not read again.
SELECT
    active.fiscal_year,
    COUNT(*) AS total_customers,
    CAST(SUM(CASE WHEN active.fiscal_year = active.acquired_fiscal_year THEN 1 ELSE 0 END) AS BIGINT) AS new_customers
FROM (
    SELECT unnest(s.fiscal_years) AS fiscal_year, s.acquired_fiscal_year
    FROM selection AS s
) AS active
GROUP BY active.fiscal_year
