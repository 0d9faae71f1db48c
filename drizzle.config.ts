import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the one PostgreSQL-dialect schema and applied at start-up
// to PGlite or PostgreSQL alike. Generate them with `npm run db:generate`; never edit them.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	casing: 'snake_case',
	strict: true
});
