-- Transfers used to store the other customer's full legal name in the history ("李伟 +86138****0001").
-- Existing rows are masked as new ones are (CounterpartyLabel): a Chinese name keeps its last character,
-- others their initials ("C*** M.").
UPDATE wallet_transaction t
SET counterparty = CASE
        WHEN m.name ~ '[\u4e00-\u9fff]' THEN repeat('*', char_length(m.name) - 1) || right(m.name, 1)
        WHEN m.name ~ '\s' THEN left(m.name, 1) || '*** ' || left(regexp_replace(m.name, '^.*\s', ''), 1) || '.'
        ELSE left(m.name, 1) || '***' END || ' ' || m.login
FROM (SELECT id,
             btrim(regexp_replace(counterparty, '\s+\S+$', '')) AS name,
             substring(counterparty FROM '\S+$') AS login
      FROM wallet_transaction
      WHERE type IN ('transfer_out', 'transfer_in') AND counterparty_id IS NOT NULL AND counterparty ~ '\S\s+\S') m
WHERE t.id = m.id AND m.name <> '';
