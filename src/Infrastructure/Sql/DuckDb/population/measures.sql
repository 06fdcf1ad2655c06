-- Each customer's measures over the visits in `window_days` (a dashboard window, population/window_days.sql, or the
-- customers whose all-history totals the importer refreshes, derived/customer_totals_refresh.sql), as CTEs ending in
-- `measures`: one row per customer with what the scores, the buckets and the fiscal-year widget need, so that no
-- widget reads the visits again. Fiscal years are counted back from $as_of_fiscal_year.
-- Not materialized: it is read twice (the older fiscal years).
fiscal_days AS NOT MATERIALIZED (
    SELECT
        d.*,
        -- A date's fiscal year: its calendar year, minus one before the fiscal year's start month.
        CAST(year(d.transaction_date) - CASE WHEN month(d.transaction_date) < $fiscal_year_start_month THEN 1 ELSE 0 END AS INTEGER)
            AS fiscal_year
    FROM window_days AS d
),
per_customer AS (
    SELECT
        d.customer_id,
        CAST(COUNT(*) AS INTEGER) AS visits,
        CAST(SUM(d.bills) AS BIGINT) AS bills,
        CAST(SUM(d.units) AS BIGINT) AS units,
        CAST(SUM(d.spend) AS DECIMAL(18, 2)) AS spend,
        CAST(SUM(d.profit) AS DECIMAL(18, 2)) AS profit,
        MIN(d.transaction_date) AS first_date,
        MAX(d.transaction_date) AS last_date,
        MIN(d.acquired_date) AS acquired_date,
        -- Fiscal years active, as bits: bit i is the fiscal year i years before $as_of_fiscal_year (a list would
        -- cost a DISTINCT per customer). Years 64 or more before it are listed below. (CASE, not FILTER: it shifts
        -- only the rows it keeps, and costs less per row.)
        bit_or(CASE WHEN d.fiscal_year > $as_of_fiscal_year - 64
                    THEN CAST(1 AS UBIGINT) << CAST($as_of_fiscal_year - d.fiscal_year AS UBIGINT) END) AS recent_fiscal_years
    FROM fiscal_days AS d
    GROUP BY d.customer_id
),
-- Fiscal years 64 or more before $as_of_fiscal_year, listed for the rare customers whose first visit is that old:
-- a list aggregate over every customer costs a second at 100M visits, even when it is always empty. (Said as a date,
-- before the first day of fiscal year $as_of_fiscal_year - 63: DuckDB then skips the blocks of later visits unread.)
older_fiscal_years AS (
    SELECT d.customer_id, list(DISTINCT d.fiscal_year) AS older_fiscal_years
    FROM fiscal_days AS d
    WHERE d.transaction_date < make_date(CAST($as_of_fiscal_year - 63 AS BIGINT), $fiscal_year_start_month, 1)
      AND d.customer_id IN (
          SELECT pc.customer_id FROM per_customer AS pc
          WHERE pc.first_date < make_date(CAST($as_of_fiscal_year - 63 AS BIGINT), $fiscal_year_start_month, 1))
    GROUP BY d.customer_id
),
-- The columns of campaign.customer_totals, in its order.
measures AS (
    SELECT
        pc.customer_id, pc.visits, pc.bills, pc.units, pc.spend, pc.profit, pc.first_date, pc.last_date, pc.acquired_date,
        pc.recent_fiscal_years, o.older_fiscal_years
    FROM per_customer AS pc
    LEFT JOIN older_fiscal_years AS o ON o.customer_id = pc.customer_id
)
