-- S counted per combination of scores and buckets (at most a few thousand rows, whatever the size of S), with the
-- sums the KPIs need: the KPI, distribution, R x F and segment widgets read these instead of every customer of S, so
-- that S is scored once per request (DuckDB keeps them in a table for the request, made from the cells of P, which it
-- keeps with P, when no mobile or name filter is given: MaterializedSelectionInputs).
-- `is_returning`: two or more visits (the return-period bucket is null otherwise).
selection_cells AS (
    SELECT
        s.r_score, s.f_score, s.m_score, s.recency_bucket, s.visits_bucket, s.spend_bucket, s.return_bucket,
        s.visits >= 2 AS is_returning,
        COUNT(*) AS customers,
        CAST(SUM(s.bills) AS BIGINT) AS bills,
        CAST(SUM(s.units) AS BIGINT) AS units,
        SUM(s.spend) AS spend,
        SUM(s.profit) AS profit,
        CAST(SUM(s.visits) AS BIGINT) AS visits,
        CAST(SUM(s.active_days) AS BIGINT) AS active_days
    FROM selection AS s
    GROUP BY s.r_score, s.f_score, s.m_score, s.recency_bucket, s.visits_bucket, s.spend_bucket, s.return_bucket, is_returning
)
