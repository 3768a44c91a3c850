// Catalogue at scale: 10,000 published implementations (generated from the demo items with varied names, regions
// and departments) are loaded before the server starts; then search in Chinese, full pinyin and initials, and guide
// detail, over real HTTP to 127.0.0.1, sequentially (latency, not throughput).
import { type Benchmark, type Result, percentile } from './harness.ts';
import { openDatabase } from '../src/db/database.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { seedDemoData } from '../src/seed/demo.ts';
import { DEMO_CATALOG } from '../src/seed/demo-catalog.ts';
import { loadPublishedCatalog, type PublishedEntry } from '../src/modules/catalog/bulk-load.ts';
import { beijingToday } from '@onewindow/domain';
import { writeCatalogWorkbook, type WorkbookRow } from '../src/modules/catalog/excel.ts';

const ITEMS = Number(process.env.BENCH_CATALOG_ITEMS || 10_000);
const QUERIES_PER_KIND = Number(process.env.BENCH_CATALOG_QUERIES || 300);

// Words that make generated names differ the way real local items do (by place, object and variant).
const QUALIFIERS = ['（分支机构）', '（个人）', '（单位）', '（变更）', '（注销）', '（补办）', '（延续）', '（迁入）', '（迁出）', '（首次）', '（跨省）', '（省内）'];

interface LargeCatalog {
  codes: string[];
  /** A workbook of new implementations, for the import benchmark. */
  importWorkbook: Buffer;
  importCount: number;
}

async function seedLargeCatalog(env: Record<string, string>): Promise<LargeCatalog> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR! });
  try {
    await prepareDatabase(database);
    await seedDemoData(database.db);
    const db = database.db;
    const departments = await db.selectFrom('departments').select(['id', 'region_code']).execute();
    // A department implements items in its own region and below, as the import and the editors require.
    const departmentsCovering = (region: string) => departments.filter((d) => region.startsWith(d.region_code));
    const regions = (await db.selectFrom('regions').select('code').execute()).map((r) => r.code).filter((c) => c.length <= 6 && departmentsCovering(c).length > 0);
    const staff = new Map((await db.selectFrom('staff').select(['id', 'username']).execute()).map((s) => [s.username, s.id]));
    const entries: PublishedEntry[] = [];
    // With the demo items, the catalogue holds ITEMS implementations.
    for (let i = 0; entries.length < ITEMS - DEMO_CATALOG.length; i++) {
      const base = DEMO_CATALOG[i % DEMO_CATALOG.length]!;
      const qualifier = QUALIFIERS[Math.floor(i / DEMO_CATALOG.length) % QUALIFIERS.length]!;
      const region = regions[i % regions.length]!;
      entries.push({
        code: `B${String(i).padStart(7, '0')}-${region}`,
        regionCode: region,
        departmentId: ((c) => c[i % c.length]!.id)(departmentsCovering(region)),
        popularity: (i * 7919) % 5000,
        content: { ...base.content, name: `${base.content.name}${qualifier}`, delegatedToRegions: [], transferredToDepartmentId: null },
      });
    }
    await loadPublishedCatalog(db, entries, { submittedBy: staff.get('catalog')!, publishedBy: staff.get('catalog2')!, effectiveFrom: beijingToday() });
    const usccOf = new Map((await db.selectFrom('departments').select(['id', 'uscc']).execute()).map((d) => [d.id, d.uscc]));
    const domains = await db.selectFrom('service_domains').select(['code', 'name']).execute();
    // Same shapes, new codes, all inside the catalogue administrator's region (石家庄市).
    const rows: WorkbookRow[] = entries
      .slice(0, ITEMS)
      .map((e, i) => {
        const cityDepartments = departmentsCovering('1301');
        return { code: `X${String(i).padStart(7, '0')}-1301`, regionCode: '1301', departmentUscc: usccOf.get(cityDepartments[i % cityDepartments.length]!.id)!, content: { ...e.content, exerciseLevel: '3' as const } };
      });
    const importWorkbook = await writeCatalogWorkbook(rows, { departmentUscc: usccOf, domains: { title: '业务领域', entries: domains.map((d) => ({ code: d.code, label: d.name })) } });
    return { codes: entries.map((e) => e.code), importWorkbook, importCount: rows.length };
  } finally {
    await database.close();
  }
}

async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measure(urls: string[]): Promise<number[]> {
  for (const u of urls.slice(0, 20)) await timeGet(u); // warm-up
  const latencies: number[] = [];
  for (const u of urls) latencies.push(await timeGet(u));
  return latencies;
}

async function timeImport(url: string, workbook: Buffer): Promise<number> {
  const login = await fetch(`${url}/api/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'catalog', password: 'Demo@2026' }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(workbook)]), 'catalog.xlsx');
  const started = performance.now();
  const response = await fetch(`${url}/api/catalog/import`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form, signal: AbortSignal.timeout(300_000) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${body.slice(0, 500)}`);
  return performance.now() - started;
}

const QUERIES = {
  Chinese: ['营业执照', '医保 参保', '不动产 登记', '住房公积金提取', '社会保障卡', '食品经营许可', '登记 变更', '户口迁移', '出生医学证明', '失业保险金'],
  'full pinyin': ['yingyezhizhao', 'canbao', 'budongchan', 'gongjijin', 'shehuibaozhang', 'shipin', 'biangeng', 'hukou', 'chusheng', 'shiye'],
  initials: ['yyzz', 'cbdj', 'bdcdj', 'zfgjj', 'sbk', 'spjyxk', 'bgdj', 'hkqy', 'csyxzm', 'syjbx'],
};

const catalogBench: Benchmark = {
  name: `catalogue (${ITEMS} items)`,
  async run(ctx) {
    const env = await ctx.freshDatabase();
    const loadStarted = performance.now();
    const { codes, importWorkbook, importCount } = await seedLargeCatalog(env);
    const loadMs = performance.now() - loadStarted;
    const server = await ctx.startServer(env);
    const results: Result[] = [{ name: `bulk load of ${ITEMS} published guides with search index`, value: loadMs, unit: 'ms', target: null }];
    try {
      for (const [kind, words] of Object.entries(QUERIES)) {
        const urls = Array.from({ length: QUERIES_PER_KIND }, (_, i) => {
          const region = ['', '1301', '130123', '130102'][i % 4]!;
          return `${server.url}/api/catalog/search?q=${encodeURIComponent(words[i % words.length]!)}&pageSize=20${region ? `&region=${region}` : ''}`;
        });
        const latencies = await measure(urls);
        for (const p of [50, 95, 99]) {
          results.push({ name: `search p${p}, ${kind} queries`, value: percentile(latencies, p), unit: 'ms', target: p === 95 ? '≤ 30 ms (PostgreSQL)' : null });
        }
      }
      const detailUrls = Array.from({ length: QUERIES_PER_KIND }, (_, i) => `${server.url}/api/catalog/items/${codes[(i * 37) % codes.length]}`);
      const detail = await measure(detailUrls);
      for (const p of [50, 95]) results.push({ name: `guide detail p${p}`, value: percentile(detail, p), unit: 'ms', target: p === 95 ? '≤ 10 ms (PostgreSQL)' : null });
      results.push({ name: `Excel import of ${importCount} new implementations (one request, all or nothing)`, value: await timeImport(server.url, importWorkbook), unit: 'ms', target: null });
    } finally {
      await server.stop();
    }
    return results;
  },
};

export default catalogBench;
