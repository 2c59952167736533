// Webhooks end to end against a real local HTTP receiver: changes made through the real
// routes write events to the outbox, the delivery worker's round (called with a test clock,
// so retries come without waiting) signs and sends them, the receiver goes away and comes
// back, and every event arrives, signed, in order per license, never again after a success.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postActivation } from '@/app/api/v1/activations/route';
import { POST as postDeactivation } from '@/app/api/v1/deactivations/route';
import { POST as postBulk } from '@/app/api/v1/licenses/bulk/route';
import { PATCH as patchLicense } from '@/app/api/v1/licenses/[key]/route';
import { POST as postLicense } from '@/app/api/v1/licenses/route';
import { POST as postRelease } from '@/app/api/v1/seats/[seatId]/release/route';
import { GET as getWebhooks, POST as postWebhook } from '@/app/api/v1/webhooks/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { WEBHOOK_EVENT_TYPES } from '@/lib/core/enums';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';
import { answerProblems } from '@/lib/testing/openapi';
import { deliverDueWebhooks, RETRY_DELAYS_MS } from '@/lib/webhooks/delivery';
import { signWebhook } from '@/lib/webhooks/signature';

process.env.GATEPASS_RATE_LIMIT_PER_MINUTE = '100000';

interface Received {
  path: string;
  id: string;
  timestamp: number;
  signature: string;
  body: string;
  answered: number;
}

/** A receiver on a fixed loopback port that can be taken down (connection refused) and brought back. */
class Receiver {
  received: Received[] = [];
  answer = 200;
  private server?: http.Server;
  port = 0;
  async up(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          path: request.url ?? '',
          id: String(request.headers['webhook-id']),
          timestamp: Number(request.headers['webhook-timestamp']),
          signature: String(request.headers['webhook-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
          answered: this.answer,
        });
        response.writeHead(this.answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }
  async down(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server!.closeAllConnections();
  }
}

/** The Standard Webhooks check, written from the specification rather than calling our signer. */
function verifies(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = crypto.createHmac('sha256', key).update(`${message.id}.${message.timestamp}.${message.body}`).digest('base64');
  return message.signature.split(' ').some((part) => part === `v1,${expected}`);
}

const receiver = new Receiver();
beforeAll(async () => {
  await setUpInstance();
  await receiver.up();
});
afterAll(() => receiver.down());

const call = (method: string, path: string, bearer: string, body?: unknown) =>
  new Request(`http://localhost${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.90' } });
const text = (path: string, body: string) => new Request(`http://localhost${path}`, { method: 'POST', body, headers: { 'content-type': 'text/plain', 'x-forwarded-for': '192.0.2.90' } });

/** Runs delivery rounds, moving the test clock past each retry delay, until nothing is left to send. */
async function deliverEverything(from: number): Promise<number> {
  let now = from;
  for (let round = 0; round < 50; round++) {
    const sent = await deliverDueWebhooks(now);
    if (sent === 0 && (await deliverDueWebhooks(now + 10 * 3600_000)) === 0) return now;
    now += sent === 0 ? 10 * 3600_000 : 1;
  }
  throw new Error('deliveries did not settle in 50 rounds');
}

describe('webhooks', () => {
  it('the Standard Webhooks test vector signs as the specification says', () => {
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('deliver every event of a shop flow, signed and in order per license, through a receiver outage, once each after success', async () => {
    const made = await createApiToken({ name: 'crm', scopes: ['licenses:write', 'seats:write', 'webhooks:write'] }, { type: 'system', label: 'test', ip: '' });
    if (!made.ok) throw new Error(made.message);
    const bearer = made.token;
    // The plan's own fixture license is made before the endpoint exists: it sends nothing.
    const { planId, productSlug } = await createTestLicense({ seats: 2 });
    const registered = await postWebhook(call('POST', '/api/v1/webhooks', bearer, { url: `http://127.0.0.1:${receiver.port}/hooks`, events: [...WEBHOOK_EVENT_TYPES] }));
    expect(registered.status).toBe(201);
    const registeredBody = await registered.json();
    expect(answerProblems('post', '/api/v1/webhooks', 201, registeredBody)).toEqual([]);
    const { secret } = registeredBody;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const created = await (await postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: 'hooks@example.com' }))).json();
    const license = { key: created.key as string, product: { slug: productSlug } };
    const licenseId = created.license.id as string;
    const [a, b, c] = await Promise.all([makeMachine('hook-a'), makeMachine('hook-b'), makeMachine('hook-c')]);
    const seatA = (await (await postActivation(text('/api/v1/activations', await a!.request(license)))).json()).seat_id;
    const seatB = (await (await postActivation(text('/api/v1/activations', await b!.request(license)))).json()).seat_id;
    // Refused (all seats in use) and rolled back (a bulk call with a bad plan): no events.
    expect((await postActivation(text('/api/v1/activations', await c!.request(license)))).status).toBe(409);
    expect((await postBulk(call('POST', '/api/v1/licenses/bulk', bearer, { licenses: [{ plan_id: planId, customer_email: 'never@example.com' }, { plan_id: 'nope' }] }))).status).toBe(404);
    expect((await postActivation(text('/api/v1/activations', await a!.request(license)))).status).toBe(200); // renewed
    await patchLicense(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'suspended', suspended_reason: 'chargeback' }), { params: Promise.resolve({ key: licenseId }) });
    await patchLicense(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'active' }), { params: Promise.resolve({ key: licenseId }) });
    expect((await postDeactivation(text('/api/v1/deactivations', await a!.deactivation(seatA)))).status).toBe(200);
    await postRelease(call('POST', `/api/v1/seats/${seatB}/release`, bearer, { reason: 'stolen laptop' }), { params: Promise.resolve({ seatId: seatB }) });
    const expected = ['license.created', 'seat.activated', 'seat.activated', 'seat.refreshed', 'license.suspended', 'license.reinstated', 'seat.deactivated', 'seat.released'];

