-- Recomputes campaign.customer_days for the customers an import touched (campaign_import.affected_customers:
-- those of the staged transactions and of the transactions they replaced), from their transactions, for one range
-- of customer ids (derived/affected_customer_ids.sql): each range's aggregate and sort fit a small memory limit.
-- Runs inside the import's write transaction. Profit counts as 0 where it is missing, as in the contract's totals.
DELETE FROM campaign.customer_days
WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id
  AND customer_id IN (
      SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id);

INSERT INTO campaign.customer_days (customer_id, transaction_date, bills, units, spend, profit)
SELECT
    t.customer_id,
    t.transaction_date,
    CAST(COUNT(*) AS INTEGER),
    CAST(SUM(t.quantity) AS BIGINT),
    CAST(SUM(t.amount) AS DECIMAL(18, 2)),
    CAST(SUM(COALESCE(t.profit, 0)) AS DECIMAL(18, 2))
FROM campaign.transactions AS t
WHERE t.customer_id BETWEEN $first_customer_id AND $last_customer_id
  AND t.customer_id IN (
      SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id)
GROUP BY t.customer_id, t.transaction_date
ORDER BY t.customer_id, t.transaction_date
