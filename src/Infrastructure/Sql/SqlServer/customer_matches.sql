-- The customers the mobile and name filters match (contract step 5), read by selection.sql only when one of them is
-- given; with neither, no customer. A mobile matches one of two digit strings (with a phone region the number's
-- international and national digits; without one the same digits twice).
-- The mobile's ignored characters (a parameter) become spaces through TRANSLATE, then all spaces go; space is one of them.
-- LOWER on both sides keeps the name search case-insensitive whatever the database collation; CHARINDEX is literal.
customer_matches AS (
    SELECT c.customer_id
    FROM campaign.customers AS c
    WHERE (@mobile_digits_1 IS NOT NULL OR @name_contains IS NOT NULL)
      AND (@mobile_digits_1 IS NULL
           OR REPLACE(TRANSLATE(c.mobile, @mobile_ignored_characters,
                                REPLICATE(N' ', LEN(@mobile_ignored_characters + N'x') - 1)), N' ', N'') IN (@mobile_digits_1, @mobile_digits_2))
      AND (@name_contains IS NULL OR CHARINDEX(LOWER(@name_contains), LOWER(c.customer_name)) > 0)
)
