-- `prediction` when a statement's order does not need the forecasts: no rows, the table's columns and types, so that
-- its join costs nothing (prediction_table.sql has the real table's).
SELECT
    CAST(NULL AS BIGINT) AS customer_id,
    CAST(NULL AS DECIMAL(5, 4)) AS p_alive,
    CAST(NULL AS DECIMAL(18, 2)) AS expected_visits,
    CAST(NULL AS DECIMAL(18, 2)) AS expected_spend,
    CAST(NULL AS DECIMAL(18, 2)) AS predicted_clv
WHERE 1 = 0
