-- The range and count of the customers whose customer_days are recomputed: the refresh runs range by range.
SELECT MIN(customer_id) AS first_id, MAX(customer_id) AS last_id, COUNT(DISTINCT customer_id) AS customers
FROM campaign_import.affected_customers
