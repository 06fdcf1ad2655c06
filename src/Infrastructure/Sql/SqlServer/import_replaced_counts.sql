-- How many staged rows will replace a row with the same id.
SELECT
    (SELECT COUNT_BIG(*) FROM #import_customers AS s
     WHERE EXISTS (SELECT 1 FROM campaign.customers AS c WHERE c.customer_id = s.customer_id)) AS customers,
    (SELECT COUNT_BIG(*) FROM #import_transactions AS s
     WHERE EXISTS (SELECT 1 FROM campaign.transactions AS t WHERE t.transaction_id = s.transaction_id)) AS transactions;
