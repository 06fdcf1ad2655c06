-- The one row population.sql scores with (ScoredPopulationBuilder keeps it as a table with the window's measures):
-- the cuts of `cuts` (population/cuts.sql), each as two typed columns, and the values of the request's window (as-of
-- date, score method, bucket bounds, fiscal year start), so that the population is a statement over two relations
-- without a parameter.
scoring_values AS (
    SELECT
        -- Each cut as two typed columns (R's value is a day number): compared with every customer's, a struct's fields
        -- and a decimal cost three times as much.
        CAST(cuts.r1.value AS INTEGER) AS r1_value, cuts.r1.id AS r1_id,
        CAST(cuts.r2.value AS INTEGER) AS r2_value, cuts.r2.id AS r2_id,
        CAST(cuts.r3.value AS INTEGER) AS r3_value, cuts.r3.id AS r3_id,
        CAST(cuts.r4.value AS INTEGER) AS r4_value, cuts.r4.id AS r4_id,
        CAST(cuts.f1.value AS INTEGER) AS f1_value, cuts.f1.id AS f1_id,
        CAST(cuts.f2.value AS INTEGER) AS f2_value, cuts.f2.id AS f2_id,
        CAST(cuts.f3.value AS INTEGER) AS f3_value, cuts.f3.id AS f3_id,
        CAST(cuts.f4.value AS INTEGER) AS f4_value, cuts.f4.id AS f4_id,
        CAST(cuts.m1.value AS DECIMAL(18, 2)) AS m1_value, cuts.m1.id AS m1_id,
        CAST(cuts.m2.value AS DECIMAL(18, 2)) AS m2_value, cuts.m2.id AS m2_id,
        CAST(cuts.m3.value AS DECIMAL(18, 2)) AS m3_value, cuts.m3.id AS m3_id,
        CAST(cuts.m4.value AS DECIMAL(18, 2)) AS m4_value, cuts.m4.id AS m4_id,
        CAST($as_of_date AS DATE) AS as_of_date,
        -- The score method 'ties', as a flag: compared as text, it cost every customer three string comparisons.
        CAST($score_method AS VARCHAR) = 'ties' AS equal_values_share_score,
        CAST($fiscal_year_start_month AS INTEGER) AS fiscal_year_start_month,
        -- Typed here: a statement's parameter takes its type from where it is compared, a column's from its cast.
        CAST($recency_upper_1 AS INTEGER) AS recency_upper_1, CAST($recency_upper_2 AS INTEGER) AS recency_upper_2,
        CAST($recency_upper_3 AS INTEGER) AS recency_upper_3, CAST($recency_upper_4 AS INTEGER) AS recency_upper_4,
        CAST($recency_upper_5 AS INTEGER) AS recency_upper_5,
        CAST($visits_upper_1 AS INTEGER) AS visits_upper_1, CAST($visits_upper_2 AS INTEGER) AS visits_upper_2,
        CAST($visits_upper_3 AS INTEGER) AS visits_upper_3, CAST($visits_upper_4 AS INTEGER) AS visits_upper_4,
        CAST($visits_upper_5 AS INTEGER) AS visits_upper_5, CAST($visits_upper_6 AS INTEGER) AS visits_upper_6,
        CAST($visits_upper_7 AS INTEGER) AS visits_upper_7, CAST($visits_upper_8 AS INTEGER) AS visits_upper_8,
        CAST($visits_upper_9 AS INTEGER) AS visits_upper_9,
        CAST($spend_upper_1 AS DECIMAL(18, 2)) AS spend_upper_1,
        CAST($spend_upper_2 AS DECIMAL(18, 2)) AS spend_upper_2,
        CAST($spend_upper_3 AS DECIMAL(18, 2)) AS spend_upper_3,
        CAST($spend_upper_4 AS DECIMAL(18, 2)) AS spend_upper_4,
        CAST($spend_upper_5 AS DECIMAL(18, 2)) AS spend_upper_5,
        CAST($return_upper_1 AS INTEGER) AS return_upper_1, CAST($return_upper_2 AS INTEGER) AS return_upper_2,
        CAST($return_upper_3 AS INTEGER) AS return_upper_3, CAST($return_upper_4 AS INTEGER) AS return_upper_4,
        CAST($return_upper_5 AS INTEGER) AS return_upper_5, CAST($return_upper_6 AS INTEGER) AS return_upper_6
    FROM cuts
)
