import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Insertable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CompiledPerShape } from './compiled-per-shape.ts';
import type { CaseMaterialsTable, DB } from './schema.ts';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

interface Data {
  rows: Insertable<CaseMaterialsTable>[];
  note: string | null;
}

const build = (k: Kysely<DB>, d: Data) => {
  const q = k.with('m', (qc) => qc.insertInto('case_materials').values(d.rows).returning('material_id'));
  return d.note === null ? q.selectFrom('m').select('material_id') : q.selectFrom('m').select(sql<string>`${d.note}`.as('note'));
};
const material = (id: string, files: string[] = []): Insertable<CaseMaterialsTable> => ({
  case_id: 'c1', material_id: id, name: id, received_as: 'original', count: 1, files, checks: '{}', trust_level: null, note: '', updated_at: new Date('2026-11-27T00:00:00Z'),
});

describe('a statement compiled per shape', () => {
  it('runs with the same text and parameters as the query built from the data itself', () => {
    const statement = new CompiledPerShape(build);
    for (const data of [
      { rows: [material('a'), material('b', ['f1', 'f2'])], note: 'x' },
      { rows: [material('c'), material('d', ['f3'])], note: 'y' },
      { rows: [material('e')], note: null },
    ]) {
      const direct = build(db, data).compile();
      const cached = statement.compile(db, data);
      expect([cached.sql, cached.parameters]).toEqual([direct.sql, direct.parameters]);
    }
  });

  it('builds a shape once: later data of that shape get its text with their own values', () => {
    let builds = 0;
    const statement = new CompiledPerShape((k: Kysely<DB>, d: Data) => {
      builds++;
      return build(k, d);
    });
    const first = statement.compile(db, { rows: [material('a')], note: 'x' });
    const second = statement.compile(db, { rows: [material('b')], note: 'y' });
    statement.compile(db, { rows: [material('c'), material('d')], note: 'z' });
    expect(builds).toBe(2);
    expect(second.sql).toBe(first.sql);
    expect(second.parameters).toEqual(build(db, { rows: [material('b')], note: 'y' }).compile().parameters);
  });

  it('refuses a build that computes with a value instead of passing it on', () => {
    const statement = new CompiledPerShape((k: Kysely<DB>, d: { note: string }) => k.selectFrom('regions').select(sql<string>`${`note: ${d.note}`}`.as('n')));
    expect(() => statement.compile(db, { note: 'x' })).toThrow(/placeholder note used in a computation/);
  });
});
