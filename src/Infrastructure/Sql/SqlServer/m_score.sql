-- Customers of S per M score (scores were assigned over all of P).
SELECT s.m_score AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.m_score;
