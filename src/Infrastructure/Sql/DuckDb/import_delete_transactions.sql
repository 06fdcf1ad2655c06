-- Removes the existing transactions that staged ones replace, for one range of ids: filtering both sides keeps
-- the join's hash table to one range, so replacing ten million rows fits a small memory limit. Their customers
-- are noted first: a replaced transaction may have belonged to another customer, whose visits change too.
INSERT INTO campaign_import.affected_customers
SELECT t.customer_id
FROM campaign.transactions AS t
JOIN campaign_import.transactions AS s ON s.transaction_id = t.transaction_id
WHERE t.transaction_id BETWEEN $first_id AND $last_id
  AND s.transaction_id BETWEEN $first_id AND $last_id;

DELETE FROM campaign.transactions AS t
USING campaign_import.transactions AS s
WHERE t.transaction_id = s.transaction_id
  AND t.transaction_id BETWEEN $first_id AND $last_id
  AND s.transaction_id BETWEEN $first_id AND $last_id
