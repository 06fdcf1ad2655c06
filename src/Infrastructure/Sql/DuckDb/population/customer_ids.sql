-- How many customers have bought, and their first and last ids: the ranges a window's measures are aggregated in.
SELECT COUNT(*) AS customers, MIN(customer_id) AS first_id, MAX(customer_id) AS last_id FROM campaign.customer_totals
