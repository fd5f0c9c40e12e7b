// Kysely types of this capability's tables, merged into DB in platform/db/schema.ts.
export type DuesDB = Record<never, never>;
