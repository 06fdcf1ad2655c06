-- After an import, committed or not: the staging tables go (DuckDB cannot drop them in the transaction that filled them).
DROP SCHEMA IF EXISTS campaign_import CASCADE
