// Starts OneWindow: open the database (embedded PGlite unless DATABASE_URL is set), migrate, seed an empty database
// with demo data, serve, and shut down gracefully on SIGTERM/SIGINT.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { prepareDatabase } from './db/prepare.ts';
import { buildApp } from './app.ts';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, DEMO_STAFF, DEMO_APPLICANTS, isEmpty, seedDemoData } from './seed/demo.ts';
import { roleLabel } from '@onewindow/domain';
import { deadlineJob } from './modules/cases/deadline-job.ts';
import { activateDueVersionsJob } from './modules/catalog/search-index.ts';
import { uploadSweepJob } from './platform/resumable-uploads.ts';

const startedAt = performance.now();
const config = loadConfig();

let database;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`启动失败：${error.message}`);
    process.exit(2);
  }
  throw error;
}

await prepareDatabase(database);
const seeded = config.seedDemoData && !config.production && (await isEmpty(database.db));
if (seeded) await seedDemoData(database.db);

const app = await buildApp({ config, database });
app.addHook('onClose', async () => database.close());
app.sms.start();
app.scheduler.start([activateDueVersionsJob, deadlineJob(config), uploadSweepJob(config)]);
await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}`;
const where = database.kind === 'pglite' ? `内嵌数据库 PGlite（${config.dataDir}）` : 'PostgreSQL（DATABASE_URL）';
console.log(`\n一窗通办 OneWindow 已启动：${url}  （${where}，用时 ${((performance.now() - startedAt) / 1000).toFixed(1)} 秒）`);
console.log(`接口文档：${url}/api/docs`);
if (!config.production) {
  console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}${seeded ? '，演示数据已加载' : ''}）：`);
  for (const s of DEMO_STAFF) console.log(`  工作人员  ${s.username.padEnd(10)} ${roleLabel(s.role)}`);
  for (const a of DEMO_APPLICANTS) console.log(`  申请人    ${a.phone}  ${a.name}`);
  console.log(`  系统管理员 admin 须输入动态口令：在身份验证器应用中添加密钥 ${DEMO_ADMIN_TOTP_SECRET}`);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, '正在停止：不再接受新请求，等待进行中的请求完成');
    // First a short drain: requests already sent on accepted connections are read and served (answers now carry
    // `Connection: close`); then Fastify stops listening, refuses what still arrives (503) and waits for the rest.
    app.shuttingDown = true;
    const drain = new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    drain.then(() => app.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
