-- Customers of S per visits bucket index.
SELECT s.visits_bucket AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.visits_bucket;
