-- The name an agent's chat message is signed with, as the customer saw it when it was sent.
ALTER TABLE chat_message ADD COLUMN author_name VARCHAR(200);
