-- Amounts are bounded where they are stored, not only where they are checked: a refund of 2^63 - 1 once
-- passed a wrapped "not more than paid" sum in Java. No single movement exceeds Money.MAX_AMOUNT
-- (10 million in major units), and no balance comes near the range of a bigint.
ALTER TABLE wallet_transaction
    ADD CONSTRAINT wallet_transaction_amount_in_range CHECK (amount > 0 AND amount <= 1000000000);
ALTER TABLE posting_entry
    ADD CONSTRAINT posting_entry_amount_in_range CHECK (amount BETWEEN -1000000000 AND 1000000000);
ALTER TABLE ledger_account
    ADD CONSTRAINT ledger_account_balance_plausible CHECK (balance BETWEEN -1000000000000000 AND 1000000000000000),
    ADD CONSTRAINT ledger_account_spent_not_negative CHECK (spent_that_day >= 0);
