// SMS goes through an outbox: a step that should text someone inserts the message in its own transaction, and a
// dispatcher delivers pending messages after commit through the configured gateway, retrying failures. Nothing a
// step promised to send is lost if the gateway is down, and nothing is sent for a step that rolled back.
import type { Kysely, Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone, maskPersonalText } from '@onewindow/domain';
import type { DB } from '../db/schema.ts';

/**
 * The interface a real SMS gateway implements (e.g. a carrier or cloud SMS HTTP API): deliver one message or throw.
 * Throwing leaves the message pending for a retry; after `MAX_ATTEMPTS` it is marked failed for an administrator.
 */
export interface SmsGateway {
  readonly name: string;
  send(message: { phone: string; text: string }): Promise<void>;
}

/**
 * The default gateway: the outbox table itself is the inbox. Messages are marked sent and shown to administrators on
 * the 短信发件箱 page, so the whole product works offline and in demos.
 */
export class LocalOutboxGateway implements SmsGateway {
  readonly name = 'local-outbox';
  constructor(private readonly log: FastifyBaseLogger) {}
  async send(message: { phone: string; text: string }): Promise<void> {
    this.log.info({ to: maskPhone(message.phone), text: maskPersonalText(message.text) }, 'SMS kept in the local outbox');
  }
}

const MAX_ATTEMPTS = 5;
const BATCH = 100;
/** How long texts of busy steps wait to go out together: each drain is a transaction of its own. */
const SOON_MS = 100;

export async function enqueueSms(trx: Transaction<DB>, message: { phone: string; text: string; purpose: string }): Promise<void> {
  await trx.insertInto('sms_outbox').values(message).execute();
}

export class SmsDispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly gateway: SmsGateway,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Deliver what is pending now; safe to call after every commit (calls coalesce). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  /**
   * Delivers what is pending within SOON_MS: for steps that text the applicant, called after their commit. Under load
   * one drain then takes the texts of many steps instead of one transaction every few steps.
   */
  soon(): void {
    this.soonTimer ??= setTimeout(() => {
      this.soonTimer = null;
      void this.kick();
    }, SOON_MS);
  }

  /** Retries pending messages periodically (after a gateway failure, or ones left by a stopped server). */
  start(intervalMs = 5000): void {
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      // SKIP LOCKED lets several servers drain one outbox without sending a message twice.
      const drainedFullBatch = await this.db.transaction().execute(async (trx) => {
        const batch = await trx
          .selectFrom('sms_outbox')
          .select(['id', 'phone', 'text', 'attempts'])
          .where('status', '=', 'pending')
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        const sent: number[] = [];
        for (const m of batch) if (await this.deliver(trx, m)) sent.push(m.id);
        // One statement marks the whole delivered batch: under load this runs after every step that texts someone.
        if (sent.length > 0) {
          await trx
            .updateTable('sms_outbox')
            .set((eb) => ({ status: 'sent', sent_at: new Date(), attempts: eb('attempts', '+', 1), last_error: null }))
            .where('id', 'in', sent)
            .execute();
        }
        return sent.length === BATCH;
      });
      // A failure waits for the next tick instead of being retried at once.
      if (!drainedFullBatch) return;
    }
  }

  private async deliver(trx: Transaction<DB>, m: { id: number; phone: string; text: string; attempts: number }): Promise<boolean> {
    try {
      await this.gateway.send({ phone: m.phone, text: m.text });
      return true;
    } catch (error) {
      const attempts = m.attempts + 1;
      this.log.warn({ smsId: m.id, attempts, err: error }, 'SMS delivery failed');
      await trx
        .updateTable('sms_outbox')
        .set({ attempts, last_error: String((error as Error).message ?? error), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending' })
        .where('id', '=', m.id)
        .execute();
      return false;
    }
  }
}
