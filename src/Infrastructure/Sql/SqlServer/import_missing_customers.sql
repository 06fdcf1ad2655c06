-- Transactions whose customer is neither in the database nor in the batch.
SELECT TOP (@max_errors) t.line, t.customer_id
FROM #import_transactions AS t
WHERE NOT EXISTS (SELECT 1 FROM campaign.customers AS c WHERE c.customer_id = t.customer_id)
  AND NOT EXISTS (SELECT 1 FROM #import_customers AS s WHERE s.customer_id = t.customer_id)
ORDER BY t.line;
