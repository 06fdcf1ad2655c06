-- The current data version (bumped by every import).
SELECT version FROM campaign.data_version
