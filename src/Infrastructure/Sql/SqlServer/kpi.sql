-- KPI totals over S; ratios and rounding are derived from them in the application.
SELECT
    COUNT_BIG(*) AS customers,
    COALESCE(SUM(s.bills), 0) AS bills,
    COALESCE(SUM(s.units), 0) AS units,
    COALESCE(SUM(s.spend), 0) AS spend,
    COALESCE(SUM(s.profit), 0) AS profit,
    COALESCE(SUM(CASE WHEN s.visits >= 2 THEN CAST(1 AS BIGINT) ELSE 0 END), 0) AS returning_customers,
    COALESCE(SUM(CASE WHEN s.visits >= 2 THEN CAST(s.active_days AS BIGINT) ELSE 0 END), 0) AS return_gap_days,
    COALESCE(SUM(CASE WHEN s.visits >= 2 THEN CAST(s.visits - 1 AS BIGINT) ELSE 0 END), 0) AS return_gap_count
FROM selection AS s;
