-- KPI totals over S, from its cells (selection_cells.sql); ratios and rounding are derived from them in the application.
SELECT
    COALESCE(SUM(c.customers), 0) AS customers,
    COALESCE(SUM(c.bills), 0) AS bills,
    COALESCE(SUM(c.units), 0) AS units,
    COALESCE(SUM(c.spend), 0) AS spend,
    COALESCE(SUM(c.profit), 0) AS profit,
    COALESCE(SUM(CASE WHEN c.is_returning = 1 THEN c.customers ELSE 0 END), 0) AS returning_customers,
    COALESCE(SUM(CASE WHEN c.is_returning = 1 THEN c.active_days ELSE 0 END), 0) AS return_gap_days,
    COALESCE(SUM(CASE WHEN c.is_returning = 1 THEN c.visits - c.customers ELSE 0 END), 0) AS return_gap_count
FROM selection_cells AS c;
