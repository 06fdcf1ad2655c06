-- Customers and spend of S per (R, F) cell: at most 25 rows, the R x F heatmap.
SELECT s.r_score, s.f_score, COUNT_BIG(*) AS customers, SUM(s.spend) AS spend
FROM selection AS s
GROUP BY s.r_score, s.f_score;
