import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.GATEPASS_DATA_DIR ? `${process.env.GATEPASS_DATA_DIR}/gatepass.sqlite` : './data/gatepass.sqlite' },
  strict: true,
});
