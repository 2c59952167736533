// The management API driven as a web shop's backend drives it: Requests into the real route
// handlers, against the real database, with real tokens. Every refusal is checked to change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postActivation } from '@/app/api/v1/activations/route';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { POST as postBulk } from '@/app/api/v1/licenses/bulk/route';
import { GET as getLicense, PATCH as patchLicenseRoute } from '@/app/api/v1/licenses/[key]/route';
import { GET as getSeats } from '@/app/api/v1/licenses/[key]/seats/route';
import { GET as listLicensesRoute, POST as postLicense } from '@/app/api/v1/licenses/route';
import { PATCH as patchPlan } from '@/app/api/v1/plans/[planId]/route';
import { POST as postPlan } from '@/app/api/v1/products/[productId]/plans/route';
import { GET as listProducts, POST as postProduct } from '@/app/api/v1/products/route';
import { POST as postRelease } from '@/app/api/v1/seats/[seatId]/release/route';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import type { Actor } from '@/lib/core/actor';
import type { ApiScope } from '@/lib/core/enums';
import { createTestLicense, makeMachine, setUpInstance } from '@/lib/testing/licensing-fixtures';
import { answerProblems } from '@/lib/testing/openapi';

process.env.GATEPASS_RATE_LIMIT_PER_MINUTE = '100000';
beforeAll(setUpInstance);

const ADMIN: Actor = { type: 'user', id: 'admin-1', label: 'admin@vendor.test', ip: '' };
const ALL: ApiScope[] = ['products:read', 'products:write', 'licenses:read', 'licenses:write', 'seats:write', 'webhooks:write', 'audit:read'];

async function token(scopes: ApiScope[] = ALL, name = `shop ${Math.random().toString(36).slice(2, 8)}`, options: { expiresAt?: Date; now?: Date } = {}): Promise<string> {
  const made = await createApiToken({ name, scopes, expiresAt: options.expiresAt ?? null }, ADMIN, options.now);
  if (!made.ok) throw new Error(made.message);
  return made.token;
}

const call = (method: string, path: string, bearer: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'x-forwarded-for': '192.0.2.80', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
  });
const id = <K extends string>(name: K, value: string) => ({ params: Promise.resolve({ [name]: value } as Record<K, string>) });
const json = async (response: Response) => ({ status: response.status, body: await response.json() });
/** The answer, after checking it against what docs/openapi.yaml says of the operation. */
async function documented(method: 'get' | 'post' | 'patch', route: string, response: Response) {
  const answer = await json(response);
  expect(answerProblems(method, route, answer.status, answer.body)).toEqual([]);
  return answer;
}

async function licensesOf(bearer: string, email: string): Promise<Array<{ id: string; status: string }>> {
  const { status, body } = await json(await listLicensesRoute(call('GET', `/api/v1/licenses?customer_email=${encodeURIComponent(email)}&limit=200`, bearer)));
  expect(status).toBe(200);
  return body.licenses;
}

