-- References were a day and nine random digits; by the birthday bound two records of one day collide
-- with a chance of about 10 % at 14,000 records, and a collision failed the whole transfer batch.
-- Now each instance takes a block of 1,000 numbers per nextval (block n holds n * 1000 .. n * 1000 + 999)
-- and a reference is the day and ten digits, so it never equals an older nine-digit one.
CREATE SEQUENCE wallet_transaction_reference_block;

-- A record's first timeline steps ("requested", then the status it was created in) are read from the record
-- itself: created_at, created_status and failure_reason. transaction_event holds only later steps. Records
-- from before this column have all their steps in transaction_event (created_status NULL).
ALTER TABLE wallet_transaction ADD COLUMN created_status VARCHAR(20);

-- What a customer has sent out today (Beijing days) now lives on the available account it limits: read and
-- written under the account's row lock, in the same update as the balance, instead of a row of its own.
ALTER TABLE ledger_account ADD COLUMN spent_on DATE;
ALTER TABLE ledger_account ADD COLUMN spent_that_day BIGINT NOT NULL DEFAULT 0;
UPDATE ledger_account a SET spent_on = s.day, spent_that_day = s.amount
FROM (SELECT DISTINCT ON (customer_id, currency) customer_id, currency, day, amount
      FROM daily_spend ORDER BY customer_id, currency, day DESC) s
WHERE a.customer_id = s.customer_id AND a.currency = s.currency AND a.kind = 'CUSTOMER_AVAILABLE';
DROP TABLE daily_spend;

-- Entries are written only with their posting, in one statement, and only for accounts the same transaction
-- has just updated (Ledger.post checks the count; a transfer batch locks them first). The two foreign keys
-- cost a trigger query per entry and account, about a third of a transfer's write; LedgerCheck finds any
-- entry without its posting or account instead.
ALTER TABLE posting_entry DROP CONSTRAINT posting_entry_posting_id_fkey;
ALTER TABLE posting_entry DROP CONSTRAINT posting_entry_account_id_fkey;

-- Keys are deleted by age, and rows arrive in created_at order: a BRIN index is a few pages, not a B-tree
-- entry per request.
DROP INDEX idempotency_record_created;
CREATE INDEX idempotency_record_created ON idempotency_record USING brin (created_at);
