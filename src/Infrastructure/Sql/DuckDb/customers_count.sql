-- How many customers S holds: the customers list's total.
SELECT COUNT(*) AS total FROM selection
