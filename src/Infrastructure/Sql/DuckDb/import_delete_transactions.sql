-- Removes the existing transactions that staged ones replace, for one range of ids: filtering both sides keeps
-- the join's hash table to one range, so replacing ten million rows fits a small memory limit. They are kept first:
-- their visits (perhaps another customer's) lose them.
INSERT INTO campaign_import.replaced_transactions
SELECT t.customer_id, t.transaction_date, t.amount, t.quantity, t.profit
FROM campaign.transactions AS t
JOIN campaign_import.transactions AS s ON s.transaction_id = t.transaction_id
WHERE t.transaction_id BETWEEN $first_id AND $last_id
  AND s.transaction_id BETWEEN $first_id AND $last_id;

DELETE FROM campaign.transactions AS t
USING campaign_import.transactions AS s
WHERE t.transaction_id = s.transaction_id
  AND t.transaction_id BETWEEN $first_id AND $last_id
  AND s.transaction_id BETWEEN $first_id AND $last_id
