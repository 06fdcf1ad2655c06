-- KPI totals over S; ratios and rounding are derived from them in the application.
SELECT
    COUNT(*) AS customers,
    CAST(COALESCE(SUM(s.bills), 0) AS BIGINT) AS bills,
    CAST(COALESCE(SUM(s.units), 0) AS BIGINT) AS units,
    COALESCE(SUM(s.spend), 0) AS spend,
    COALESCE(SUM(s.profit), 0) AS profit,
    COUNT(*) FILTER (WHERE s.visits >= 2) AS returning_customers,
    CAST(COALESCE(SUM(s.active_days) FILTER (WHERE s.visits >= 2), 0) AS BIGINT) AS return_gap_days,
    CAST(COALESCE(SUM(s.visits - 1) FILTER (WHERE s.visits >= 2), 0) AS BIGINT) AS return_gap_count
FROM selection AS s
