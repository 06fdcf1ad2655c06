-- The scores' cuts over the customers in `measures` (a window's, population/measures.sql, or every customer's
-- all-history totals, campaign.customer_totals), as CTEs ending in `cuts`: one row, each cut a (value, id) pair. They
-- depend on the customers' values alone, not on the as-of date, the score method or the fiscal calendar
-- (population/scoring_values.sql adds those).
-- Scores are NTILE(5) OVER (ORDER BY value, customer_id) (contract step 4: R orders by recency descending, that
-- is by last date ascending). NTILE gives tile k the ranks up to k * (n / 5) + least(k, n % 5), so a customer's
-- score is fixed by the four rows at those ranks, the cuts: 1 + the number of cuts its (value, customer_id)
-- comes after. The cuts are found without sorting P: count the customers per whole value and find the value group
-- holding each cut rank; count that group's customers per (value, block of 65,536 ids) and find the block holding
-- it; rank only the members of those blocks (a group can hold millions: everyone with two visits).
value_groups AS (
    SELECT 'r' AS score, CAST(pc.last_date - DATE '1970-01-01' AS DECIMAL(18, 2)) AS value_floor, COUNT(*) AS customers
    FROM measures AS pc
    GROUP BY value_floor
    UNION ALL
    SELECT 'f', pc.visits, COUNT(*) FROM measures AS pc GROUP BY pc.visits
    UNION ALL
    SELECT 'm', floor(pc.spend) AS value_floor, COUNT(*) FROM measures AS pc GROUP BY value_floor
),
ranked_groups AS (
    SELECT g.*, SUM(g.customers) OVER (PARTITION BY g.score ORDER BY g.value_floor) - g.customers AS ranked_before
    FROM value_groups AS g
),
cut_ranks AS (
    SELECT t.k, t.k * (n.customers // 5) + LEAST(t.k, n.customers % 5) AS last_rank
    FROM (SELECT COUNT(*) AS customers FROM measures) AS n, range(1, 5) AS t(k)
),
cut_groups AS (
    SELECT g.score, g.value_floor, c.k, c.last_rank - g.ranked_before AS position
    FROM ranked_groups AS g
    JOIN cut_ranks AS c ON c.last_rank > g.ranked_before AND c.last_rank <= g.ranked_before + g.customers
),
-- Each customer's value is compared in its own type (a decimal cast per customer cost most of the time).
cut_group_values AS (
    SELECT 'r' AS score, CAST(pc.last_date - DATE '1970-01-01' AS DECIMAL(18, 2)) AS value, pc.customer_id
    FROM measures AS pc
    WHERE pc.last_date - DATE '1970-01-01' IN (SELECT CAST(value_floor AS BIGINT) FROM cut_groups WHERE score = 'r')
    UNION ALL
    SELECT 'f', pc.visits, pc.customer_id
    FROM measures AS pc
    WHERE pc.visits IN (SELECT CAST(value_floor AS INTEGER) FROM cut_groups WHERE score = 'f')
    UNION ALL
    SELECT 'm', pc.spend, pc.customer_id
    FROM measures AS pc
    WHERE CAST(floor(pc.spend) AS BIGINT) IN (SELECT CAST(value_floor AS BIGINT) FROM cut_groups WHERE score = 'm')
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
)
