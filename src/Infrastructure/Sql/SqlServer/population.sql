-- The scored population P (contract steps 1-4) as CTEs ending in `population`: one row per customer with a
-- transaction in the window, its measures, its R/F/M scores over all of P, and its bucket indices.
-- as_of_date is the result of as_of_date.sql. Bucket bounds are parameters taken from the domain's bucket
-- families, so they are defined once. Casts keep every sum exact: no INT overflow, no integer division.
per_customer AS (
    SELECT
        t.customer_id,
        COUNT(DISTINCT t.transaction_date) AS visits,
        COUNT_BIG(*) AS bills,
        SUM(CAST(t.quantity AS BIGINT)) AS units,
        SUM(t.amount) AS spend,
        SUM(COALESCE(t.profit, CAST(0 AS DECIMAL(18, 2)))) AS profit,
        MIN(t.transaction_date) AS first_date,
        MAX(t.transaction_date) AS last_date
    FROM campaign.transactions AS t
    WHERE (CAST(@start_date AS DATE) IS NULL OR t.transaction_date >= CAST(@start_date AS DATE))
      AND (CAST(@end_date AS DATE) IS NULL OR t.transaction_date <= CAST(@end_date AS DATE))
    GROUP BY t.customer_id
),
measured AS (
    SELECT
        pc.customer_id,
        pc.visits,
        pc.bills,
        pc.units,
        pc.spend,
        pc.profit,
        pc.first_date,
        pc.last_date,
        DATEDIFF(day, pc.last_date, CAST(@as_of_date AS DATE)) AS recency_days,
        -- (last - first): over (visits - 1) it is the mean gap between consecutive visits.
        DATEDIFF(day, pc.first_date, pc.last_date) AS active_days
    FROM per_customer AS pc
),
tiles AS (
    SELECT
        m.*,
        c.registration_date,
        CAST(NTILE(5) OVER (ORDER BY m.recency_days DESC, m.customer_id ASC) AS INT) AS r_tile,
        CAST(NTILE(5) OVER (ORDER BY m.visits ASC, m.customer_id ASC) AS INT) AS f_tile,
        CAST(NTILE(5) OVER (ORDER BY m.spend ASC, m.customer_id ASC) AS INT) AS m_tile
    FROM measured AS m
    LEFT JOIN campaign.customers AS c ON c.customer_id = m.customer_id
),
-- For @score_method 'ties' (contract step 4): the values of NTILE's four cut rows, the last rows of tiles 1..4. The
-- last row of a tile holds its largest value (R: the latest last purchase). An empty tile (fewer than 5 customers)
-- gives null, which no value is above, as the contract's cut row (the population's last) would.
cuts AS (
    SELECT
        MAX(CASE WHEN t.r_tile = 1 THEN t.last_date END) AS r1,
        MAX(CASE WHEN t.r_tile = 2 THEN t.last_date END) AS r2,
        MAX(CASE WHEN t.r_tile = 3 THEN t.last_date END) AS r3,
        MAX(CASE WHEN t.r_tile = 4 THEN t.last_date END) AS r4,
        MAX(CASE WHEN t.f_tile = 1 THEN t.visits END) AS f1,
        MAX(CASE WHEN t.f_tile = 2 THEN t.visits END) AS f2,
        MAX(CASE WHEN t.f_tile = 3 THEN t.visits END) AS f3,
        MAX(CASE WHEN t.f_tile = 4 THEN t.visits END) AS f4,
        MAX(CASE WHEN t.m_tile = 1 THEN t.spend END) AS m1,
        MAX(CASE WHEN t.m_tile = 2 THEN t.spend END) AS m2,
        MAX(CASE WHEN t.m_tile = 3 THEN t.spend END) AS m3,
        MAX(CASE WHEN t.m_tile = 4 THEN t.spend END) AS m4
    FROM tiles AS t
),
population AS (
    SELECT
        m.customer_id,
        m.registration_date,
        m.visits,
        m.bills,
        m.units,
        m.spend,
        m.profit,
        m.recency_days,
        m.active_days,
        m.first_date,
        m.last_date,
        -- ntile: the tile; ties: 1 + the cuts whose value is strictly below the customer's own.
        CASE WHEN @score_method = N'ties'
            THEN 1 + CASE WHEN k.r1 < m.last_date THEN 1 ELSE 0 END + CASE WHEN k.r2 < m.last_date THEN 1 ELSE 0 END
                   + CASE WHEN k.r3 < m.last_date THEN 1 ELSE 0 END + CASE WHEN k.r4 < m.last_date THEN 1 ELSE 0 END
            ELSE m.r_tile
        END AS r_score,
        CASE WHEN @score_method = N'ties'
            THEN 1 + CASE WHEN k.f1 < m.visits THEN 1 ELSE 0 END + CASE WHEN k.f2 < m.visits THEN 1 ELSE 0 END
                   + CASE WHEN k.f3 < m.visits THEN 1 ELSE 0 END + CASE WHEN k.f4 < m.visits THEN 1 ELSE 0 END
            ELSE m.f_tile
        END AS f_score,
        CASE WHEN @score_method = N'ties'
            THEN 1 + CASE WHEN k.m1 < m.spend THEN 1 ELSE 0 END + CASE WHEN k.m2 < m.spend THEN 1 ELSE 0 END
                   + CASE WHEN k.m3 < m.spend THEN 1 ELSE 0 END + CASE WHEN k.m4 < m.spend THEN 1 ELSE 0 END
            ELSE m.m_tile
        END AS m_score,
        CASE
            WHEN m.recency_days <= @recency_upper_1 THEN 0
            WHEN m.recency_days <= @recency_upper_2 THEN 1
            WHEN m.recency_days <= @recency_upper_3 THEN 2
            WHEN m.recency_days <= @recency_upper_4 THEN 3
            WHEN m.recency_days <= @recency_upper_5 THEN 4
            ELSE 5
        END AS recency_bucket,
        CASE
            WHEN m.visits <= @visits_upper_1 THEN 0
            WHEN m.visits <= @visits_upper_2 THEN 1
            WHEN m.visits <= @visits_upper_3 THEN 2
            WHEN m.visits <= @visits_upper_4 THEN 3
            WHEN m.visits <= @visits_upper_5 THEN 4
            WHEN m.visits <= @visits_upper_6 THEN 5
            WHEN m.visits <= @visits_upper_7 THEN 6
            WHEN m.visits <= @visits_upper_8 THEN 7
            WHEN m.visits <= @visits_upper_9 THEN 8
            ELSE 9
        END AS visits_bucket,
        CASE
            WHEN m.spend <= @spend_upper_1 THEN 0
            WHEN m.spend <= @spend_upper_2 THEN 1
            WHEN m.spend <= @spend_upper_3 THEN 2
            WHEN m.spend <= @spend_upper_4 THEN 3
            WHEN m.spend <= @spend_upper_5 THEN 4
            ELSE 5
        END AS spend_bucket,
        -- Mean gap < bound, compared without dividing: active_days < bound * (visits - 1), in BIGINT.
        CASE
            WHEN m.visits < 2 THEN NULL
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_1 AS BIGINT) * (m.visits - 1) THEN 0
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_2 AS BIGINT) * (m.visits - 1) THEN 1
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_3 AS BIGINT) * (m.visits - 1) THEN 2
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_4 AS BIGINT) * (m.visits - 1) THEN 3
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_5 AS BIGINT) * (m.visits - 1) THEN 4
            WHEN CAST(m.active_days AS BIGINT) < CAST(@return_upper_6 AS BIGINT) * (m.visits - 1) THEN 5
            ELSE 6
        END AS return_bucket
    FROM tiles AS m
    CROSS JOIN cuts AS k
)
