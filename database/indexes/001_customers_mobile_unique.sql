-- One mobile, one customer (撞单), guaranteed by the database: the write rule stores the mobile
-- normalized (crm/phone.ts), so equal numbers are equal strings; empty means no mobile.
CREATE UNIQUE INDEX IF NOT EXISTS customers_mobile_unique ON customers (mobile) WHERE mobile IS NOT NULL AND mobile <> '';
