// The SQL of the classifier, as committed in classifier.repository.sql, on both engines: a version is
// stored after the highest one and read back (figures and model), the older ones deleted — all in a
// transaction rolled back; the closed cases it learns from; the level of an actor's org; the candidates
// of likely duplicates (category, days, box, excluded case, and the actor's scope).
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../../platform/access/actor.ts';
import { accountActor, rolledBack } from '../../platform/access/testing/account-actor.ts';
import type { Database } from '../../platform/db/engine.ts';
import type { DB } from '../../platform/db/schema.ts';
import { sqlSnapshot } from '../../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../../platform/db/testing/test-database.ts';
import * as repo from './classifier.repository.ts';
import { type ClassifierModel, FEATURE_SET, trainWithHoldout } from './naive-bayes.ts';

const snapshot = sqlSnapshot(new URL('./classifier.repository.sql', import.meta.url));
let database: Database;
let city: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  city = await accountActor(database.db, '4407');
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const t = (d: unknown) => d as Transaction<DB>;

describe('classifier.repository', () => {
  test('a version stored after the highest, read back, the older ones deleted (rolled back)', async () => {
    const { db } = database;
    const before = (await repo.classifierInfos(db)).map((v) => v.version);
    const head = trainWithHoldout([
      { features: ['路灯', '不亮'], label: 'light', holdout: false },
      { features: ['垃圾', '清运'], label: 'rubbish', holdout: false },
    ]).head;
    const model: ClassifierModel = {
      kind: 'multinomial_nb',
      featureSet: FEATURE_SET,
      category: head,
      department: null,
    };
    const trainedAt = new Date('2026-01-02T03:04:05Z');
    await rolledBack(db, async (trx) => {
      const max = await snapshot.record('maxClassifierVersion', trx, (d: Kysely<DB>) =>
        repo.maxClassifierVersion(t(d)),
      );
      const highest = Number(max ?? 0);
      expect(highest).toBe(before.length ? Math.max(...before) : 0);
      const version = highest + 1;
      const saved = await snapshot.record('insertClassifier', trx, (d: Kysely<DB>) =>
        repo.insertClassifier(t(d), {
          version,
          trained_at: trainedAt,
          trained_by: 'repo-test',
          sample_count: 2,
          holdout_count: 0,
          accuracy: 0.5,
          top3_accuracy: null,
          department_accuracy: null,
          training_ms: 7,
          model: JSON.stringify(model),
        }),
      );
      expect(saved).toMatchObject({ version, trained_by: 'repo-test', sample_count: 2, accuracy: 0.5 });
      expect(new Date(saved.trained_at).getTime()).toBe(trainedAt.getTime());
      const newest = await snapshot.record('newestClassifierInfo', trx, (d: Kysely<DB>) =>
        repo.newestClassifierInfo(d),
      );
      expect(newest?.version).toBe(version);
      const row = await snapshot.record('classifierModelOf', trx, (d: Kysely<DB>) =>
        repo.classifierModelOf(d, version),
      );
      const stored = typeof row?.model === 'string' ? JSON.parse(row.model) : row?.model;
      // as JSON text: what a model survives of a round trip (-Infinity becomes null)
      expect(stored).toEqual(JSON.parse(JSON.stringify(model)));
      await snapshot.record('deleteClassifiersUpTo', trx, (d: Kysely<DB>) =>
        repo.deleteClassifiersUpTo(t(d), version - 1),
      );
      const left = await snapshot.record('classifierInfos', trx, (d: Kysely<DB>) => repo.classifierInfos(d));
      expect(left.map((v) => v.version)).toEqual([version]);
    });
    // rolled back: the stored versions as before
    expect((await repo.classifierInfos(db)).map((v) => v.version)).toEqual(before);
    expect(await repo.classifierModelOf(db, -1)).toBeUndefined();
  });

  test('the closed cases with a category, last closed first, at most the limit', async () => {
    const { db } = database;
    const rows = await snapshot.record('closedCaseSamples', db, (d) => repo.closedCaseSamples(d, 20));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(20);
    const ids = rows.map((r) => Number(r.id));
    const states = await db
      .selectFrom('civic_case')
      .select(['id', 'state', 'closed_at'])
      .where('id', 'in', ids)
      .execute();
    for (const s of states) expect(['closed', 'evaluated']).toContain(s.state);
    for (const r of rows) expect(r.category_code).not.toBeNull();
    const closedAt = new Map(states.map((s) => [Number(s.id), s.closed_at?.getTime() ?? 0]));
    const times = ids.map((id) => closedAt.get(id) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('the level of an org', async () => {
    const { db } = database;
    expect(await snapshot.record('orgLevel', db, (d) => repo.orgLevel(d, city.scopeOrgId))).toBe('city');
    expect(await repo.orgLevel(db, -1)).toBeUndefined();
  });

  test('duplicate candidates: category, since, box, excluded case, scope', async () => {
    const { db } = database;
    const c = await db
      .selectFrom('civic_case')
      .select(['id', 'category_code', 'created_at', 'lng', 'lat', 'county_code'])
      .where('state', '!=', 'rejected')
      .where('category_code', 'is not', null)
      .where('lng', 'is not', null)
      .where('lat', 'is not', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const lng = c.lng as number;
    const lat = c.lat as number;
    const q = {
      categoryCodes: [c.category_code as string],
      since: new Date(c.created_at.getTime() - 1000),
      minLat: lat - 0.001,
      maxLat: lat + 0.001,
      minLng: lng - 0.001,
      maxLng: lng + 0.001,
    };
    const found = await snapshot.record('duplicateCandidates', db, (d: Kysely<DB>) =>
      repo.duplicateCandidates(d, city, { ...q, excludeId: -1 }),
    );
    expect(found.map((r) => Number(r.id))).toContain(Number(c.id));
    for (const r of found) {
      expect(r.state).not.toBe('rejected');
      expect(r.created_at.getTime()).toBeGreaterThanOrEqual(q.since.getTime());
    }
    const without = await repo.duplicateCandidates(db, city, { ...q, excludeId: Number(c.id) });
    expect(without.map((r) => Number(r.id))).not.toContain(Number(c.id));
    expect(
      await repo.duplicateCandidates(db, city, { ...q, since: new Date(Date.now() + 86_400_000) }),
    ).toEqual([]);
    // another county's administrator does not see the case
    const other = await db
      .selectFrom('org')
      .select('code')
      .where('level', '=', 'county')
      .where('county_code', '!=', c.county_code)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (other) {
      const outsider = await accountActor(db, other.code);
      const seen = await repo.duplicateCandidates(db, outsider, q);
      expect(seen.map((r) => Number(r.id))).not.toContain(Number(c.id));
    }
  });
});
