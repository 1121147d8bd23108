-- A visitor who is not signed in (or cannot sign in) reaches a person: the ticket keeps who they say they are,
-- unverified, and how to answer them. An agent links it to a customer once identity is proven.
ALTER TABLE ticket ADD COLUMN stated_name VARCHAR(200);
ALTER TABLE ticket ADD COLUMN stated_phone VARCHAR(32);
ALTER TABLE ticket ADD COLUMN stated_email VARCHAR(254);
ALTER TABLE ticket DROP CONSTRAINT ticket_has_requester;
ALTER TABLE ticket ADD CONSTRAINT ticket_has_requester
    CHECK (customer_id IS NOT NULL OR contact_id IS NOT NULL OR stated_phone IS NOT NULL OR stated_email IS NOT NULL);

-- The chat's visitor, once proven to be a customer by a code sent to the customer's own phone or e-mail.
ALTER TABLE chat_conversation ADD COLUMN verified_customer_id UUID;
