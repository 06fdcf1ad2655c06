-- KPI totals over S, from its cells (selection_cells.sql); ratios and rounding are derived from them in the application.
SELECT
    CAST(COALESCE(SUM(c.customers), 0) AS BIGINT) AS customers,
    CAST(COALESCE(SUM(c.bills), 0) AS BIGINT) AS bills,
    CAST(COALESCE(SUM(c.units), 0) AS BIGINT) AS units,
    COALESCE(SUM(c.spend), 0) AS spend,
    COALESCE(SUM(c.profit), 0) AS profit,
    CAST(COALESCE(SUM(c.customers) FILTER (WHERE c.is_returning), 0) AS BIGINT) AS returning_customers,
    CAST(COALESCE(SUM(c.active_days) FILTER (WHERE c.is_returning), 0) AS BIGINT) AS return_gap_days,
    CAST(COALESCE(SUM(c.visits - c.customers) FILTER (WHERE c.is_returning), 0) AS BIGINT) AS return_gap_count
FROM selection_cells AS c
