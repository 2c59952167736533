import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes the migrations of both engines from their schemas:
// DRIZZLE_DIALECT=postgresql for db/pg-schema.ts, otherwise db/sqlite-schema.ts.
const pg = process.env.DRIZZLE_DIALECT === 'postgresql';

export default defineConfig({
  dialect: pg ? 'postgresql' : 'sqlite',
  schema: pg ? './db/pg-schema.ts' : './db/sqlite-schema.ts',
  out: pg ? './db/migrations/pg' : './db/migrations/sqlite',
  strict: true,
});
