-- How the customers of S distribute over the scores and the buckets: one row per (family, category), each family
-- summed in one branch over S's cells (selection_cells.sql). Scores were assigned over all of P (families r, f, m:
-- the score); bucket families give the bucket index, and the return-period family counts returning customers only
-- (two or more visits).
SELECT 'r' AS family, c.r_score AS category, SUM(c.customers) AS customers FROM selection_cells AS c GROUP BY c.r_score
UNION ALL
SELECT 'f', c.f_score, SUM(c.customers) FROM selection_cells AS c GROUP BY c.f_score
UNION ALL
SELECT 'm', c.m_score, SUM(c.customers) FROM selection_cells AS c GROUP BY c.m_score
UNION ALL
SELECT 'recency', c.recency_bucket, SUM(c.customers) FROM selection_cells AS c GROUP BY c.recency_bucket
UNION ALL
SELECT 'visits', c.visits_bucket, SUM(c.customers) FROM selection_cells AS c GROUP BY c.visits_bucket
UNION ALL
SELECT 'spend', c.spend_bucket, SUM(c.customers) FROM selection_cells AS c GROUP BY c.spend_bucket
UNION ALL
SELECT 'return', c.return_bucket, SUM(c.customers) FROM selection_cells AS c WHERE c.return_bucket IS NOT NULL GROUP BY c.return_bucket;
