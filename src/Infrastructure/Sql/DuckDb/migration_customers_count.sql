-- How many customers the flow holds: the flow's customers list's total.
SELECT COUNT(*) AS total FROM flow
