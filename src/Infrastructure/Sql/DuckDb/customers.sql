-- The customers of S, one row each (contract section 6), in the requested order: the rows from $page_offset on,
-- at most $page_size of them (the export asks for all). The order is static SQL: $sort is a key of section 6 (the
-- application lets no other value through) and $descending its direction (1 or 0). Ties go by customer_id, so the
-- order is total and pages never overlap.
-- `prediction` orders by the prediction's fields (contract section 10); the application joins the real forecasts only
-- for those sort keys (else prediction_none.sql) and fills the fields of a page's rows itself. A missing name sorts
-- last in both directions; names sort by the binary order of their lower-cased text.
-- Dates as TIMESTAMP: both engines then hand the same .NET type to the row.
-- Each customer's place in the requested order, as keys: one number for every numeric key (negated when descending,
-- so that one ascending key serves both directions; a null stays last), the lower-cased name in each direction. The
-- page is picked by them before the names and mobiles are joined (joined to every customer of S first, they cost
-- more than its scoring), then its rows are ordered by them again.
, ordered AS (
    SELECT
        s.*,
        CASE WHEN $sort = 'customer_name' AND n.customer_name IS NULL THEN 1 ELSE 0 END AS name_missing,
        -- Exact: the branches' common type is a decimal wide enough for each of them.
        CASE WHEN $descending = 1 THEN -1 ELSE 1 END * CASE $sort
            WHEN 'spend' THEN s.spend
            WHEN 'visits' THEN s.visits
            WHEN 'recency_days' THEN -(s.last_date - DATE '1970-01-01')
            WHEN 'last_purchase' THEN s.last_date - DATE '1970-01-01'
            WHEN 'profit' THEN s.profit
            WHEN 'r_score' THEN s.r_score
            WHEN 'f_score' THEN s.f_score
            WHEN 'm_score' THEN s.m_score
            WHEN 'p_alive' THEN p.p_alive
            WHEN 'expected_visits' THEN p.expected_visits
            WHEN 'expected_spend' THEN p.expected_spend
            WHEN 'predicted_clv' THEN p.predicted_clv
            WHEN 'customer_id' THEN s.customer_id
        END AS number_key,
        CASE WHEN $descending = 0 THEN lower(n.customer_name) END AS name_ascending,
        CASE WHEN $descending = 1 THEN lower(n.customer_name) END AS name_descending
    FROM selection AS s
    -- The names only for an order by name (else no row joins).
    LEFT JOIN campaign.customers AS n ON n.customer_id = s.customer_id AND $sort = 'customer_name'
    LEFT JOIN prediction AS p ON p.customer_id = s.customer_id
),
page AS (
    SELECT *
    FROM ordered AS o
    ORDER BY o.name_missing, o.number_key, o.name_ascending ASC, o.name_descending DESC, o.customer_id
    LIMIT $page_size OFFSET $page_offset
)
SELECT
    o.customer_id,
    c.customer_name,
    c.mobile,
    o.r_score,
    o.f_score,
    o.m_score,
    date_diff('day', o.last_date, CAST($as_of_date AS DATE)) AS recency_days,
    o.visits,
    o.bills,
    o.units,
    o.spend,
    o.profit,
    CAST(o.first_date AS TIMESTAMP) AS first_purchase,
    CAST(o.last_date AS TIMESTAMP) AS last_purchase,
    CAST(o.acquired_date AS TIMESTAMP) AS acquired
FROM page AS o
LEFT JOIN campaign.customers AS c ON c.customer_id = o.customer_id
ORDER BY o.name_missing, o.number_key, o.name_ascending ASC, o.name_descending DESC, o.customer_id