describe('management API: a shop backend', () => {
  it('creates a license once per idempotency key, activates it through the public API, releases the seat and suspends it; the audit names the token', async () => {
    const bearer = await token(ALL, 'web shop');
    const { productSlug } = await createTestLicense({ seats: 2 });
    const products = await documented('get', '/api/v1/products', await listProducts(call('GET', '/api/v1/products', bearer)));
    const product = products.body.products.find((p: { slug: string }) => p.slug === productSlug);
    const email = `buyer-${Date.now()}@example.com`;
    const order = { product: productSlug, plan: product.plans[0].slug, customer_name: 'Ada Buyer', customer_email: email };

    const first = await documented('post', '/api/v1/licenses', await postLicense(call('POST', '/api/v1/licenses', bearer, order, { 'idempotency-key': `order-${email}` })));
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(first.body.license).toMatchObject({ status: 'active', customer_email: email, customer_name: 'Ada Buyer', seats_used: 0, seat_limit: 2 });
    const retried = await postLicense(call('POST', '/api/v1/licenses', bearer, order, { 'idempotency-key': `order-${email}` }));
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(first.body);
    expect((await licensesOf(bearer, email)).map((l) => l.id)).toEqual([first.body.license.id]);

    const machine = await makeMachine('shop-pc');
    const activation = await postActivation(new Request('http://localhost/api/v1/activations', { method: 'POST', body: await machine.request({ key: first.body.key, product: { slug: productSlug } }), headers: { 'content-type': 'text/plain' } }));
    expect(activation.status).toBe(201);
    const seats = await documented('get', '/api/v1/licenses/{key}/seats', await getSeats(call('GET', `/api/v1/licenses/${first.body.license.id}/seats`, bearer), id('key', first.body.license.id)));
    expect(seats.body.license.seats_used).toBe(1);
    const seatId = seats.body.seats[0].seat_id;

    const released = await documented('post', '/api/v1/seats/{seatId}/release', await postRelease(call('POST', `/api/v1/seats/${seatId}/release`, bearer, { reason: 'refund: machine returned' }), id('seatId', seatId)));
    expect(released).toMatchObject({ status: 200, body: { seat_id: seatId, hostname: 'shop-pc', seats_used: 0 } });

    const suspended = await documented('patch', '/api/v1/licenses/{id}', await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${first.body.license.id}`, bearer, { status: 'suspended', suspended_reason: 'Refunded' }), id('key', first.body.license.id)));
    expect(suspended.body).toMatchObject({ status: 'suspended', suspended_reason: 'Refunded' });
    // The same PATCH again is harmless: nothing left to change.
    expect((await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${first.body.license.id}`, bearer, { status: 'suspended', suspended_reason: 'Refunded' }), id('key', first.body.license.id))).status).toBe(200);

    const audit = await documented('get', '/api/v1/audit', await getAudit(call('GET', `/api/v1/audit?license_id=${first.body.license.id}`, bearer)));
    expect(audit.body.events.map((e: { action: string; actor: { label: string } }) => `${e.action} by ${e.actor.label}`)).toEqual([
      'license.issue by API token "web shop"',
      'seat.activate by end user via API',
      'seat.release by API token "web shop"',
      'license.suspend by API token "web shop"',
    ]);
  });

  it('answers concurrent retries of one idempotency key with one license', async () => {
    const bearer = await token();
    const { planId } = await createTestLicense();
    const email = `race-${Date.now()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: email }, { 'idempotency-key': 'same-order' })).then(json)),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.license.id)).size).toBe(1);
    expect(await licensesOf(bearer, email)).toHaveLength(1);
    // The key is per token: another token's same key is another order.
    await postLicense(call('POST', '/api/v1/licenses', await token(), { plan_id: planId, customer_email: email }, { 'idempotency-key': 'same-order' }));
    expect(await licensesOf(bearer, email)).toHaveLength(2);
    // The same key with a different request is refused and issues nothing.
    const reused = await json(await postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: `other-${email}` }, { 'idempotency-key': 'same-order' })));
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'ERR_IDEMPOTENCY_KEY_REUSED' } } });
    expect(await licensesOf(bearer, `other-${email}`)).toHaveLength(0);
  });

  it('issues many licenses in one call, all or none', async () => {
    const bearer = await token();
    const { planId } = await createTestLicense();
    const email = `bulk-${Date.now()}@example.com`;
    const good = await documented('post', '/api/v1/licenses/bulk', await postBulk(call('POST', '/api/v1/licenses/bulk', bearer, { licenses: [1, 2, 3].map((n) => ({ plan_id: planId, customer_email: email, customer_name: `Seat ${n}` })) })));
    expect(good.status).toBe(201);
    expect(good.body.licenses.map((l: { license: { customer_name: string } }) => l.license.customer_name)).toEqual(['Seat 1', 'Seat 2', 'Seat 3']);
    expect(new Set(good.body.licenses.map((l: { key: string }) => l.key)).size).toBe(3);
    const bad = await documented('post', '/api/v1/licenses/bulk', await postBulk(call('POST', '/api/v1/licenses/bulk', bearer, { licenses: [{ plan_id: planId, customer_email: `x-${email}` }, { plan_id: 'no-such-plan', customer_email: `x-${email}` }] })));
    expect(bad).toMatchObject({ status: 404, body: { error: { code: 'ERR_NOT_FOUND' } } });
    expect(bad.body.error.message).toContain('licenses.1: There is no plan with the id "no-such-plan"');
    expect(await licensesOf(bearer, `x-${email}`)).toHaveLength(0);
  });

  it('pages licenses by cursor, each once, and follows changes with updated_since', async () => {
    const bearer = await token();
    const { planId } = await createTestLicense();
    const email = `pages-${Date.now()}@example.com`;
    await postBulk(call('POST', '/api/v1/licenses/bulk', bearer, { licenses: Array.from({ length: 5 }, () => ({ plan_id: planId, customer_email: email })) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { licenses: { id: string }[]; next_cursor: string | null } } = await documented('get', '/api/v1/licenses', await listLicensesRoute(call('GET', `/api/v1/licenses?customer_email=${email}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, bearer)));
      seen.push(...page.body.licenses.map((l) => l.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);

    const before = new Date(Date.now() - 1000).toISOString();
    await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${seen[2]}`, bearer, { customer_name: 'Renamed' }), id('key', seen[2]!));
    const changed = await json(await listLicensesRoute(call('GET', `/api/v1/licenses?customer_email=${email}&updated_since=${encodeURIComponent(before)}`, bearer)));
    expect(changed.body.licenses.map((l: { id: string; customer_name: string }) => [l.id, l.customer_name])).toContainEqual([seen[2], 'Renamed']);
    const suspendedOnly = await json(await listLicensesRoute(call('GET', `/api/v1/licenses?customer_email=${email}&status=suspended`, bearer)));
    expect(suspendedOnly.body.licenses).toEqual([]);
  });

  it('creates and changes products and plans with the admin form rules', async () => {
    const bearer = await token(['products:read', 'products:write']);
    const slug = `api-app-${Date.now()}`;
    const product = await documented('post', '/api/v1/products', await postProduct(call('POST', '/api/v1/products', bearer, { slug, name: 'API App' })));
    expect(product).toMatchObject({ status: 201, body: { slug, name: 'API App', plans: [] } });
    const plan = await documented('post', '/api/v1/products/{productId}/plans', await postPlan(call('POST', `/api/v1/products/${product.body.id}/plans`, bearer, { slug: 'pro', name: 'Pro', offline_ttl_seconds: 86400 * 30, grace_seconds: 86400, seat_limit: 3 }), id('productId', product.body.id)));
    expect(plan).toMatchObject({ status: 201, body: { slug: 'pro', seat_limit: 3, archived: false } });
    const tooShort = await json(await patchPlan(call('PATCH', `/api/v1/plans/${plan.body.id}`, bearer, { offline_ttl_seconds: 60 }), id('planId', plan.body.id)));
    expect(tooShort).toMatchObject({ status: 400, body: { error: { code: 'ERR_VALIDATION', message: 'Check the body: offline_ttl_seconds: The offline TTL must be at least 1 hour..' } } });
    const patched = await documented('patch', '/api/v1/plans/{planId}', await patchPlan(call('PATCH', `/api/v1/plans/${plan.body.id}`, bearer, { seat_limit: 5 }), id('planId', plan.body.id)));
    expect(patched.body).toMatchObject({ seat_limit: 5, offline_ttl_seconds: 86400 * 30, name: 'Pro' });
    const taken = await json(await postProduct(call('POST', '/api/v1/products', bearer, { slug, name: 'Again' })));
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'ERR_CONFLICT' } } });
  });
});

describe('management API: who may call', () => {
  it('refuses a call without the scope with a 403 that names it, and changes nothing', async () => {
    const reader = await token(['licenses:read'], 'crm reader');
    const { planId, licenseId } = await createTestLicense();
    const email = `scope-${Date.now()}@example.com`;
    const refused = await documented('post', '/api/v1/licenses', await postLicense(call('POST', '/api/v1/licenses', reader, { plan_id: planId, customer_email: email })));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'ERR_SCOPE_MISSING' } } });
    expect(refused.body.error.message).toContain('lacks the scope licenses:write');
    expect(await licensesOf(reader, email)).toHaveLength(0);
    const patch = await json(await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, reader, { status: 'suspended', suspended_reason: 'nope' }), id('key', licenseId)));
    expect(patch.status).toBe(403);
    expect((await json(await getLicense(call('GET', `/api/v1/licenses/${licenseId}`, reader), id('key', licenseId)))).body.status).toBe('active');
    for (const response of [
      await postRelease(call('POST', '/api/v1/seats/x/release', reader, { reason: 'because' }), id('seatId', 'x')),
      await getAudit(call('GET', '/api/v1/audit', reader)),
      await listProducts(call('GET', '/api/v1/products', reader)),
      await postProduct(call('POST', '/api/v1/products', reader, { slug: 'nope-nope', name: 'Nope' })),
    ]) {
      expect(response.status).toBe(403);
    }
  });

  it('answers 401 without a token, with a wrong, revoked or expired one', async () => {
    const revoked = await createApiToken({ name: 'old shop', scopes: ['licenses:read'] }, ADMIN);
    if (!revoked.ok) throw new Error(revoked.message);
    expect((await json(await listLicensesRoute(call('GET', '/api/v1/licenses', revoked.token)))).status).toBe(200);
    expect((await revokeApiToken(revoked.summary.id, ADMIN)).ok).toBe(true);
    const longAgo = new Date(Date.now() - 10 * 86400_000);
    const expired = await token(['licenses:read'], 'trial shop', { now: longAgo, expiresAt: new Date(longAgo.getTime() + 86400_000) });
    const cases: Array<[string | null, string]> = [
      [null, 'needs an API token'],
      ['gpat_' + 'A'.repeat(43), 'is not valid'],
      ['not-even-a-token', 'is not valid'],
      [revoked.token, 'was revoked'],
      [expired, 'expired on'],
    ];
    for (const [bearer, words] of cases) {
      const answer = await documented('get', '/api/v1/licenses', await listLicensesRoute(call('GET', '/api/v1/licenses', bearer)));
      expect(answer, String(bearer)).toMatchObject({ status: 401, body: { error: { code: 'ERR_UNAUTHENTICATED' } } });
      expect(answer.body.error.message).toContain(words);
    }
    // The public seats route stays public: a key holder with no token still reads it.
    const license = await createTestLicense();
    expect((await getSeats(new Request(`http://localhost/api/v1/licenses/${license.key}/seats`), id('key', license.key))).status).toBe(200);
  });
});

