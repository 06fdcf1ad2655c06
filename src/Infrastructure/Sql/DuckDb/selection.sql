-- The selection S (contract step 5): the customers of P that pass every given customer filter.
-- Mobile and name filters keep the customers of customer_matches (customer_matches.sql).
-- A bucket filter is a bit mask over bucket indices (0 = no filter); several labels of one filter are ORed. It is
-- tested as the mask's list of indices: DuckDB then keeps a bucket's customers before scoring them (a bit test on the
-- bucket scored every customer first).
-- Score and segment filters arrive as the set of (R, F, M) cells they keep: 125 characters, '1' = kept, the cell
-- (r, f, m) at position (r - 1) * 25 + (f - 1) * 5 + m; null = no such filter. No segment rule is written in SQL.
-- (Read as a bit string: a bit costs less per customer than a substring.)
selection AS (
    SELECT p.*
    FROM population AS p
    WHERE ((CAST($mobile_digits_1 AS VARCHAR) IS NULL AND CAST($name_contains AS VARCHAR) IS NULL)
           OR p.customer_id IN (SELECT m.customer_id FROM customer_matches AS m))
      AND ($recency_mask = 0 OR list_contains([i FOR i IN range(63) IF (($recency_mask >> i) & 1) = 1], p.recency_bucket))
      AND ($visits_mask = 0 OR list_contains([i FOR i IN range(63) IF (($visits_mask >> i) & 1) = 1], p.visits_bucket))
      AND ($spend_mask = 0 OR list_contains([i FOR i IN range(63) IF (($spend_mask >> i) & 1) = 1], p.spend_bucket))
      AND (CAST($rfm_cells AS VARCHAR) IS NULL
           OR get_bit(CAST($rfm_cells AS BIT), (p.r_score - 1) * 25 + (p.f_score - 1) * 5 + p.m_score - 1) = 1)
)
