-- Rate-limit rows written before keyed hashes (secrets.ts) named client addresses and participant
-- tokens by a plain SHA-256: an IPv4 address is recovered from one by trying them all. Forget every
-- window now rather than wait for the daily pruning; the limits start afresh once, at upgrade.
DELETE FROM "rate_limits";
