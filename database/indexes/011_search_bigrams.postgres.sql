-- `q` on PostgreSQL (issue #16): Chinese search words are mostly two characters (张伟, 别墅), which
-- pg_trgm cannot index. crm_bigrams() gives the distinct overlapping 2-character tokens of the
-- lowercased text (none spanning whitespace); each searchable table gets a GIN index on the
-- bigrams of its search columns (created at boot from the resource's `search` fields,
-- crm/search-index.ts), so a word's records are found as "contains all its bigrams" (exact for a
-- 2-character word, rechecked with LIKE for longer ones). Maintained by PostgreSQL on every write.
-- COST 10000: evaluating it per row is expensive; without it the planner walks the sort index and
-- computes the tokens of every row for a rare word (24 s instead of 74 ms at 1M leads).
CREATE OR REPLACE FUNCTION crm_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$ SELECT coalesce(array_agg(DISTINCT b), '{}'::text[]) FROM (SELECT substr(x.s, i, 2) AS b FROM (SELECT lower(t) AS s) x, generate_series(1, char_length(x.s) - 1) i) y WHERE b !~ '\s' $$;
