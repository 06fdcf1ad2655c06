-- The prediction's inputs (contract section 10): every customer with a transaction on or before the as-of date A,
-- over all its transactions up to A (start_date does not apply: the models need the whole history), in days:
-- x = visit days - 1, t_x = last - first, T = A - first, and for x >= 1 the mean spend of the repeat visit days,
-- m = (spend - spend on the first day) / x. A visit day is a customer's transactions of one date; numbering them
-- finds the first day's spend in the same pass.
WITH visit_days AS (
    SELECT
        t.customer_id,
        t.transaction_date,
        SUM(t.amount) AS spend,
        ROW_NUMBER() OVER (PARTITION BY t.customer_id ORDER BY t.transaction_date) AS visit_number
    FROM campaign.transactions AS t
    WHERE t.transaction_date <= CAST(@as_of_date AS DATE)
    GROUP BY t.customer_id, t.transaction_date
),
per_customer AS (
    SELECT
        v.customer_id,
        COUNT_BIG(*) - 1 AS x,
        MIN(v.transaction_date) AS first_date,
        MAX(v.transaction_date) AS last_date,
        SUM(v.spend) AS spend,
        SUM(CASE WHEN v.visit_number = 1 THEN v.spend END) AS first_day_spend
    FROM visit_days AS v
    GROUP BY v.customer_id
)
SELECT
    pc.customer_id,
    CAST(pc.x AS INT) AS x,
    DATEDIFF(day, pc.first_date, pc.last_date) AS tx,
    DATEDIFF(day, pc.first_date, CAST(@as_of_date AS DATE)) AS t,
    CASE WHEN pc.x >= 1 THEN CAST(pc.spend - pc.first_day_spend AS FLOAT) / pc.x END AS m
FROM per_customer AS pc;
