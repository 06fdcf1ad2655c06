-- The selected customers' forecasts (contract section 10) summed per (R, F, M) cell: at most 125 rows, which the
-- application sums per segment of the request's scheme. `prediction` holds every fitted customer's reported
-- (rounded) forecast; every customer of S has one (S's customers all bought on or before the as-of date).
SELECT
    s.r_score,
    s.f_score,
    s.m_score,
    COUNT_BIG(*) AS customers,
    SUM(p.p_alive) AS p_alive,
    SUM(p.expected_visits) AS expected_visits,
    SUM(p.expected_spend) AS expected_spend,
    COUNT_BIG(CASE WHEN p.p_alive < @likely_lapsed_below THEN 1 END) AS likely_lapsed
FROM selection AS s
JOIN prediction AS p ON p.customer_id = s.customer_id
GROUP BY s.r_score, s.f_score, s.m_score;
