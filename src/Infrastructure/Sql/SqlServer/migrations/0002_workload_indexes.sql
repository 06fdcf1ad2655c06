-- Indexes for the dashboard workload, on tables only (a view over a retailer's tables is indexed there).
-- A nonclustered columnstore index over the columns the widgets read gives batch-mode scans of the window;
-- a rowstore index on (customer_id, transaction_date) serves one customer's lookups and first purchases.
IF OBJECTPROPERTY(OBJECT_ID(N'campaign.transactions'), N'IsUserTable') = 1
   AND NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'campaign.transactions') AND name = N'ncci_transactions_dashboard')
    CREATE NONCLUSTERED COLUMNSTORE INDEX ncci_transactions_dashboard
        ON campaign.transactions (customer_id, transaction_date, amount, quantity, profit);

IF OBJECTPROPERTY(OBJECT_ID(N'campaign.transactions'), N'IsUserTable') = 1
   AND NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'campaign.transactions') AND name = N'ix_transactions_customer_date')
    CREATE NONCLUSTERED INDEX ix_transactions_customer_date
        ON campaign.transactions (customer_id, transaction_date)
        INCLUDE (amount, quantity, profit);
