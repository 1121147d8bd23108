-- The words customers use for an article's topic, searched next to its title (edited with the article).
ALTER TABLE article_translation ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revision ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
