// `npm run seed`: migrates the configured database and loads the demo data if it is empty.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { isEmpty, seedDemoData } from './demo.ts';

const config = loadConfig();
if (config.production) {
  console.error('生产环境（NODE_ENV=production）不加载演示数据。');
  process.exit(1);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await prepareDatabase(database);
  if (await isEmpty(database.db)) {
    await seedDemoData(database.db);
    console.log('演示数据已加载。');
  } else {
    console.log('数据库已有数据，未重复加载演示数据。');
  }
} finally {
  await database.close();
}
