-- The customers of two snapshots (contract section 9), one row each: every customer in at least one of them, with
-- its cell in each (null where it is absent: NOT ACTIVE there) and its spend in each (0 where absent). The mobile
-- and name filters keep the customers they match; scores stay those of the whole snapshot. $from_cells and
-- $to_cells keep one segment of a side: null = any, 'NOT ACTIVE' = absent from that snapshot, else the 125
-- characters of the segment's cells ('1' = kept, the cell (r, f, m) at position (r - 1) * 25 + (f - 1) * 5 + m).
flow AS (
    SELECT
        COALESCE(f.customer_id, t.customer_id) AS customer_id,
        f.r_score AS from_r,
        f.f_score AS from_f,
        f.m_score AS from_m,
        t.r_score AS to_r,
        t.f_score AS to_f,
        t.m_score AS to_m,
        COALESCE(f.spend, 0) AS spend_before,
        COALESCE(t.spend, 0) AS spend_after,
        t.last_date AS last_date_after
    FROM from_population AS f
    FULL OUTER JOIN to_population AS t ON t.customer_id = f.customer_id
    WHERE ((CAST($mobile_digits_1 AS VARCHAR) IS NULL AND CAST($name_contains AS VARCHAR) IS NULL)
           OR COALESCE(f.customer_id, t.customer_id) IN (SELECT m.customer_id FROM customer_matches AS m))
      AND (CAST($from_cells AS VARCHAR) IS NULL
           OR (f.customer_id IS NULL AND $from_cells = 'NOT ACTIVE')
           OR (f.customer_id IS NOT NULL AND substring($from_cells, (f.r_score - 1) * 25 + (f.f_score - 1) * 5 + f.m_score, 1) = '1'))
      AND (CAST($to_cells AS VARCHAR) IS NULL
           OR (t.customer_id IS NULL AND $to_cells = 'NOT ACTIVE')
           OR (t.customer_id IS NOT NULL AND substring($to_cells, (t.r_score - 1) * 25 + (t.f_score - 1) * 5 + t.m_score, 1) = '1'))
)
