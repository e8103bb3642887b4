-- Reverts rate_limits.
DROP TABLE IF EXISTS rate_limit_counter;