    // The receiver is down: every attempt fails, and only the license's first event is tried (order).
    await receiver.down();
    const start = Date.now();
    expect(await deliverDueWebhooks(start)).toBe(1);
    expect(await deliverDueWebhooks(start + 1)).toBe(0); // the next attempt waits its 5 s
    expect(await deliverDueWebhooks(start + RETRY_DELAYS_MS[0]!)).toBe(1);
    expect(receiver.received).toHaveLength(0);
    // Back up, but answering 503 once: still retried, still in order.
    await receiver.up();
    receiver.answer = 503;
    expect(await deliverDueWebhooks(start + RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]!)).toBe(1);
    receiver.answer = 200;
    await deliverEverything(start + RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]! + RETRY_DELAYS_MS[2]!);

    const mine = receiver.received.filter((m) => m.path === '/hooks' && JSON.parse(m.body).data.license_id === licenseId);
    expect(mine.every((m) => verifies(secret, m))).toBe(true);
    const succeeded = mine.filter((m) => m.answered === 200);
    expect(succeeded.map((m) => JSON.parse(m.body).type)).toEqual(expected);
    // One success per id, and nothing sent for an id after its success.
    expect(new Set(succeeded.map((m) => m.id)).size).toBe(expected.length);
    for (const [i, m] of mine.entries()) if (m.answered === 200) expect(mine.slice(i + 1).some((later) => later.id === m.id)).toBe(false);
    // The failed attempt was the same message (same id) as its retry, with a fresh signature time.
    const retried = mine.filter((m) => m.id === succeeded[0]!.id);
    expect(retried.map((m) => m.answered)).toEqual([503, 200]);
    expect(JSON.parse(succeeded[0]!.body)).toMatchObject({ type: 'license.created', data: { license_id: licenseId, customer_email: 'hooks@example.com' } });
    expect(receiver.received.some((m) => m.body.includes('never@example.com'))).toBe(false);
    // Nothing left to send.
    expect(await deliverDueWebhooks(Date.now() + 365 * 86400_000)).toBe(0);
  });

  it('sends each event once when several workers run at the same moment (as several instances do)', async () => {
    const made = await createApiToken({ name: 'race', scopes: ['licenses:write', 'webhooks:write'] }, { type: 'system', label: 'test', ip: '' });
    if (!made.ok) throw new Error(made.message);
    const { planId } = await createTestLicense();
    await postWebhook(call('POST', '/api/v1/webhooks', made.token, { url: `http://127.0.0.1:${receiver.port}/race`, events: ['license.created'] }));
    await postBulk(call('POST', '/api/v1/licenses/bulk', made.token, { licenses: Array.from({ length: 30 }, (_, i) => ({ plan_id: planId, customer_email: `race-${i}@example.com` })) }));
    const before = receiver.received.length;
    const now = Date.now() + 1000;
    for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks(now + round)));
    const raced = receiver.received.slice(before).filter((m) => m.path === '/race');
    expect(raced).toHaveLength(30);
    expect(new Set(raced.map((m) => m.id)).size).toBe(30);
  });

  it('refuses a bad endpoint with a clear 4xx and registers nothing', async () => {
    const writer = await createApiToken({ name: 'hooks-writer', scopes: ['webhooks:write'] }, { type: 'system', label: 'test', ip: '' });
    const reader = await createApiToken({ name: 'hooks-reader', scopes: ['licenses:read'] }, { type: 'system', label: 'test', ip: '' });
    if (!writer.ok || !reader.ok) throw new Error('tokens');
    const before = (await (await getWebhooks(call('GET', '/api/v1/webhooks', writer.token))).json()).webhooks.length;
    const cases: Array<[string, unknown, number, string, string]> = [
      [writer.token, '{"url":', 400, 'ERR_VALIDATION', 'not valid JSON'],
      [writer.token, { url: 'ftp://example.com/hook', events: ['seat.activated'] }, 400, 'ERR_VALIDATION', 'url: Enter an http:// or https:// URL'],
      [writer.token, { url: 'https://user:pw@example.com/hook', events: ['seat.activated'] }, 400, 'ERR_VALIDATION', 'no user name or password'],
      [writer.token, { url: 'https://example.com/hook', events: ['seat.exploded'] }, 400, 'ERR_VALIDATION', 'events'],
      [writer.token, { url: 'https://example.com/hook', events: [] }, 400, 'ERR_VALIDATION', 'at least one event'],
      [writer.token, { url: 'https://example.com/hook', events: 'seat.activated' }, 400, 'ERR_VALIDATION', 'events'],
      [writer.token, { url: 'https://example.com/hook', events: ['seat.activated'], secret: 'mine' }, 400, 'ERR_VALIDATION', 'secret'],
      [reader.token, { url: 'https://example.com/hook', events: ['seat.activated'] }, 403, 'ERR_SCOPE_MISSING', 'webhooks:write'],
      ['gpat_nope', { url: 'https://example.com/hook', events: ['seat.activated'] }, 401, 'ERR_UNAUTHENTICATED', 'not valid'],
    ];
    for (const [bearer, body, status, code, words] of cases) {
      const response = await postWebhook(
        typeof body === 'string'
          ? new Request('http://localhost/api/v1/webhooks', { method: 'POST', body, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } })
          : call('POST', '/api/v1/webhooks', bearer, body),
      );
      const answer = await response.json();
      expect({ status: response.status, code: answer.error?.code }, JSON.stringify(answer)).toEqual({ status, code });
      expect(answer.error.message).toContain(words);
    }
    expect((await (await getWebhooks(call('GET', '/api/v1/webhooks', writer.token))).json()).webhooks).toHaveLength(before);
  });
});
