-- Customers of S per spend bucket index.
SELECT s.spend_bucket AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.spend_bucket;
