-- Transactions whose customer is neither in the database nor in the batch.
SELECT t.line, t.customer_id
FROM campaign_import.transactions AS t
WHERE NOT EXISTS (SELECT 1 FROM campaign.customers AS c WHERE c.customer_id = t.customer_id)
  AND NOT EXISTS (SELECT 1 FROM campaign_import.customers AS s WHERE s.customer_id = t.customer_id)
ORDER BY t.line
LIMIT $max_errors
