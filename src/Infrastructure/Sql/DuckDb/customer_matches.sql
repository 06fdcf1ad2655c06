-- The customers the mobile and name filters match (contract step 5), read by selection.sql only when one of them is
-- given; with neither, no customer. A mobile matches one of two digit strings (with a phone region the number's
-- international and national digits; without one the same digits twice). Matched on the customers' derived columns (schema.sql): digits only,
-- lower case.
customer_matches AS (
    SELECT c.customer_id
    FROM campaign.customers AS c
    WHERE (CAST($mobile_digits_1 AS VARCHAR) IS NOT NULL OR CAST($name_contains AS VARCHAR) IS NOT NULL)
      AND (CAST($mobile_digits_1 AS VARCHAR) IS NULL OR c.mobile_digits IN ($mobile_digits_1, $mobile_digits_2))
      AND (CAST($name_contains AS VARCHAR) IS NULL OR contains(c.name_lower, lower($name_contains)))
)
