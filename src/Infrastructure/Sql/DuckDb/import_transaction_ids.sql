-- The staged transaction ids' range and count: the importer replaces existing transactions range by range.
SELECT MIN(transaction_id) AS first_id, MAX(transaction_id) AS last_id, COUNT(*) AS staged
FROM campaign_import.transactions
