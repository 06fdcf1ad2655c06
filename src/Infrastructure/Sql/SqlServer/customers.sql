-- The customers of S, one row each (contract section 6), in the requested order: the rows from @page_offset on,
-- at most @page_size of them (the export asks for all). The order is static SQL: @sort is a key of section 6 (the
-- application lets no other value through) and @descending its direction (1 or 0); each key has a CASE per
-- direction, the others evaluate to null. Ties go by customer_id, so the order is total and pages never overlap.
-- `prediction` orders by the prediction's fields (contract section 10); the application joins the real forecasts only
-- for those sort keys (else prediction_none.sql) and fills the fields of a page's rows itself. A missing name sorts
-- last in both directions; names sort by the binary order of their lower-cased text.
-- acquired: the registration date, else the first transaction in the whole relation (an index seek per row).
SELECT
    s.customer_id,
    c.customer_name,
    c.mobile,
    s.r_score,
    s.f_score,
    s.m_score,
    s.recency_days,
    s.visits,
    s.bills,
    s.units,
    s.spend,
    s.profit,
    CAST(s.first_date AS DATETIME2) AS first_purchase,
    CAST(s.last_date AS DATETIME2) AS last_purchase,
    CAST(COALESCE(s.registration_date,
                  (SELECT MIN(t.transaction_date) FROM campaign.transactions AS t WHERE t.customer_id = s.customer_id))
         AS DATETIME2) AS acquired
FROM selection AS s
LEFT JOIN campaign.customers AS c ON c.customer_id = s.customer_id
LEFT JOIN prediction AS p ON p.customer_id = s.customer_id
ORDER BY
    CASE WHEN @sort = N'customer_name' AND c.customer_name IS NULL THEN 1 ELSE 0 END,
    CASE WHEN @sort = N'spend' AND @descending = 0 THEN s.spend END ASC,
    CASE WHEN @sort = N'spend' AND @descending = 1 THEN s.spend END DESC,
    CASE WHEN @sort = N'visits' AND @descending = 0 THEN s.visits END ASC,
    CASE WHEN @sort = N'visits' AND @descending = 1 THEN s.visits END DESC,
    CASE WHEN @sort = N'recency_days' AND @descending = 0 THEN s.last_date END DESC,
    CASE WHEN @sort = N'recency_days' AND @descending = 1 THEN s.last_date END ASC,
    CASE WHEN @sort = N'last_purchase' AND @descending = 0 THEN s.last_date END ASC,
    CASE WHEN @sort = N'last_purchase' AND @descending = 1 THEN s.last_date END DESC,
    CASE WHEN @sort = N'profit' AND @descending = 0 THEN s.profit END ASC,
    CASE WHEN @sort = N'profit' AND @descending = 1 THEN s.profit END DESC,
    CASE WHEN @sort = N'customer_name' AND @descending = 0 THEN LOWER(c.customer_name) COLLATE Latin1_General_100_BIN2 END ASC,
    CASE WHEN @sort = N'customer_name' AND @descending = 1 THEN LOWER(c.customer_name) COLLATE Latin1_General_100_BIN2 END DESC,
    CASE WHEN @sort = N'r_score' AND @descending = 0 THEN s.r_score END ASC,
    CASE WHEN @sort = N'r_score' AND @descending = 1 THEN s.r_score END DESC,
    CASE WHEN @sort = N'f_score' AND @descending = 0 THEN s.f_score END ASC,
    CASE WHEN @sort = N'f_score' AND @descending = 1 THEN s.f_score END DESC,
    CASE WHEN @sort = N'm_score' AND @descending = 0 THEN s.m_score END ASC,
    CASE WHEN @sort = N'm_score' AND @descending = 1 THEN s.m_score END DESC,
    CASE WHEN @sort = N'p_alive' AND @descending = 0 THEN p.p_alive END ASC,
    CASE WHEN @sort = N'p_alive' AND @descending = 1 THEN p.p_alive END DESC,
    CASE WHEN @sort = N'expected_visits' AND @descending = 0 THEN p.expected_visits END ASC,
    CASE WHEN @sort = N'expected_visits' AND @descending = 1 THEN p.expected_visits END DESC,
    CASE WHEN @sort = N'expected_spend' AND @descending = 0 THEN p.expected_spend END ASC,
    CASE WHEN @sort = N'expected_spend' AND @descending = 1 THEN p.expected_spend END DESC,
    CASE WHEN @sort = N'predicted_clv' AND @descending = 0 THEN p.predicted_clv END ASC,
    CASE WHEN @sort = N'predicted_clv' AND @descending = 1 THEN p.predicted_clv END DESC,
    CASE WHEN @sort = N'customer_id' AND @descending = 1 THEN s.customer_id END DESC,
    s.customer_id ASC
OFFSET @page_offset ROWS FETCH NEXT @page_size ROWS ONLY;
