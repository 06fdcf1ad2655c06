-- Customers and spend of S per (R, F) cell, from its cells (selection_cells.sql): at most 25 rows, the R x F heatmap.
SELECT c.r_score, c.f_score, CAST(SUM(c.customers) AS BIGINT) AS customers, SUM(c.spend) AS spend
FROM selection_cells AS c
GROUP BY c.r_score, c.f_score