describe('management API: hostile input', () => {
  it('answers garbage with a clear 4xx and changes nothing', async () => {
    const bearer = await token();
    const { planId, licenseId } = await createTestLicense();
    const email = `hostile-${Date.now()}@example.com`;
    const cases: Array<[Promise<Response>, number, string, string]> = [
      [postLicense(call('POST', '/api/v1/licenses', bearer, '{"plan_id":')), 400, 'ERR_VALIDATION', 'not valid JSON'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: 42, customer_email: email })), 400, 'ERR_VALIDATION', 'plan_id'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: 'not an email' })), 400, 'ERR_VALIDATION', 'customer_email'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: email, seats: 9 })), 400, 'ERR_VALIDATION', 'seats'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { customer_email: email })), 400, 'ERR_VALIDATION', 'Name the plan'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: email, expires_at: '2020-01-01T00:00:00Z' })), 400, 'ERR_VALIDATION', 'expires_at'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: email, expires_at: 'tomorrow' })), 400, 'ERR_VALIDATION', 'ISO 8601'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: 'nope', customer_email: email })), 404, 'ERR_NOT_FOUND', 'no plan'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, JSON.stringify({ plan_id: planId, customer_name: 'x'.repeat(20_000) }))), 413, 'ERR_BODY_TOO_LARGE', 'larger'],
      [postLicense(new Request('http://localhost/api/v1/licenses', { method: 'POST', body: 'plan_id=x', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded' } })), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'JSON'],
      [postLicense(call('POST', '/api/v1/licenses', bearer, { plan_id: planId, customer_email: email }, { 'idempotency-key': 'has spaces in it' })), 400, 'ERR_VALIDATION', 'Idempotency-Key'],
      [postBulk(call('POST', '/api/v1/licenses/bulk', bearer, { licenses: Array.from({ length: 101 }, () => ({ plan_id: planId, customer_email: email })) })), 400, 'ERR_VALIDATION', 'at most 100'],
      [listLicensesRoute(call('GET', '/api/v1/licenses?cursor=garbage', bearer)), 400, 'ERR_VALIDATION', 'cursor'],
      [listLicensesRoute(call('GET', '/api/v1/licenses?limit=5000', bearer)), 400, 'ERR_VALIDATION', 'at most 200'],
      [listLicensesRoute(call('GET', '/api/v1/licenses?sort=evil', bearer)), 400, 'ERR_VALIDATION', 'Unknown query parameter sort'],
      [listLicensesRoute(call('GET', '/api/v1/licenses?status=deleted', bearer)), 400, 'ERR_VALIDATION', 'status'],
      [getLicense(call('GET', '/api/v1/licenses/nope', bearer), id('key', 'nope')), 404, 'ERR_LICENSE_NOT_FOUND', 'no license'],
      [patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, {}), id('key', licenseId)), 400, 'ERR_VALIDATION', 'at least one field'],
      [patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'suspended' }), id('key', licenseId)), 400, 'ERR_VALIDATION', 'suspended_reason'],
      [patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'gone' }), id('key', licenseId)), 400, 'ERR_VALIDATION', 'status'],
      [patchLicenseRoute(call('PATCH', '/api/v1/licenses/nope', bearer, { customer_name: 'x' }), id('key', 'nope')), 404, 'ERR_LICENSE_NOT_FOUND', 'no license'],
      [postRelease(call('POST', '/api/v1/seats/nope/release', bearer, { reason: 'stolen laptop' }), id('seatId', 'nope')), 404, 'ERR_SEAT_NOT_FOUND', 'no seat'],
      [postRelease(call('POST', '/api/v1/seats/nope/release', bearer, { reason: 7 }), id('seatId', 'nope')), 400, 'ERR_VALIDATION', 'reason'],
      [getAudit(call('GET', '/api/v1/audit?since=yesterday', bearer)), 400, 'ERR_VALIDATION', 'since'],
      [getAudit(call('GET', '/api/v1/audit?after_id=-4', bearer)), 400, 'ERR_VALIDATION', ''],
    ];
    for (const [responsePromise, status, code, words] of cases) {
      const answer = await json(await responsePromise);
      expect({ status: answer.status, code: answer.body.error?.code }, JSON.stringify(answer.body)).toEqual({ status, code });
      expect(answer.body.error.message).toContain(words);
    }
    expect(await licensesOf(bearer, email)).toHaveLength(0);
    // A PATCH whose later field is refused does not make its earlier change either.
    const mixed = await json(await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'suspended', suspended_reason: 'refund', expires_at: '2020-01-01T00:00:00Z' }), id('key', licenseId)));
    expect(mixed).toMatchObject({ status: 400, body: { error: { code: 'ERR_VALIDATION', message: expect.stringContaining('expires_at') } } });
    const badEmail = await json(await patchLicenseRoute(call('PATCH', `/api/v1/licenses/${licenseId}`, bearer, { status: 'suspended', suspended_reason: 'refund', customer_email: 'nope' }), id('key', licenseId)));
    expect(badEmail).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('customer_email') } } });
    expect((await json(await getLicense(call('GET', `/api/v1/licenses/${licenseId}`, bearer), id('key', licenseId)))).body).toMatchObject({ status: 'active', customer_name: 'Test customer' });
  });
});
