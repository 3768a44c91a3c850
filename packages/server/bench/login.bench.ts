// Login throughput: concurrent clients log in as the demo clerk over real HTTP to a server on 127.0.0.1. Each login
// verifies an argon2id hash (19 MiB, 2 passes; deliberately slow, on libuv's thread pool), which dominates on a small
// machine; it also commits a session and an audit record, whose chain lock serialises that last step.
import { percentile, type Benchmark } from './harness.ts';

const CLIENTS = Number(process.env.BENCH_LOGIN_CLIENTS || 8);
const LOGINS = Number(process.env.BENCH_LOGINS || 200);
const WARM_UP = CLIENTS;
const TIME_LIMIT_MS = 120_000;

async function login(url: string, index: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/auth/staff/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Logins are rate-limited per client address, and the benchmark's servers trust X-Forwarded-For from loopback
      // (TRUST_PROXY, see harness.ts): each request gets its own address, so the limiter stays out of the measurement.
      'x-forwarded-for': `127.0.${Math.floor(index / 250) % 250}.${(index % 250) + 1}`,
    },
    body: JSON.stringify({ username: 'clerk', password: 'Demo@2026' }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`login ${index} answered ${response.status}: ${body.slice(0, 300)}`);
  return performance.now() - started;
}

const loginBench: Benchmark = {
  name: 'staff login',
  async run(ctx) {
    const { url } = await ctx.seededServer();
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => login(url, i)));

    const latencies: number[] = [];
    let next = 0;
    const deadline = performance.now() + TIME_LIMIT_MS;
    const client = async () => {
      while (next < LOGINS && performance.now() < deadline) {
        const index = WARM_UP + next++;
        latencies.push(await login(url, index));
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const seconds = (performance.now() - started) / 1000;

    const label = `${CLIENTS} clients, ${latencies.length} logins as clerk`;
    return [
      { name: `login throughput (${label})`, value: latencies.length / seconds, unit: 'logins/s', target: null },
      { name: `login latency p50 (${label})`, value: percentile(latencies, 50), unit: 'ms', target: null },
      { name: `login latency p95 (${label})`, value: percentile(latencies, 95), unit: 'ms', target: null },
    ];
  },
};

export default loginBench;
