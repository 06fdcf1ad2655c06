-- The scored population P (contract steps 1-4) as CTEs ending in `population`: one row per customer of `measures` (a
-- window's, population/measures.sql, or every customer's all-history totals, campaign.customer_totals), its measures,
-- its R/F/M scores over all of P, its bucket indices, and what the fiscal-year widget needs (fiscal years active,
-- year acquired), so that no widget has to read the visits. `scoring_values` (population/scoring_values.sql) holds
-- the cuts and every value this scores with: the statement has no parameter, so that two populations (a migration's
-- snapshots) can be read in one statement. Mobile and name filters look customers up in customer_matches.sql.
measured AS (
    SELECT
        pc.*,
        pc.last_date - DATE '1970-01-01' AS last_day,
        date_diff('day', pc.last_date, cuts.as_of_date) AS recency_days,
        -- (last - first): over (visits - 1) it is the mean gap between consecutive visits.
        date_diff('day', pc.first_date, pc.last_date) AS active_days,
        cuts.*
    FROM measures AS pc
    CROSS JOIN scoring_values AS cuts
),
population AS (
    SELECT
        m.customer_id,
        m.recent_fiscal_years,
        m.older_fiscal_years,
        CAST(year(m.acquired_date) - CASE WHEN month(m.acquired_date) < m.fiscal_year_start_month THEN 1 ELSE 0 END AS INTEGER)
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
        -- The score method 'ties' (contract step 4): the same cuts, but equal values share a score: 1 + the cuts whose
        -- value is strictly below the customer's own.
        CASE WHEN m.equal_values_share_score THEN 1
                + CAST(m.r1_value < m.last_day AS INTEGER) + CAST(m.r2_value < m.last_day AS INTEGER)
                + CAST(m.r3_value < m.last_day AS INTEGER) + CAST(m.r4_value < m.last_day AS INTEGER)
            WHEN m.last_day < m.r1_value OR (m.last_day = m.r1_value AND m.customer_id <= m.r1_id) THEN 1
            WHEN m.last_day < m.r2_value OR (m.last_day = m.r2_value AND m.customer_id <= m.r2_id) THEN 2
            WHEN m.last_day < m.r3_value OR (m.last_day = m.r3_value AND m.customer_id <= m.r3_id) THEN 3
            WHEN m.last_day < m.r4_value OR (m.last_day = m.r4_value AND m.customer_id <= m.r4_id) THEN 4
            ELSE 5
        END AS r_score,
        CASE WHEN m.equal_values_share_score THEN 1
                + CAST(m.f1_value < m.visits AS INTEGER) + CAST(m.f2_value < m.visits AS INTEGER)
                + CAST(m.f3_value < m.visits AS INTEGER) + CAST(m.f4_value < m.visits AS INTEGER)
            WHEN m.visits < m.f1_value OR (m.visits = m.f1_value AND m.customer_id <= m.f1_id) THEN 1
            WHEN m.visits < m.f2_value OR (m.visits = m.f2_value AND m.customer_id <= m.f2_id) THEN 2
            WHEN m.visits < m.f3_value OR (m.visits = m.f3_value AND m.customer_id <= m.f3_id) THEN 3
            WHEN m.visits < m.f4_value OR (m.visits = m.f4_value AND m.customer_id <= m.f4_id) THEN 4
            ELSE 5
        END AS f_score,
        CASE WHEN m.equal_values_share_score THEN 1
                + CAST(m.m1_value < m.spend AS INTEGER) + CAST(m.m2_value < m.spend AS INTEGER)
                + CAST(m.m3_value < m.spend AS INTEGER) + CAST(m.m4_value < m.spend AS INTEGER)
            WHEN m.spend < m.m1_value OR (m.spend = m.m1_value AND m.customer_id <= m.m1_id) THEN 1
            WHEN m.spend < m.m2_value OR (m.spend = m.m2_value AND m.customer_id <= m.m2_id) THEN 2
            WHEN m.spend < m.m3_value OR (m.spend = m.m3_value AND m.customer_id <= m.m3_id) THEN 3
            WHEN m.spend < m.m4_value OR (m.spend = m.m4_value AND m.customer_id <= m.m4_id) THEN 4
            ELSE 5
        END AS m_score,
        CASE
            WHEN m.recency_days <= m.recency_upper_1 THEN 0
            WHEN m.recency_days <= m.recency_upper_2 THEN 1
            WHEN m.recency_days <= m.recency_upper_3 THEN 2
            WHEN m.recency_days <= m.recency_upper_4 THEN 3
            WHEN m.recency_days <= m.recency_upper_5 THEN 4
            ELSE 5
        END AS recency_bucket,
        CASE
            WHEN m.visits <= m.visits_upper_1 THEN 0
            WHEN m.visits <= m.visits_upper_2 THEN 1
            WHEN m.visits <= m.visits_upper_3 THEN 2
            WHEN m.visits <= m.visits_upper_4 THEN 3
            WHEN m.visits <= m.visits_upper_5 THEN 4
            WHEN m.visits <= m.visits_upper_6 THEN 5
            WHEN m.visits <= m.visits_upper_7 THEN 6
            WHEN m.visits <= m.visits_upper_8 THEN 7
            WHEN m.visits <= m.visits_upper_9 THEN 8
            ELSE 9
        END AS visits_bucket,
        CASE
            WHEN m.spend <= m.spend_upper_1 THEN 0
            WHEN m.spend <= m.spend_upper_2 THEN 1
            WHEN m.spend <= m.spend_upper_3 THEN 2
            WHEN m.spend <= m.spend_upper_4 THEN 3
            WHEN m.spend <= m.spend_upper_5 THEN 4
            ELSE 5
        END AS spend_bucket,
        -- Mean gap < bound, compared without dividing: active_days < bound * (visits - 1).
        CASE
            WHEN m.visits < 2 THEN NULL
            WHEN m.active_days < m.return_upper_1 * (m.visits - 1) THEN 0
            WHEN m.active_days < m.return_upper_2 * (m.visits - 1) THEN 1
            WHEN m.active_days < m.return_upper_3 * (m.visits - 1) THEN 2
            WHEN m.active_days < m.return_upper_4 * (m.visits - 1) THEN 3
            WHEN m.active_days < m.return_upper_5 * (m.visits - 1) THEN 4
            WHEN m.active_days < m.return_upper_6 * (m.visits - 1) THEN 5
            ELSE 6
        END AS return_bucket
    FROM measured AS m
)
