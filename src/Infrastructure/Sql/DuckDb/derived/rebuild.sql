-- Derives everything again (see needs_rebuild.sql): every customer's derived columns, and every customer with
-- transactions marked for derived/customer_days_refresh.sql, which runs next.
UPDATE campaign.customers
SET mobile_digits = translate(mobile, $mobile_ignored_characters, ''), name_lower = lower(customer_name);

CREATE SCHEMA IF NOT EXISTS campaign_import;

CREATE OR REPLACE TABLE campaign_import.affected_customers AS
SELECT DISTINCT customer_id FROM campaign.transactions
