-- How many customers the flow holds: the flow's customers list's total.
SELECT COUNT_BIG(*) AS total FROM flow;
