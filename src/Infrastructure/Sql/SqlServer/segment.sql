-- Customers, spend and bills of S per (R, F, M) cell: at most 125 rows, from which the segment rules of the
-- request's scheme are applied (in C#: no segment rule is written in SQL).
SELECT s.r_score, s.f_score, s.m_score, COUNT_BIG(*) AS customers, SUM(s.spend) AS spend, SUM(s.bills) AS bills
FROM selection AS s
GROUP BY s.r_score, s.f_score, s.m_score;
