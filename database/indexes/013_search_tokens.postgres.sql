-- `q` at a million records (issue #16): a token table per searchable resource
-- (`<table>_search_tokens`, made at boot by backend/src/crm/search-tokens.ts from the resource's
-- `search` fields) holds every distinct 2- and 3-character substring of the lowercased search
-- columns, with the record's sort key and owner, so a 2- or 3-character word's page and exact
-- count are one range of one btree, read index-only. Tokens never hold ASCII whitespace: a `q`
-- word is split on whitespace, and the columns are joined by a space so no token spans two.
-- Not STRICT, so the planner inlines it into the fill (a null text still yields no token), and
-- OFFSET 0 keeps lower(t) computed once per text, not once per token: half the cost of a fill.
CREATE OR REPLACE FUNCTION crm_search_tokens(t text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT DISTINCT tok FROM (SELECT substr(x.s, i, n) AS tok FROM (SELECT lower(t) AS s OFFSET 0) x, generate_series(2, 3) n, generate_series(1, char_length(x.s) - n + 1) i) y WHERE tok !~ E'[ \\t\\n\\r\\f\\v]' $$;
-- How each token table is filled from its records, written at boot from the descriptors, so a bulk
-- loader (database/generate.ts) refills it without knowing the resources (database/search-tokens.ts).
CREATE TABLE IF NOT EXISTS crm_search_sources (tbl text PRIMARY KEY, fill text NOT NULL, indexes jsonb NOT NULL);
