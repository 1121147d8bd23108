-- The model's features of each movement the monitor refused: what a reviewed alert (confirmed fraud or a
-- released false positive) teaches the next training run.
ALTER TABLE risk_decision ADD COLUMN features REAL[];
