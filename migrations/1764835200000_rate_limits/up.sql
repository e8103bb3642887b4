-- Rate limits of the public mutations that send mail or fill the moderation queue
-- (requestPasswordReset, proposeStructure, suggestCorrection), counted here so that every
-- replica of the API shares them (common/rate-limit/rate-limit.ts). One row per bucket
-- (`password-reset:email`, `submission:ip`…) and key: the hits of its current window, which
-- starts at the first hit. Keys are SHA-256 hashes, never the address itself; rows of past
-- windows are deleted as new hits come in.
--
-- No public data: no `essor_bump_data_version` trigger (listed as exempt in response-cache.spec).
CREATE TABLE rate_limit_counter (
  bucket text NOT NULL,
  key_hash bytea NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, key_hash)
);
CREATE INDEX rate_limit_counter_window_end_idx ON rate_limit_counter (window_end);
