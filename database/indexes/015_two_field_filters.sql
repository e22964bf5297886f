-- The pair of filters a list is most often narrowed by (issue #16): a lead's or a customer's level
-- and source (跟进级别 + 来源), an opportunity's level and product, a follow-up's kind and priority.
-- Each equality pair matches rows spread over every page of the table, so without an index that
-- holds both, its exact count is a scan of the whole table (370 ms at a million leads); with one it
-- reads only the matching entries, and the page comes in the sort column's order. The owner's copy
-- in front serves the same pair for a manager's team or a consultant's own records. Both databases.
CREATE INDEX IF NOT EXISTS leads_level_source_created ON leads (level, source, created_at);
CREATE INDEX IF NOT EXISTS leads_owner_key_level_source ON leads (owner_key, level, source, created_at);
CREATE INDEX IF NOT EXISTS customers_level_source_created ON customers (level, source, created_at);
CREATE INDEX IF NOT EXISTS customers_owner_key_level_source ON customers (owner_key, level, source, created_at);
CREATE INDEX IF NOT EXISTS opportunities_level_product_created ON opportunities (level, product, created_at);
CREATE INDEX IF NOT EXISTS opportunities_owner_key_level_product ON opportunities (owner_key, level, product, created_at);
CREATE INDEX IF NOT EXISTS interactions_kind_priority_start ON interactions (kind, priority, start);
CREATE INDEX IF NOT EXISTS interactions_owner_key_kind_priority ON interactions (owner_key, kind, priority, start);
