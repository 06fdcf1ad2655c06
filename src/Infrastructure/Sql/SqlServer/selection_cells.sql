-- S counted per combination of scores and buckets (at most a few thousand rows, whatever the size of S), with the
-- sums the KPIs need: the KPI, distribution, R x F and segment widgets read these instead of every customer of S, so
-- that S is scored once per request (DuckDB keeps them in a table for the request: MaterializedSelectionInputs).
-- `is_returning`: two or more visits (the return-period bucket is null otherwise).
selection_cells AS (
    SELECT
        s.r_score, s.f_score, s.m_score, s.recency_bucket, s.visits_bucket, s.spend_bucket, s.return_bucket,
        CASE WHEN s.visits >= 2 THEN 1 ELSE 0 END AS is_returning,
        COUNT_BIG(*) AS customers,
        SUM(CAST(s.bills AS BIGINT)) AS bills,
        SUM(CAST(s.units AS BIGINT)) AS units,
        SUM(s.spend) AS spend,
        SUM(s.profit) AS profit,
        SUM(CAST(s.visits AS BIGINT)) AS visits,
        SUM(CAST(s.active_days AS BIGINT)) AS active_days
    FROM selection AS s
    GROUP BY s.r_score, s.f_score, s.m_score, s.recency_bucket, s.visits_bucket, s.spend_bucket, s.return_bucket,
        CASE WHEN s.visits >= 2 THEN 1 ELSE 0 END
)
