// The tests' fresh database per file lives with the other database helpers.
export { freshDatabase, templateOf, usesPostgres, type TestDatabase } from '../../database/lib/fresh-database';
