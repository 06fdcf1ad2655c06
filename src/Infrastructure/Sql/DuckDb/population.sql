-- The scored population P (contract steps 1-4) as CTEs ending in `population`: one row per customer with a
-- transaction in the window, its measures, its R/F/M scores over all of P, its bucket indices, and what the
-- fiscal-year widget needs (fiscal years active, year acquired), so that no widget has to read the transactions
-- again. Mobile and name filters look customers up in customer_matches.sql: no string is copied for a million customers.
-- It reads campaign.customer_days (one row per customer and purchase day, kept by the importer): a visit is a row.
-- as_of_date is the result of as_of_date.sql, as_of_fiscal_year its fiscal year (FiscalCalendar). Bucket bounds
-- are parameters taken from the domain's bucket families, so they are defined once.
-- Not materialized: it is read twice (the older fiscal years), and holds every visit of the window.
window_days AS NOT MATERIALIZED (
    SELECT
        d.*,
        -- A date's fiscal year: its calendar year, minus one before the fiscal year's start month.
        CAST(year(d.transaction_date) - CASE WHEN month(d.transaction_date) < $fiscal_year_start_month THEN 1 ELSE 0 END AS INTEGER)
            AS fiscal_year
    FROM campaign.customer_days AS d
    WHERE (CAST($start_date AS DATE) IS NULL OR d.transaction_date >= CAST($start_date AS DATE))
      AND (CAST($end_date AS DATE) IS NULL OR d.transaction_date <= CAST($end_date AS DATE))
),
per_customer AS (
    SELECT
        d.customer_id,
        CAST(COUNT(*) AS INTEGER) AS visits,
        CAST(SUM(d.bills) AS BIGINT) AS bills,
        CAST(SUM(d.units) AS BIGINT) AS units,
        CAST(SUM(d.spend) AS DECIMAL(18, 2)) AS spend,
        CAST(SUM(d.profit) AS DECIMAL(18, 2)) AS profit,
        MIN(d.transaction_date) AS first_date,
        MAX(d.transaction_date) AS last_date,
        MIN(d.acquired_date) AS acquired_date,
        -- Fiscal years active, as bits: bit i is the fiscal year i years before the as-of date's (a list would
        -- cost a DISTINCT per customer). Years 64 or more before it are listed below. (CASE, not FILTER: it shifts
        -- only the rows it keeps, and costs less per row.)
        bit_or(CASE WHEN d.fiscal_year > $as_of_fiscal_year - 64
                    THEN CAST(1 AS UBIGINT) << CAST($as_of_fiscal_year - d.fiscal_year AS UBIGINT) END) AS recent_fiscal_years
    FROM window_days AS d
    GROUP BY d.customer_id
),
-- Fiscal years 64 or more before the as-of date's, listed for the rare customers whose first visit is that old:
-- a list aggregate over every customer costs a second at 100M visits, even when it is always empty.
older_fiscal_years AS (
    SELECT d.customer_id, list(DISTINCT d.fiscal_year) AS older_fiscal_years
    FROM window_days AS d
    WHERE d.fiscal_year <= $as_of_fiscal_year - 64
      AND d.customer_id IN (
          SELECT pc.customer_id FROM per_customer AS pc
          WHERE pc.first_date < make_date(CAST($as_of_fiscal_year - 63 AS BIGINT), $fiscal_year_start_month, 1))
    GROUP BY d.customer_id
),
-- Scores are NTILE(5) OVER (ORDER BY value, customer_id) (contract step 4: R orders by recency descending, that
-- is by last date ascending). NTILE gives tile k the ranks up to k * (n / 5) + least(k, n % 5), so a customer's
-- score is fixed by the four rows at those ranks, the cuts: 1 + the number of cuts its (value, customer_id)
-- comes after. The cuts are found without sorting P: count the customers per whole value and find the value group
-- holding each cut rank; count that group's customers per (value, block of 65,536 ids) and find the block holding
-- it; rank only the members of those blocks (a group can hold millions: everyone with two visits).
value_groups AS (
    SELECT 'r' AS score, CAST(pc.last_date - DATE '1970-01-01' AS DECIMAL(18, 2)) AS value_floor, COUNT(*) AS customers
    FROM per_customer AS pc
    GROUP BY value_floor
    UNION ALL
    SELECT 'f', pc.visits, COUNT(*) FROM per_customer AS pc GROUP BY pc.visits
    UNION ALL
    SELECT 'm', floor(pc.spend) AS value_floor, COUNT(*) FROM per_customer AS pc GROUP BY value_floor
),
ranked_groups AS (
    SELECT g.*, SUM(g.customers) OVER (PARTITION BY g.score ORDER BY g.value_floor) - g.customers AS ranked_before
    FROM value_groups AS g
),
cut_ranks AS (
    SELECT t.k, t.k * (n.customers // 5) + LEAST(t.k, n.customers % 5) AS last_rank
    FROM (SELECT COUNT(*) AS customers FROM per_customer) AS n, range(1, 5) AS t(k)
),
cut_groups AS (
    SELECT g.score, g.value_floor, c.k, c.last_rank - g.ranked_before AS position
    FROM ranked_groups AS g
    JOIN cut_ranks AS c ON c.last_rank > g.ranked_before AND c.last_rank <= g.ranked_before + g.customers
),
cut_group_values AS (
    SELECT 'r' AS score, CAST(pc.last_date - DATE '1970-01-01' AS DECIMAL(18, 2)) AS value, pc.customer_id
    FROM per_customer AS pc
    WHERE CAST(pc.last_date - DATE '1970-01-01' AS DECIMAL(18, 2)) IN (SELECT value_floor FROM cut_groups WHERE score = 'r')
    UNION ALL
    SELECT 'f', pc.visits, pc.customer_id
    FROM per_customer AS pc
    WHERE pc.visits IN (SELECT value_floor FROM cut_groups WHERE score = 'f')
    UNION ALL
    SELECT 'm', pc.spend, pc.customer_id
    FROM per_customer AS pc
    WHERE floor(pc.spend) IN (SELECT value_floor FROM cut_groups WHERE score = 'm')
),
ranked_blocks AS (
    SELECT
        b.*,
        SUM(b.customers) OVER (PARTITION BY b.score, b.value_floor ORDER BY b.value, b.id_block) - b.customers AS ranked_before
    FROM (
        SELECT v.score, floor(v.value) AS value_floor, v.value, v.customer_id // 65536 AS id_block, COUNT(*) AS customers
        FROM cut_group_values AS v
        GROUP BY v.score, v.value, id_block
    ) AS b
),
cut_blocks AS (
    SELECT b.score, b.value, b.id_block, c.k, c.position - b.ranked_before AS position
    FROM ranked_blocks AS b
    JOIN cut_groups AS c
      ON c.score = b.score AND c.value_floor = b.value_floor
     AND c.position > b.ranked_before AND c.position <= b.ranked_before + b.customers
),
cut_block_members AS (
    SELECT
        v.score,
        v.value,
        v.customer_id,
        v.customer_id // 65536 AS id_block,
        row_number() OVER (PARTITION BY v.score, v.value, v.customer_id // 65536 ORDER BY v.customer_id) AS position
    FROM cut_group_values AS v
    SEMI JOIN (SELECT DISTINCT score, value, id_block FROM cut_blocks) AS b
      ON b.score = v.score AND b.value = v.value AND b.id_block = v.customer_id // 65536
),
cuts AS (
    SELECT
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'r' AND c.k = 1) AS r1,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'r' AND c.k = 2) AS r2,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'r' AND c.k = 3) AS r3,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'r' AND c.k = 4) AS r4,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'f' AND c.k = 1) AS f1,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'f' AND c.k = 2) AS f2,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'f' AND c.k = 3) AS f3,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'f' AND c.k = 4) AS f4,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'm' AND c.k = 1) AS m1,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'm' AND c.k = 2) AS m2,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'm' AND c.k = 3) AS m3,
        MAX({value: m.value, id: m.customer_id}) FILTER (WHERE c.score = 'm' AND c.k = 4) AS m4
    FROM cut_blocks AS c
    JOIN cut_block_members AS m
      ON m.score = c.score AND m.value = c.value AND m.id_block = c.id_block AND m.position = c.position
),
measured AS (
    SELECT
        pc.*,
        pc.last_date - DATE '1970-01-01' AS last_day,
        date_diff('day', pc.last_date, CAST($as_of_date AS DATE)) AS recency_days,
        -- (last - first): over (visits - 1) it is the mean gap between consecutive visits.
        date_diff('day', pc.first_date, pc.last_date) AS active_days
    FROM per_customer AS pc
),
population AS (
    SELECT
        m.customer_id,
        m.recent_fiscal_years,
        o.older_fiscal_years,
        CAST(year(m.acquired_date) - CASE WHEN month(m.acquired_date) < $fiscal_year_start_month THEN 1 ELSE 0 END AS INTEGER)
            AS acquired_fiscal_year,
        m.visits,
        m.bills,
        m.units,
        m.spend,
        m.profit,
        m.active_days,
        m.first_date,
        m.last_date,
        m.acquired_date,
        -- $score_method 'ties' (contract step 4): the same cuts, but equal values share a score: 1 + the cuts whose
        -- value is strictly below the customer's own.
        CASE WHEN $score_method = 'ties' THEN 1
                + CAST(cuts.r1.value < m.last_day AS INTEGER) + CAST(cuts.r2.value < m.last_day AS INTEGER)
                + CAST(cuts.r3.value < m.last_day AS INTEGER) + CAST(cuts.r4.value < m.last_day AS INTEGER)
            WHEN m.last_day < cuts.r1.value OR (m.last_day = cuts.r1.value AND m.customer_id <= cuts.r1.id) THEN 1
            WHEN m.last_day < cuts.r2.value OR (m.last_day = cuts.r2.value AND m.customer_id <= cuts.r2.id) THEN 2
            WHEN m.last_day < cuts.r3.value OR (m.last_day = cuts.r3.value AND m.customer_id <= cuts.r3.id) THEN 3
            WHEN m.last_day < cuts.r4.value OR (m.last_day = cuts.r4.value AND m.customer_id <= cuts.r4.id) THEN 4
            ELSE 5
        END AS r_score,
        CASE WHEN $score_method = 'ties' THEN 1
                + CAST(cuts.f1.value < m.visits AS INTEGER) + CAST(cuts.f2.value < m.visits AS INTEGER)
                + CAST(cuts.f3.value < m.visits AS INTEGER) + CAST(cuts.f4.value < m.visits AS INTEGER)
            WHEN m.visits < cuts.f1.value OR (m.visits = cuts.f1.value AND m.customer_id <= cuts.f1.id) THEN 1
            WHEN m.visits < cuts.f2.value OR (m.visits = cuts.f2.value AND m.customer_id <= cuts.f2.id) THEN 2
            WHEN m.visits < cuts.f3.value OR (m.visits = cuts.f3.value AND m.customer_id <= cuts.f3.id) THEN 3
            WHEN m.visits < cuts.f4.value OR (m.visits = cuts.f4.value AND m.customer_id <= cuts.f4.id) THEN 4
            ELSE 5
        END AS f_score,
        CASE WHEN $score_method = 'ties' THEN 1
                + CAST(cuts.m1.value < m.spend AS INTEGER) + CAST(cuts.m2.value < m.spend AS INTEGER)
                + CAST(cuts.m3.value < m.spend AS INTEGER) + CAST(cuts.m4.value < m.spend AS INTEGER)
            WHEN m.spend < cuts.m1.value OR (m.spend = cuts.m1.value AND m.customer_id <= cuts.m1.id) THEN 1
            WHEN m.spend < cuts.m2.value OR (m.spend = cuts.m2.value AND m.customer_id <= cuts.m2.id) THEN 2
            WHEN m.spend < cuts.m3.value OR (m.spend = cuts.m3.value AND m.customer_id <= cuts.m3.id) THEN 3
            WHEN m.spend < cuts.m4.value OR (m.spend = cuts.m4.value AND m.customer_id <= cuts.m4.id) THEN 4
            ELSE 5
        END AS m_score,
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
    CROSS JOIN cuts
    LEFT JOIN older_fiscal_years AS o ON o.customer_id = m.customer_id
)
