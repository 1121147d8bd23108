-- What each customer has sent out per day and currency (Beijing days), for the daily limit: one row to
-- read and bump under the sender's account lock instead of summing the day's history on every payment.
CREATE TABLE daily_spend
(
    customer_id UUID    NOT NULL,
    currency    CHAR(3) NOT NULL,
    day         DATE    NOT NULL,
    amount      BIGINT  NOT NULL,
    PRIMARY KEY (customer_id, currency, day)
);
