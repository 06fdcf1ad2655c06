-- How many customers S holds: the customers list's total.
SELECT COUNT_BIG(*) AS total FROM selection;
