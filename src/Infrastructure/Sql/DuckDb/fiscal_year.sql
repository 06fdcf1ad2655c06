-- Per fiscal year with a transaction of S in the window: the active customers of S, and those acquired in
-- that year (acquired = registration date, else first transaction date in the whole relation). The population
-- holds each customer's fiscal years (bits counted back from as_of_fiscal_year, older ones in a list) and
-- acquisition year, so the transactions are not read again. Customers are first counted per set of years:
-- there are few distinct sets, so expanding the bits costs next to nothing.
SELECT
    active.fiscal_year,
    CAST(SUM(active.customers) AS BIGINT) AS total_customers,
    CAST(COALESCE(SUM(active.customers) FILTER (WHERE active.fiscal_year = active.acquired_fiscal_year), 0) AS BIGINT) AS new_customers
FROM (
    SELECT CAST($as_of_fiscal_year - bit.i AS INTEGER) AS fiscal_year, year_sets.acquired_fiscal_year, year_sets.customers
    FROM (
        SELECT s.recent_fiscal_years, s.acquired_fiscal_year, COUNT(*) AS customers
        FROM selection AS s
        WHERE s.recent_fiscal_years IS NOT NULL
        GROUP BY s.recent_fiscal_years, s.acquired_fiscal_year
    ) AS year_sets, range(0, 64) AS bit(i)
    WHERE (year_sets.recent_fiscal_years >> CAST(bit.i AS UBIGINT)) & CAST(1 AS UBIGINT) = 1
    UNION ALL
    SELECT unnest(s.older_fiscal_years) AS fiscal_year, s.acquired_fiscal_year, 1 AS customers
    FROM selection AS s
    WHERE s.older_fiscal_years IS NOT NULL
) AS active
GROUP BY active.fiscal_year
