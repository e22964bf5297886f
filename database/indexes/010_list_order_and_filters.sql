-- The sorts and filters the staff UI offers on the big lists (issue #16), on both databases.
-- A list page is "the newest 25 of what I may see": with (sort column, id) the page is read in
-- index order and stops after 25 rows instead of sorting every visible row; a filter column in
-- front of the sort column serves "status = x, newest first" the same way. The owner and creator
-- link tables get (user, record) so the visibility semi-join and its count read only the index.
CREATE INDEX IF NOT EXISTS leads_created_at_id ON leads (created_at, id);
CREATE INDEX IF NOT EXISTS leads_updated_at_id ON leads (updated_at, id);
CREATE INDEX IF NOT EXISTS leads_status_created ON leads (lead_status, created_at);
CREATE INDEX IF NOT EXISTS leads_source_created ON leads (source, created_at);
CREATE INDEX IF NOT EXISTS leads_level_created ON leads (level, created_at);
CREATE INDEX IF NOT EXISTS leads_owner_lnk_user_lead ON leads_owner_lnk (user_id, lead_id);
CREATE INDEX IF NOT EXISTS leads_creator_lnk_user_lead ON leads_creator_lnk (user_id, lead_id);

CREATE INDEX IF NOT EXISTS customers_created_at_id ON customers (created_at, id);
CREATE INDEX IF NOT EXISTS customers_updated_at_id ON customers (updated_at, id);
CREATE INDEX IF NOT EXISTS customers_type_created ON customers (type, created_at);
CREATE INDEX IF NOT EXISTS customers_level_created ON customers (level, created_at);
CREATE INDEX IF NOT EXISTS customers_source_created ON customers (source, created_at);
CREATE INDEX IF NOT EXISTS customers_last_follow_up ON customers (last_follow_up_at, id);
CREATE INDEX IF NOT EXISTS customers_next_follow_up ON customers (next_follow_up_at, id);
-- the pool (公海) is a small part of the table, listed newest change first
CREATE INDEX IF NOT EXISTS customers_pool_updated ON customers (updated_at, id) WHERE in_pool = true;
CREATE INDEX IF NOT EXISTS customers_owner_lnk_user_customer ON customers_owner_lnk (user_id, customer_id);
CREATE INDEX IF NOT EXISTS customers_creator_lnk_user_customer ON customers_creator_lnk (user_id, customer_id);

CREATE INDEX IF NOT EXISTS opportunities_created_at_id ON opportunities (created_at, id);
CREATE INDEX IF NOT EXISTS opportunities_updated_at_id ON opportunities (updated_at, id);
CREATE INDEX IF NOT EXISTS opportunities_status_created ON opportunities (opportunity_status, created_at);
CREATE INDEX IF NOT EXISTS opportunities_level_created ON opportunities (level, created_at);
CREATE INDEX IF NOT EXISTS opportunities_product_created ON opportunities (product, created_at);
CREATE INDEX IF NOT EXISTS opportunities_expected_close ON opportunities (expected_close_date, id);
CREATE INDEX IF NOT EXISTS opportunities_owner_lnk_user_opportunity ON opportunities_owner_lnk (user_id, opportunity_id);
CREATE INDEX IF NOT EXISTS opportunities_creator_lnk_user_opportunity ON opportunities_creator_lnk (user_id, opportunity_id);

CREATE INDEX IF NOT EXISTS interactions_start_id ON interactions (start, id);
CREATE INDEX IF NOT EXISTS interactions_created_at_id ON interactions (created_at, id);
CREATE INDEX IF NOT EXISTS interactions_state_start ON interactions (state, start);
CREATE INDEX IF NOT EXISTS interactions_kind_start ON interactions (kind, start);
CREATE INDEX IF NOT EXISTS interactions_priority_start ON interactions (priority, start);
CREATE INDEX IF NOT EXISTS interactions_reminder_at ON interactions (reminder_at);
CREATE INDEX IF NOT EXISTS interactions_owner_lnk_user_interaction ON interactions_owner_lnk (user_id, interaction_id);
CREATE INDEX IF NOT EXISTS interactions_creator_lnk_user_interaction ON interactions_creator_lnk (user_id, interaction_id);
