-- The owner copied into each big table's row (crm/relation-copy.ts): a manager's "team's records
-- with status x, newest first" and its exact count read one index, where the owner link table
-- needed a semi-join matched against every row of the status. (owner, sort) serves a visible
-- list without a filter and its count; (owner, status, sort) the status filter the UI offers
-- first. Both databases.
CREATE INDEX IF NOT EXISTS leads_owner_key_created ON leads (owner_key, created_at);
CREATE INDEX IF NOT EXISTS leads_owner_key_status ON leads (owner_key, lead_status, created_at);
CREATE INDEX IF NOT EXISTS customers_owner_key_created ON customers (owner_key, created_at);
CREATE INDEX IF NOT EXISTS customers_owner_key_type ON customers (owner_key, type, created_at);
CREATE INDEX IF NOT EXISTS opportunities_owner_key_created ON opportunities (owner_key, created_at);
CREATE INDEX IF NOT EXISTS opportunities_owner_key_status ON opportunities (owner_key, opportunity_status, created_at);
CREATE INDEX IF NOT EXISTS interactions_owner_key_start ON interactions (owner_key, start);
CREATE INDEX IF NOT EXISTS interactions_owner_key_state ON interactions (owner_key, state, start);
