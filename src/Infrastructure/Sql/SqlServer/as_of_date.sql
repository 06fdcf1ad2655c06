-- The as-of date A (contract step 2): end_date when given, else the latest transaction date of the whole relation.
SELECT COALESCE(CAST(@end_date AS DATE), (SELECT MAX(transaction_date) FROM campaign.transactions)) AS as_of_date;
