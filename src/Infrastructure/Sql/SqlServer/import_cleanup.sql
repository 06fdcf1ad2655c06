-- After an import, committed or not: the staging tables go now rather than when the pooled connection is reset.
DROP TABLE IF EXISTS #import_customers;
DROP TABLE IF EXISTS #import_transactions;
