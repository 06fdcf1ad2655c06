-- How the customers of S distribute over the scores and the buckets: one row per (family, category), each family
-- counted in one branch. Scores were assigned over all of P (families r, f, m: the score); bucket families give the
-- bucket index, and the return-period family counts returning customers only (two or more visits).
SELECT 'r' AS family, s.r_score AS category, COUNT(*) AS customers FROM selection AS s GROUP BY s.r_score
UNION ALL
SELECT 'f', s.f_score, COUNT(*) FROM selection AS s GROUP BY s.f_score
UNION ALL
SELECT 'm', s.m_score, COUNT(*) FROM selection AS s GROUP BY s.m_score
UNION ALL
SELECT 'recency', s.recency_bucket, COUNT(*) FROM selection AS s GROUP BY s.recency_bucket
UNION ALL
SELECT 'visits', s.visits_bucket, COUNT(*) FROM selection AS s GROUP BY s.visits_bucket
UNION ALL
SELECT 'spend', s.spend_bucket, COUNT(*) FROM selection AS s GROUP BY s.spend_bucket
UNION ALL
SELECT 'return', s.return_bucket, COUNT(*) FROM selection AS s WHERE s.return_bucket IS NOT NULL GROUP BY s.return_bucket
