// Runtime configuration, read once from the environment. The README's configuration table documents every variable.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Real PostgreSQL when set; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  production: boolean;
  logLevel: string;
  sessionTtlMinutes: number;
  lockout: { maxFailures: number; windowMinutes: number };
  /** Roles that must log in with a TOTP code as well as a password. */
  totpRequiredRoles: string[];
  bodyLimitBytes: number;
  /** Largest single uploaded file. */
  uploadLimitBytes: number;
  /** Largest chunk of a resumable upload (PUT /api/uploads/:id), told to the client as `chunkSize`. */
  uploadChunkBytes: number;
  /** A resumable upload untouched for this long is removed with its partial data. */
  uploadIdleHours: number;
  /** Built web app to serve; null when it has not been built (the API still runs). */
  webDistDir: string;
  seedDemoData: boolean;
  /** Where the public web app is reached; printed guides link here (QR code). No trailing slash. */
  publicBaseUrl: string;
  /** Noto Sans CJK font (collection) embedded in generated PDFs. */
  cjkFontPath: string;
  /**
   * Whether to take the client address from X-Forwarded-For: only behind a reverse proxy that sets it, otherwise any
   * client could pick the address that rate limits and the audit log see. `true`, or the proxy addresses/CIDRs.
   */
  trustProxy: boolean | string;
  /** On SIGTERM, how long requests already on their way are still read before the server stops listening. */
  shutdownDrainMs: number;
  /** A case's clock turns yellow when at most this many working days remain (CASE_WARN_WORKDAYS). */
  caseWarnWorkdays: number;
  /** Working days an applicant has to bring a 补齐补正 correction (CORRECTION_WORKDAYS). */
  correctionWorkdays: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为 "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  const port = intFromEnv(env, 'PORT', 3000);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlMinutes: intFromEnv(env, 'SESSION_TTL_MINUTES', 8 * 60),
    lockout: {
      maxFailures: intFromEnv(env, 'LOGIN_MAX_FAILURES', 5),
      windowMinutes: intFromEnv(env, 'LOGIN_LOCK_MINUTES', 15),
    },
    totpRequiredRoles: (env.TOTP_REQUIRED_ROLES ?? 'system_admin').split(',').map((r) => r.trim()).filter(Boolean),
    bodyLimitBytes: intFromEnv(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: intFromEnv(env, 'UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024),
    uploadChunkBytes: intFromEnv(env, 'UPLOAD_CHUNK_BYTES', 1024 * 1024),
    uploadIdleHours: intFromEnv(env, 'UPLOAD_IDLE_HOURS', 24),
    webDistDir: path.join(repoRoot, 'packages/web/dist'),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    shutdownDrainMs: intFromEnv(env, 'SHUTDOWN_DRAIN_MS', 1000),
    caseWarnWorkdays: intFromEnv(env, 'CASE_WARN_WORKDAYS', 2),
    correctionWorkdays: intFromEnv(env, 'CORRECTION_WORKDAYS', 10),
    trustProxy: !env.TRUST_PROXY || env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY,
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    cjkFontPath: env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  };
}
