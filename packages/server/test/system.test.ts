// System routes and the edge every route shares: health, readiness, the OpenAPI document, strict bodies, the body
// size limit, and problem+json for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, loginStaff, testDatabaseKind, type Client, type TestApp } from './harness.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
});
afterAll(() => t?.close());

describe('health and readiness', () => {
  it('GET /api/health answers ok without touching the database', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/ready is ready when the database answers and every migration is applied, and says which database', async () => {
    const res = await anonymous(t.app).get('/api/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: testDatabaseKind() });
  });

  it('GET /api/ready answers 503 MIGRATIONS_PENDING naming the migration when one is missing', async () => {
    // schema_migrations belongs to the migrator, which works through the pool (it is not in Kysely's table types).
    const pool = t.testDatabase.database.pool;
    const { rows } = await pool.query('DELETE FROM schema_migrations WHERE version = $1 RETURNING *', ['0001']);
    try {
      const res = await anonymous(t.app).get('/api/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'MIGRATIONS_PENDING', pending: ['0001_foundation'] });
    } finally {
      const m = rows[0];
      await pool.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [m.version, m.name, m.checksum, m.applied_at]);
    }
    expect((await anonymous(t.app).get('/api/ready')).statusCode).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 and lists every /api route with its method', async () => {
    const res = await anonymous(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('一窗通办');
    const missing = t.app.apiRoutes
      .filter((r) => r.url !== '/api/openapi.json') // hidden on purpose: the document does not describe itself
      .filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const res = await anonymous(t.app).get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('request bodies', () => {
  it('an unknown property is refused with 400 naming it, in Chinese', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'clerk', password: 'x', role: 'system_admin' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: '/role', message: '不允许的字段：role' }] });
  });

  it('every invalid field is reported at once with its path', async () => {
    const res = await admin.post('/api/org/halls', { name: '', regionCode: '13x', address: 1 });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['/address', '/name', '/openingHours', '/phone', '/regionCode']);
  });

  it('types are not coerced in bodies: "true" is not a boolean', async () => {
    const res = await admin.patch('/api/org/service-domains/tax', { active: 'false' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: '/active', message: '类型应为是/否' }] });
  });

  it('a body over the size limit is refused with 413 problem+json', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', { username: 'clerk', password: 'x'.repeat(t.config.bodyLimitBytes) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', title: '提交的内容过大' });
  });

  it('malformed JSON is a 400 MALFORMED_JSON, not a server error', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', '{"username": ', { headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await anonymous(t.app).post('/api/auth/staff/login', 'username=clerk', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('what does not exist', () => {
  it.each(['GET', 'POST', 'DELETE'] as const)('%s on an unknown /api route is a 404 problem+json', async (method) => {
    const res = await anonymous(t.app).request(method, '/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/api/no-such-thing' });
    expect(res.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a known route with an id that is not a UUID is a 400 on the path parameter', async () => {
    const res = await admin.patch('/api/org/halls/not-a-uuid', { name: '大厅' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: '/params/id' }] });
  });
});

describe('security headers', () => {
  it('responses carry the helmet headers', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('the web app’s files', () => {
  it('are sent pre-compressed to browsers that accept it, and hashed assets are kept for a year', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const zlib = await import('node:zlib');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const script = 'console.log("一窗通办");'.repeat(50);
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>一窗通办</title>');
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), script);
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.gz'), zlib.gzipSync(script));
    const web = await createTestApp({ config: { webDistDir: dist } });
    try {
      const br = await web.app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
      const plain = await web.app.inject({ url: '/assets/app-abc123.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
