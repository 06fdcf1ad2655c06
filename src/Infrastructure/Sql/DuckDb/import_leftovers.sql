-- Whether an import that was killed left its staging schema (import_stage.sql) in the file: the next open drops it
-- (import_cleanup.sql) and checkpoints, so the file does not keep its blocks.
SELECT EXISTS (SELECT 1 FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name = 'campaign_import')
