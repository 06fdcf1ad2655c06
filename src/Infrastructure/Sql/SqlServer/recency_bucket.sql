-- Customers of S per recency bucket index.
SELECT s.recency_bucket AS category, COUNT_BIG(*) AS customers
FROM selection AS s
GROUP BY s.recency_bucket;
