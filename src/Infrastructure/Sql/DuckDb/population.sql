-- The scored population P (contract steps 1-4) as CTEs ending in `population`: one row per customer with a
-- transaction in the window, its measures, its R/F/M scores over all of P, its bucket indices, and what the
-- filters and the fiscal-year widget need (mobile digits, lower-case name, fiscal years active, year acquired),
-- so that no widget has to read the transactions again.
-- as_of_date is the result of as_of_date.sql. Bucket bounds are parameters taken from the domain's bucket families, so they are defined once.
per_customer AS (
    SELECT
        t.customer_id,
        COUNT(DISTINCT t.transaction_date) AS visits,
        COUNT(*) AS bills,
        CAST(SUM(t.quantity) AS BIGINT) AS units,
        SUM(t.amount) AS spend,
        SUM(COALESCE(t.profit, 0)) AS profit,
        MIN(t.transaction_date) AS first_date,
        MAX(t.transaction_date) AS last_date,
        -- A date's fiscal year: the calendar year of the date shifted back by (start month - 1) months.
        list(DISTINCT CAST(year(t.transaction_date - to_months($fiscal_year_start_month - 1)) AS INTEGER)) AS fiscal_years
    FROM campaign.transactions AS t
    WHERE (CAST($start_date AS DATE) IS NULL OR t.transaction_date >= CAST($start_date AS DATE))
      AND (CAST($end_date AS DATE) IS NULL OR t.transaction_date <= CAST($end_date AS DATE))
    GROUP BY t.customer_id
),
-- First purchases before the window: with the window's own first dates, the first purchase in the whole relation.
earlier_purchase AS (
    SELECT t.customer_id, MIN(t.transaction_date) AS first_date
    FROM campaign.transactions AS t
    WHERE t.transaction_date < CAST($start_date AS DATE)
    GROUP BY t.customer_id
),
measured AS (
    SELECT
        pc.*,
        date_diff('day', pc.last_date, CAST($as_of_date AS DATE)) AS recency_days,
        -- (last - first): over (visits - 1) it is the mean gap between consecutive visits.
        date_diff('day', pc.first_date, pc.last_date) AS active_days
    FROM per_customer AS pc
),
-- NTILE over a narrow projection: the window sorts carry four columns, not the whole wide row.
scores AS (
    SELECT
        m.customer_id,
        CAST(NTILE(5) OVER (ORDER BY m.recency_days DESC, m.customer_id ASC) AS INTEGER) AS r_score,
        CAST(NTILE(5) OVER (ORDER BY m.visits ASC, m.customer_id ASC) AS INTEGER) AS f_score,
        CAST(NTILE(5) OVER (ORDER BY m.spend ASC, m.customer_id ASC) AS INTEGER) AS m_score
    FROM measured AS m
),
population AS (
    SELECT
        m.customer_id,
        c.customer_name,
        lower(c.customer_name) AS name_lower,
        translate(c.mobile, $mobile_ignored_characters, '') AS mobile_digits,
        m.fiscal_years,
        CAST(year(COALESCE(c.registration_date, e.first_date, m.first_date) - to_months($fiscal_year_start_month - 1)) AS INTEGER)
            AS acquired_fiscal_year,
        m.visits,
        m.bills,
        m.units,
        m.spend,
        m.profit,
        m.recency_days,
        m.active_days,
        sc.r_score,
        sc.f_score,
        sc.m_score,
        CASE
            WHEN m.recency_days <= $recency_upper_1 THEN 0
            WHEN m.recency_days <= $recency_upper_2 THEN 1
            WHEN m.recency_days <= $recency_upper_3 THEN 2
            WHEN m.recency_days <= $recency_upper_4 THEN 3
            WHEN m.recency_days <= $recency_upper_5 THEN 4
            ELSE 5
        END AS recency_bucket,
        CASE
            WHEN m.visits <= $visits_upper_1 THEN 0
            WHEN m.visits <= $visits_upper_2 THEN 1
            WHEN m.visits <= $visits_upper_3 THEN 2
            WHEN m.visits <= $visits_upper_4 THEN 3
            WHEN m.visits <= $visits_upper_5 THEN 4
            WHEN m.visits <= $visits_upper_6 THEN 5
            WHEN m.visits <= $visits_upper_7 THEN 6
            WHEN m.visits <= $visits_upper_8 THEN 7
            WHEN m.visits <= $visits_upper_9 THEN 8
            ELSE 9
        END AS visits_bucket,
        CASE
            WHEN m.spend <= $spend_upper_1 THEN 0
            WHEN m.spend <= $spend_upper_2 THEN 1
            WHEN m.spend <= $spend_upper_3 THEN 2
            WHEN m.spend <= $spend_upper_4 THEN 3
            WHEN m.spend <= $spend_upper_5 THEN 4
            ELSE 5
        END AS spend_bucket,
        -- Mean gap < bound, compared without dividing: active_days < bound * (visits - 1).
        CASE
            WHEN m.visits < 2 THEN NULL
            WHEN m.active_days < $return_upper_1 * (m.visits - 1) THEN 0
            WHEN m.active_days < $return_upper_2 * (m.visits - 1) THEN 1
            WHEN m.active_days < $return_upper_3 * (m.visits - 1) THEN 2
            WHEN m.active_days < $return_upper_4 * (m.visits - 1) THEN 3
            WHEN m.active_days < $return_upper_5 * (m.visits - 1) THEN 4
            WHEN m.active_days < $return_upper_6 * (m.visits - 1) THEN 5
            ELSE 6
        END AS return_bucket
    FROM measured AS m
    JOIN scores AS sc ON sc.customer_id = m.customer_id
    LEFT JOIN campaign.customers AS c ON c.customer_id = m.customer_id
    LEFT JOIN earlier_purchase AS e ON e.customer_id = m.customer_id
)
