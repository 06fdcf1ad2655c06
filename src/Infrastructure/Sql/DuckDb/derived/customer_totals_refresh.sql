-- Recomputes campaign.customer_totals for the customers in campaign_import.affected_customers, for one range of
-- customer ids (derived/affected_customer_ids.sql), from their visits as they are now, with the measures a dashboard
-- window computes (population/measures.sql, in place of the braces below), the fiscal years counted back from
-- $as_of_fiscal_year (the reference year of campaign.customer_totals_basis). Runs in the import's (or the start's)
-- transaction, after the visits are written.
DELETE FROM campaign.customer_totals
WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id
  AND customer_id IN (
      SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id);

INSERT INTO campaign.customer_totals
WITH window_days AS NOT MATERIALIZED (
    SELECT d.*
    FROM campaign.customer_days AS d
    WHERE d.customer_id BETWEEN $first_customer_id AND $last_customer_id
      AND d.customer_id IN (
          SELECT customer_id FROM campaign_import.affected_customers WHERE customer_id BETWEEN $first_customer_id AND $last_customer_id)
),
{measures}
SELECT * FROM measures
ORDER BY customer_id
