-- Customers per (from cell, to cell) of the flow: at most 126 x 126 rows. Segments, and NOT ACTIVE for a side
-- without a cell, come from the cells in C#: no segment rule is written in SQL.
SELECT fl.from_r, fl.from_f, fl.from_m, fl.to_r, fl.to_f, fl.to_m, COUNT(*) AS customers
FROM flow AS fl
GROUP BY fl.from_r, fl.from_f, fl.from_m, fl.to_r, fl.to_f, fl.to_m
