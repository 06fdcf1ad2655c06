-- Customers and spend of S per (R, F, M) cell: at most 125 rows, from which the segment rules are applied.
SELECT s.r_score, s.f_score, s.m_score, COUNT_BIG(*) AS customers, SUM(s.spend) AS spend
FROM selection AS s
GROUP BY s.r_score, s.f_score, s.m_score;
