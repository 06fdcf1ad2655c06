-- Removes the existing transactions that staged ones replace, for one range of ids (bounded transaction log and
-- lock footprint per statement); the MERGE of import_write.sql then only inserts them.
DELETE t
FROM campaign.transactions AS t
JOIN #import_transactions AS s ON s.transaction_id = t.transaction_id
WHERE t.transaction_id BETWEEN @first_id AND @last_id
  AND s.transaction_id BETWEEN @first_id AND @last_id;
