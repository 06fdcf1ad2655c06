-- Returning customers of S (two or more visits) per return-period bucket index.
SELECT s.return_bucket AS category, COUNT_BIG(*) AS customers
FROM selection AS s
WHERE s.return_bucket IS NOT NULL
GROUP BY s.return_bucket;
