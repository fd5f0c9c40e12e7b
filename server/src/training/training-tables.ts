// Kysely types of this capability's tables, merged into DB in platform/db/schema.ts.
export type TrainingDB = Record<never, never>;
