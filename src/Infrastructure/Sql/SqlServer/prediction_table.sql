-- The fitted customers' forecasts at one as-of date and data version, bulk-copied by the application: p_alive to 4
-- decimals, the rest to 2, as reported. {table} is a global temp table name made by the application; the key makes
-- the join of a selection a merge or seek.
CREATE TABLE {table} (
    customer_id     BIGINT NOT NULL PRIMARY KEY,
    p_alive         DECIMAL(5, 4) NOT NULL,
    expected_visits DECIMAL(18, 2) NOT NULL,
    expected_spend  DECIMAL(18, 2) NOT NULL,
    predicted_clv   DECIMAL(18, 2) NOT NULL
);
