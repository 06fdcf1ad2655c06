-- The cuts of the all-history population (every customer of campaign.customer_totals), kept with the totals in the
-- same transaction: a dashboard whose window covers every visit scores with them at once (population/cuts.sql, in
-- place of the braces below, computes them; they do not depend on the as-of date, the score method or the calendar).
DELETE FROM campaign.customer_totals_cuts;

INSERT INTO campaign.customer_totals_cuts
WITH measures AS NOT MATERIALIZED (SELECT * FROM campaign.customer_totals),
{cuts}
SELECT * FROM cuts
