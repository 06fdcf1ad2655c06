-- The customers of the flow, one row each, in the requested order ($sort: customer_id, spend_before, spend_after
-- or last_purchase; $descending 1 or 0; ties by customer_id), from $page_offset on, at most $page_size of them.
-- last_purchase is the latest purchase on or before the second snapshot's date: its last purchase in that
-- snapshot, or for a customer absent from it (a window of days), the latest before the window.
SELECT *
FROM (
    SELECT
        fl.customer_id,
        c.customer_name,
        c.mobile,
        fl.from_r,
        fl.from_f,
        fl.from_m,
        fl.to_r,
        fl.to_f,
        fl.to_m,
        fl.spend_before,
        fl.spend_after,
        CAST(COALESCE(fl.last_date_after,
                      (SELECT MAX(d.transaction_date) FROM campaign.customer_days AS d
                       WHERE d.customer_id = fl.customer_id AND d.transaction_date <= CAST($as_of_date AS DATE)))
             AS TIMESTAMP) AS last_purchase
    FROM flow AS fl
    LEFT JOIN campaign.customers AS c ON c.customer_id = fl.customer_id
) AS r
ORDER BY
    CASE WHEN $sort = 'spend_before' AND $descending = 0 THEN r.spend_before END ASC,
    CASE WHEN $sort = 'spend_before' AND $descending = 1 THEN r.spend_before END DESC,
    CASE WHEN $sort = 'spend_after' AND $descending = 0 THEN r.spend_after END ASC,
    CASE WHEN $sort = 'spend_after' AND $descending = 1 THEN r.spend_after END DESC,
    CASE WHEN $sort = 'last_purchase' AND $descending = 0 THEN r.last_purchase END ASC,
    CASE WHEN $sort = 'last_purchase' AND $descending = 1 THEN r.last_purchase END DESC,
    CASE WHEN $sort = 'customer_id' AND $descending = 1 THEN r.customer_id END DESC,
    r.customer_id ASC
LIMIT $page_size OFFSET $page_offset
