-- Recomputes campaign.customer_days for the customers in campaign_import.affected_customers (those of a large batch,
-- derived/import_affected_customers.sql, or every customer with transactions, derived/rebuild.sql), from their
-- transactions and registration dates, for one range of customer ids (derived/affected_customer_ids.sql): each
-- range's aggregate and sort fit a small memory limit, and the visits are written in customer order. Runs inside the
-- import's or the rebuild's transaction. Profit counts as 0 where it is missing, as in the contract's totals.
DELETE FROM campaign.customer_days
WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id
  AND customer_id IN (
      SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id);

INSERT INTO campaign.customer_days (customer_id, transaction_date, bills, units, spend, profit, acquired_date)
SELECT
    d.customer_id,
    d.transaction_date,
    d.bills,
    d.units,
    d.spend,
    d.profit,
    COALESCE(c.registration_date, MIN(d.transaction_date) OVER (PARTITION BY d.customer_id))
FROM (
    SELECT
        t.customer_id,
        t.transaction_date,
        CAST(COUNT(*) AS INTEGER) AS bills,
        CAST(SUM(t.quantity) AS BIGINT) AS units,
        CAST(SUM(t.amount) AS DECIMAL(18, 2)) AS spend,
        CAST(SUM(COALESCE(t.profit, 0)) AS DECIMAL(18, 2)) AS profit
    FROM campaign.transactions AS t
    WHERE t.customer_id BETWEEN $first_customer_id AND $last_customer_id
      AND t.customer_id IN (
          SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id)
    GROUP BY t.customer_id, t.transaction_date
) AS d
LEFT JOIN campaign.customers AS c ON c.customer_id = d.customer_id
ORDER BY d.customer_id, d.transaction_date
