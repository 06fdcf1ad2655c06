-- The selection S (contract step 5): the customers of P that pass every given customer filter.
-- A bucket filter is a bit mask over bucket indices (0 = no filter); several labels of one filter are ORed.
-- The mobile's ignored characters (a parameter) become spaces through TRANSLATE, then all spaces go; space is one of them.
-- LOWER on both sides keeps the name search case-insensitive whatever the database collation; CHARINDEX is literal.
selection AS (
    SELECT p.*
    FROM population AS p
    WHERE (@mobile_digits IS NULL
           OR REPLACE(TRANSLATE(p.mobile, @mobile_ignored_characters,
                                REPLICATE(N' ', LEN(@mobile_ignored_characters + N'x') - 1)), N' ', N'') = @mobile_digits)
      AND (@name_contains IS NULL
           OR CHARINDEX(LOWER(@name_contains), LOWER(p.customer_name)) > 0)
      AND (@recency_mask = 0 OR (@recency_mask & POWER(2, p.recency_bucket)) <> 0)
      AND (@visits_mask = 0 OR (@visits_mask & POWER(2, p.visits_bucket)) <> 0)
      AND (@spend_mask = 0 OR (@spend_mask & POWER(2, p.spend_bucket)) <> 0)
)
