-- Ids given more than once in the batch: every line after the first is an error naming the first.
WITH customer_duplicates AS (
    SELECT customer_id AS id FROM #import_customers GROUP BY customer_id HAVING COUNT_BIG(*) > 1
),
transaction_duplicates AS (
    SELECT transaction_id AS id FROM #import_transactions GROUP BY transaction_id HAVING COUNT_BIG(*) > 1
),
lines AS (
    SELECT 'customers' AS relation, s.customer_id AS id, s.line,
           MIN(s.line) OVER (PARTITION BY s.customer_id) AS first_line
    FROM #import_customers AS s
    WHERE s.customer_id IN (SELECT id FROM customer_duplicates)
    UNION ALL
    SELECT 'transactions', s.transaction_id, s.line,
           MIN(s.line) OVER (PARTITION BY s.transaction_id)
    FROM #import_transactions AS s
    WHERE s.transaction_id IN (SELECT id FROM transaction_duplicates)
)
SELECT TOP (@max_errors) relation, id, line, first_line
FROM lines
WHERE line <> first_line
ORDER BY relation, line;
