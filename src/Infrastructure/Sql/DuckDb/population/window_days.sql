-- The visits of a dashboard window (contract step 1), read by population/measures.sql: campaign.customer_days, one
-- row per customer and purchase day, kept by the importer, for the customers from $first_customer_id to
-- $last_customer_id (the window's measures are aggregated a range of customers at a time: ScoredPopulationBuilder).
-- Not materialized: it holds every visit of the window.
window_days AS NOT MATERIALIZED (
    SELECT d.*
    FROM campaign.customer_days AS d
    WHERE d.customer_id BETWEEN $first_customer_id AND $last_customer_id
      AND (CAST($start_date AS DATE) IS NULL OR d.transaction_date >= CAST($start_date AS DATE))
      AND (CAST($end_date AS DATE) IS NULL OR d.transaction_date <= CAST($end_date AS DATE))
)
