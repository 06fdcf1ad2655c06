-- True when the derived data is missing: a database written by a version without customer_days or the
-- customers' derived columns. Then derived/rebuild.sql and derived/customer_days_refresh.sql fill it once.
SELECT
    (EXISTS (SELECT 1 FROM campaign.transactions) AND NOT EXISTS (SELECT 1 FROM campaign.customer_days))
    OR EXISTS (
        SELECT 1 FROM campaign.customers
        WHERE (mobile IS NOT NULL AND mobile_digits IS NULL) OR (customer_name IS NOT NULL AND name_lower IS NULL))
