// `npm run audit:verify`: checks the whole audit chain of the configured database; exit 1 names the first broken record.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { verifyAuditChain } from './chain.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    console.log(`审计日志校验通过：共 ${verdict.checked} 条记录，哈希链完整。`);
  } else {
    console.error(`审计日志校验失败：第 ${verdict.firstBroken!.id} 号记录 — ${verdict.firstBroken!.reason}（此前 ${verdict.checked} 条完好）。`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
