-- The selection S (contract step 5): the customers of P that pass every given customer filter.
-- A bucket filter is a bit mask over bucket indices (0 = no filter); several labels of one filter are ORed.
-- Mobile and name are matched on the customers' derived columns (schema.sql): digits only, lower case.
selection AS (
    SELECT p.*
    FROM population AS p
    WHERE (CAST($mobile_digits AS VARCHAR) IS NULL
           OR p.customer_id IN (SELECT c.customer_id FROM campaign.customers AS c WHERE c.mobile_digits = $mobile_digits))
      AND (CAST($name_contains AS VARCHAR) IS NULL
           OR p.customer_id IN (SELECT c.customer_id FROM campaign.customers AS c WHERE contains(c.name_lower, lower($name_contains))))
      AND ($recency_mask = 0 OR (($recency_mask >> p.recency_bucket) & 1) = 1)
      AND ($visits_mask = 0 OR (($visits_mask >> p.visits_bucket) & 1) = 1)
      AND ($spend_mask = 0 OR (($spend_mask >> p.spend_bucket) & 1) = 1)
)
