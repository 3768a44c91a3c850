// Structured logs (pino via Fastify) with request ids; ID numbers and phones are masked wherever they appear.
import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';
import { maskPersonalText } from '@onewindow/domain';

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  // Requests, errors and other class instances go to their serializers untouched; those mask what they print.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password'], censor: '[已隐去]' },
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
    serializers: {
      // An error's message and details may quote data (PostgreSQL: "Key (id_number)=(…) already exists").
      err: (error: Error) => maskDeep({ ...stdSerializers.err(error) }) as ReturnType<typeof stdSerializers.err>,
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskPersonalText(req.url),
        ip: req.ip,
      }),
    },
  };
}
