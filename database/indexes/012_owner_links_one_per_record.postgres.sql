-- An owner is one member (manyToOne): each record has at most one row in its owner link table.
-- Said here as a unique constraint, so a manager's exact total is the number of the team's links,
-- counted in the (user, record) index (crm/semi-join.ts#semiJoinCount), not every record matched
-- against them. DEFERRABLE INITIALLY DEFERRED: Strapi's `connect` of a new owner inserts the new
-- link before deleting the old one, inside its transaction; the rule is checked at commit.
-- (A DO block per line: this folder's statements are split at line-ending semicolons.)
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'leads_owner_lnk_one') THEN ALTER TABLE leads_owner_lnk ADD CONSTRAINT leads_owner_lnk_one UNIQUE (lead_id) DEFERRABLE INITIALLY DEFERRED; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customers_owner_lnk_one') THEN ALTER TABLE customers_owner_lnk ADD CONSTRAINT customers_owner_lnk_one UNIQUE (customer_id) DEFERRABLE INITIALLY DEFERRED; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'opportunities_owner_lnk_one') THEN ALTER TABLE opportunities_owner_lnk ADD CONSTRAINT opportunities_owner_lnk_one UNIQUE (opportunity_id) DEFERRABLE INITIALLY DEFERRED; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'interactions_owner_lnk_one') THEN ALTER TABLE interactions_owner_lnk ADD CONSTRAINT interactions_owner_lnk_one UNIQUE (interaction_id) DEFERRABLE INITIALLY DEFERRED; END IF; END $$;
