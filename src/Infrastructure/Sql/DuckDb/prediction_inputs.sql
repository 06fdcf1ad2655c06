-- The prediction's inputs (contract section 10): every customer with a transaction on or before the as-of date A,
-- over all its transactions up to A (start_date does not apply: the models need the whole history), in days:
-- x = visit days - 1, t_x = last - first, T = A - first, and for x >= 1 the mean spend of the repeat visit days,
-- m = (spend - spend on the first day) / x. campaign.customer_days has one row per customer and visit day.
WITH per_customer AS (
    SELECT
        d.customer_id,
        COUNT(*) - 1 AS x,
        MIN(d.transaction_date) AS first_date,
        MAX(d.transaction_date) AS last_date,
        SUM(d.spend) AS spend,
        arg_min(d.spend, d.transaction_date) AS first_day_spend
    FROM campaign.customer_days AS d
    WHERE d.transaction_date <= CAST($as_of_date AS DATE)
    GROUP BY d.customer_id
)
SELECT
    pc.customer_id,
    CAST(pc.x AS INTEGER) AS x,
    CAST(date_diff('day', pc.first_date, pc.last_date) AS INTEGER) AS tx,
    CAST(date_diff('day', pc.first_date, CAST($as_of_date AS DATE)) AS INTEGER) AS t,
    CASE WHEN pc.x >= 1 THEN CAST(pc.spend - pc.first_day_spend AS DOUBLE) / pc.x END AS m
FROM per_customer AS pc
