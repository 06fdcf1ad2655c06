-- Customers of S per F score (scores were assigned over all of P).
SELECT s.f_score AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.f_score;
