-- How many customers S holds: the customers list's total, summed over S's cells (selection_cells.sql), which a request
-- without a mobile or name filter takes from its population's cells instead of scoring every customer again
-- (SQL Server, whose S is read inline, counts S).
SELECT CAST(COALESCE(SUM(c.customers), 0) AS BIGINT) AS total FROM selection_cells AS c
