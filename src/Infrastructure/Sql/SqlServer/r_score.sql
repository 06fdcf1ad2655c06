-- Customers of S per R score (scores were assigned over all of P).
SELECT s.r_score AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.r_score;
