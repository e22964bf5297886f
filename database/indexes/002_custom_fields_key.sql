-- A custom field's key is unique within its record kind (the values are keyed by it).
CREATE UNIQUE INDEX IF NOT EXISTS custom_fields_entity_key_unique ON custom_fields (entity, key);
