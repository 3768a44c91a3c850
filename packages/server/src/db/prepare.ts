// Everything a database needs before the server uses it: the schema (migrations) and the reference data the product
// ships with (the announced holiday arrangements). Idempotent; never overwrites what administrators entered.
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { ensureOfficialCalendar } from '../modules/calendar/store.ts';

export async function prepareDatabase(database: Database): Promise<string[]> {
  const applied = await migrate(database.pool);
  await ensureOfficialCalendar(database.db);
  return applied;
}
