-- What campaign.customer_totals was counted for, written with it: the fiscal year start and the reference year its
-- fiscal-year bits count back from (the fiscal year of the data's last day), and the data's first and last days, so
-- that a dashboard knows when a window covers every visit (ScoredPopulationBuilder).
DELETE FROM campaign.customer_totals_basis;

INSERT INTO campaign.customer_totals_basis (fiscal_year_start_month, reference_fiscal_year, first_date, last_date)
VALUES ($fiscal_year_start_month, $reference_fiscal_year, CAST($first_date AS DATE), CAST($last_date AS DATE))
