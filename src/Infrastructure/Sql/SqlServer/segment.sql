-- Customers, spend and bills of S per (R, F, M) cell, from its cells (selection_cells.sql): at most 125 rows, from
-- which the segment rules of the request's scheme are applied (in C#: no segment rule is written in SQL).
SELECT c.r_score, c.f_score, c.m_score, SUM(c.customers) AS customers, SUM(c.spend) AS spend, SUM(c.bills) AS bills
FROM selection_cells AS c
GROUP BY c.r_score, c.f_score, c.m_score;
