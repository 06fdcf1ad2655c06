-- Every customer's all-history totals are recomputed (derived/customer_totals_refresh.sql, range by range): they are
-- missing, or were counted for another fiscal year start or reference year (a new fiscal year began).
DELETE FROM campaign.customer_totals;

CREATE SCHEMA IF NOT EXISTS campaign_import;

CREATE OR REPLACE TABLE campaign_import.affected_customers AS
SELECT DISTINCT customer_id FROM campaign.customer_days
