// Hot statements compiled by Kysely once per shape of their data. Building and compiling a query with a hundred values
// costs the server more CPU than PostgreSQL spends running it as a prepared statement; so a hot statement is built
// from placeholders once for each shape of its data (its keys, how many rows, which values are null or undefined) and
// then run with each call's values put in the placeholders' places. Its text is then the same string every time.
//
// The contract for `build`: it may decide the statement's structure from the data's shape only, and must use the
// values as they are, never compute with them (a placeholder refuses to become a string or a number). Whatever a
// value needs (JSON.stringify, a derived text) is done before, in the data.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { DB } from './schema.ts';

type Path = readonly (string | number)[];

/** Stands in for one value while the statement is built; compiles to a parameter that says where the value is. */
class Placeholder {
  constructor(readonly path: Path) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`placeholder ${this.path.join('.')} used in a computation: compute it before building (see compiled-per-shape.ts)`);
  }
  toJSON(): never {
    return this[Symbol.toPrimitive]();
  }
}

/**
 * Plain objects and arrays of them (an empty array too: its emptiness is shape) are the data's structure; anything
 * else (a string, a Date, null, a non-empty text[] value) is a value.
 */
function isStructure(value: unknown): value is Record<string, unknown> | Record<string, unknown>[] {
  if (Array.isArray(value)) return value.every((v) => isPlainObject(v));
  return isPlainObject(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The data with a placeholder for each value; null and undefined stay, being shape. */
function withPlaceholders(data: unknown, path: Path): unknown {
  if (data === null || data === undefined) return data;
  if (!isStructure(data)) return new Placeholder(path);
  if (Array.isArray(data)) return data.map((v, i) => withPlaceholders(v, [...path, i]));
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, withPlaceholders(v, [...path, k])]));
}

function shapeOf(data: unknown): string {
  if (!isStructure(data)) return data === undefined ? 'u' : data === null ? 'n' : 'v';
  if (Array.isArray(data)) return `[${data.map(shapeOf).join(',')}]`;
  let shape = '{';
  for (const key in data) shape += `${key}:${shapeOf(data[key])},`;
  return `${shape}}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) value = (value as Record<string | number, unknown>)[step];
  return value;
}

/** Past this many shapes a statement is compiled afresh each time (a bound on memory, never reached in practice). */
const MAX_SHAPES = 200;

export class CompiledPerShape<Data, Row = unknown> {
  private readonly compiled = new Map<string, CompiledQuery<Row>>();

  constructor(private readonly build: (db: Kysely<DB>, data: Data) => Compilable<Row>) {}

  /** The statement for `data`: compiled for its shape once, with this data's values as parameters. */
  compile(db: Kysely<DB>, data: Data): CompiledQuery<Row> {
    const shape = shapeOf(data);
    let query = this.compiled.get(shape);
    if (!query) {
      query = this.build(db, withPlaceholders(data, []) as Data).compile();
      if (this.compiled.size < MAX_SHAPES) this.compiled.set(shape, query);
    }
    return { ...query, parameters: query.parameters.map((p) => (p instanceof Placeholder ? valueAt(data, p.path) : p)) };
  }

  execute(db: Kysely<DB>, data: Data): Promise<QueryResult<Row>> {
    return db.executeQuery(this.compile(db, data));
  }
}
