-- The customers of S, one row each (contract section 6), in the requested order: the rows from $page_offset on,
-- at most $page_size of them (the export asks for all). The order is static SQL: $sort is a key of section 6 (the
-- application lets no other value through) and $descending its direction (1 or 0); each key has a CASE per
-- direction, the others evaluate to null. Ties go by customer_id, so the order is total and pages never overlap.
-- `prediction` orders by the prediction's fields (contract section 10); the application joins the real forecasts only
-- for those sort keys (else prediction_none.sql) and fills the fields of a page's rows itself. A missing name sorts
-- last in both directions; names sort by the binary order of their lower-cased text.
-- Dates as TIMESTAMP: both engines then hand the same .NET type to the row.
SELECT
    s.customer_id,
    c.customer_name,
    c.mobile,
    s.r_score,
    s.f_score,
    s.m_score,
    date_diff('day', s.last_date, CAST($as_of_date AS DATE)) AS recency_days,
    s.visits,
    s.bills,
    s.units,
    s.spend,
    s.profit,
    CAST(s.first_date AS TIMESTAMP) AS first_purchase,
    CAST(s.last_date AS TIMESTAMP) AS last_purchase,
    CAST(s.acquired_date AS TIMESTAMP) AS acquired
FROM selection AS s
LEFT JOIN campaign.customers AS c ON c.customer_id = s.customer_id
LEFT JOIN prediction AS p ON p.customer_id = s.customer_id
ORDER BY
    CASE WHEN $sort = 'customer_name' AND c.customer_name IS NULL THEN 1 ELSE 0 END,
    CASE WHEN $sort = 'spend' AND $descending = 0 THEN s.spend END ASC,
    CASE WHEN $sort = 'spend' AND $descending = 1 THEN s.spend END DESC,
    CASE WHEN $sort = 'visits' AND $descending = 0 THEN s.visits END ASC,
    CASE WHEN $sort = 'visits' AND $descending = 1 THEN s.visits END DESC,
    CASE WHEN $sort = 'recency_days' AND $descending = 0 THEN s.last_date END DESC,
    CASE WHEN $sort = 'recency_days' AND $descending = 1 THEN s.last_date END ASC,
    CASE WHEN $sort = 'last_purchase' AND $descending = 0 THEN s.last_date END ASC,
    CASE WHEN $sort = 'last_purchase' AND $descending = 1 THEN s.last_date END DESC,
    CASE WHEN $sort = 'profit' AND $descending = 0 THEN s.profit END ASC,
    CASE WHEN $sort = 'profit' AND $descending = 1 THEN s.profit END DESC,
    CASE WHEN $sort = 'customer_name' AND $descending = 0 THEN lower(c.customer_name) END ASC,
    CASE WHEN $sort = 'customer_name' AND $descending = 1 THEN lower(c.customer_name) END DESC,
    CASE WHEN $sort = 'r_score' AND $descending = 0 THEN s.r_score END ASC,
    CASE WHEN $sort = 'r_score' AND $descending = 1 THEN s.r_score END DESC,
    CASE WHEN $sort = 'f_score' AND $descending = 0 THEN s.f_score END ASC,
    CASE WHEN $sort = 'f_score' AND $descending = 1 THEN s.f_score END DESC,
    CASE WHEN $sort = 'm_score' AND $descending = 0 THEN s.m_score END ASC,
    CASE WHEN $sort = 'm_score' AND $descending = 1 THEN s.m_score END DESC,
    CASE WHEN $sort = 'p_alive' AND $descending = 0 THEN p.p_alive END ASC,
    CASE WHEN $sort = 'p_alive' AND $descending = 1 THEN p.p_alive END DESC,
    CASE WHEN $sort = 'expected_visits' AND $descending = 0 THEN p.expected_visits END ASC,
    CASE WHEN $sort = 'expected_visits' AND $descending = 1 THEN p.expected_visits END DESC,
    CASE WHEN $sort = 'expected_spend' AND $descending = 0 THEN p.expected_spend END ASC,
    CASE WHEN $sort = 'expected_spend' AND $descending = 1 THEN p.expected_spend END DESC,
    CASE WHEN $sort = 'predicted_clv' AND $descending = 0 THEN p.predicted_clv END ASC,
    CASE WHEN $sort = 'predicted_clv' AND $descending = 1 THEN p.predicted_clv END DESC,
    CASE WHEN $sort = 'customer_id' AND $descending = 1 THEN s.customer_id END DESC,
    s.customer_id ASC
LIMIT $page_size OFFSET $page_offset
