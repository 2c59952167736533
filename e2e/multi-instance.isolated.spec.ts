import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { findLicenseById } from '@/db/queries/licenses';
import { countActiveSeats, findSeatById } from '@/db/queries/seats';
import { kidOf } from './fixtures/admin-cli';
import { TEST_ADMIN } from './fixtures/credentials';
import { createTestLicense } from './fixtures/domain';
import { startInstance, type Instance } from './fixtures/instances';
import { forMachines, makeMachines } from './fixtures/machines';
import { LoginPage } from './pages/login-page';

// Isolated: these start more server processes on the suite's database (SQLite file or
// PostgreSQL), kill one with SIGKILL, and rotate the signing key.
const KEY_CACHE_SECONDS = 3;
let a: Instance;
let b: Instance;

// Booting a production server takes seconds on a busy machine: the hooks and the tests that
// start instances get room for it (what they check waits on answers, never on time).
const BOOT_ROOM_MS = 180_000;

test.beforeAll(async () => {
  test.setTimeout(BOOT_ROOM_MS);
  [a, b] = await Promise.all([startInstance(), startInstance({ GATEPASS_KEY_CACHE_SECONDS: String(KEY_CACHE_SECONDS) })]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

function activate(instance: Instance, body: string, headers: Record<string, string> = {}) {
  return fetch(`${instance.url}/api/v1/activations`, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });
}

test('300 concurrent activations split across two instances at a license with 3 free seats: exactly 3 succeed', async () => {
  const license = await createTestLicense({ seats: 3 });
  const machines = await makeMachines(300, 'two-instances');
  const bodies = await Promise.all(machines.map((machine) => machine.request(forMachines(license))));
  const statuses = await Promise.all(bodies.map((body, i) => activate(i % 2 ? b : a, body).then((r) => r.status)));

  expect(statuses.filter((s) => s === 201)).toHaveLength(3);
  expect(statuses.filter((s) => s === 409)).toHaveLength(297);
  expect(await countActiveSeats(license.licenseId)).toBe(3);
  expect((await findLicenseById(license.licenseId))?.license.seatsActive).toBe(3);
});

test('one activation request sent to both instances at once is used once; a later replay on either is refused', async () => {
  const license = await createTestLicense({ seats: 5 });
  const [machine] = await makeMachines(1, 'replay');
  const body = await machine!.request(forMachines(license));
  const [first, second] = await Promise.all([activate(a, body), activate(b, body)]);
  const answers = [await first.json(), await second.json()];
  expect([first.status, second.status].sort()).toEqual([201, 409]);
  expect(answers.find((x) => x.error)).toMatchObject({ error: { code: 'ERR_REQUEST_REPLAYED' } });
  const again = await activate(first.status === 201 ? b : a, body);
  expect(again.status).toBe(409);
  expect(await countActiveSeats(license.licenseId)).toBe(1);
});

test('the rate limit is one budget across instances', async () => {
  test.setTimeout(BOOT_ROOM_MS);
  const limited = await Promise.all([0, 1].map(() => startInstance({ GATEPASS_RATE_LIMIT_PER_MINUTE: '5', GATEPASS_TRUST_PROXY: '1' })));
  try {
    // A client address of its own, so nothing else in the suite spends this budget.
    const client = { 'x-forwarded-for': `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await activate(limited[i % 2]!, 'not a request', client)).status);
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses[5]).toBe(429);
  } finally {
    await Promise.all(limited.map((instance) => instance.stop()));
  }
});

test('a staff session opened on one instance works on the other', async ({ page }) => {
  await page.goto(`${a.url}/login?callbackUrl=/admin`);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page).toHaveURL(`${a.url}/admin`);
  await page.goto(`${b.url}/admin/licenses`);
  await expect(page).toHaveURL(`${b.url}/admin/licenses`);
  await expect(page.getByRole('heading', { name: 'Licenses' })).toBeVisible();
});

test(`a signing key rotated on one instance signs on the other within ${KEY_CACHE_SECONDS} s`, async ({ page }) => {
  const license = await createTestLicense({ seats: 1000 });
  const machines = await makeMachines(200, 'rotation');
  let next = 0;
  const kidFromB = async () => {
    const response = await activate(b, await machines[next++]!.request(forMachines(license)));
    expect(response.status).toBe(201);
    return kidOf((await response.json()).license_file);
  };
  const oldKid = await kidFromB();

  await page.goto(`${a.url}/login?callbackUrl=/admin/keys`);
  await new LoginPage(page).signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByTestId('rotate-open').click();
  await page.getByRole('dialog', { name: 'Rotate the signing key?' }).getByRole('button', { name: 'Rotate signing key' }).click();
  await expect(page.getByTestId('form-success')).toContainText('signs license files from now on');
  const rotatedAt = Date.now();
  const newKid = (await page.getByTestId('key-table').locator('[data-status="active"]').getAttribute('data-testid'))!.replace('key-row-', '');
  expect(newKid).not.toBe(oldKid);

  // Instance B signs with what it cached until the cache expires, then with the new key.
  let kid = oldKid;
  while (kid !== newKid && Date.now() - rotatedAt < (KEY_CACHE_SECONDS + 5) * 1000) {
    kid = await kidFromB();
    if (kid !== newKid) expect(kid).toBe(oldKid);
    else break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(kid).toBe(newKid);
  console.log(`instance B signed with the rotated key ${((Date.now() - rotatedAt) / 1000).toFixed(1)} s after the rotation on A`);
});

test('kill -9 of one instance under load loses no committed seat', async () => {
  test.setTimeout(BOOT_ROOM_MS);
  const license = await createTestLicense({ seats: 1000 });
  const machines = await makeMachines(240, 'crash');
  const bodies = await Promise.all(machines.map((machine) => machine.request(forMachines(license))));
  const send = async (target: Instance, body: string) => {
    try {
      const response = await activate(target, body);
      const answer = await response.json();
      return { status: response.status, seatId: answer.seat_id as string | undefined };
    } catch {
      return { status: 0, seatId: undefined };
    }
  };
  // A gets its 120 requests at once; B gets its 120 through 8 clients in turn, and is
  // killed at its first answer, while 8 of its requests are in flight and 100+ wait.
  let killed = false;
  const forB = bodies.filter((_, i) => i % 2 === 1);
  const toA = Promise.all(bodies.filter((_, i) => i % 2 === 0).map((body) => send(a, body)));
  const toB = Promise.all(
    Array.from({ length: 8 }, async () => {
      const answers = [];
      for (let body = forB.shift(); body; body = forB.shift()) {
        answers.push(await send(b, body));
        if (!killed) {
          killed = true;
          b.process.kill('SIGKILL');
        }
      }
      return answers;
    }),
  );
  const outcomes = [...(await toA), ...(await toB).flat()];
  const delivered = outcomes.filter((o) => o.status === 201);
  expect(killed).toBe(true);
  expect(outcomes.some((o) => o.status === 0)).toBe(true);
  // Every license file a client received has its seat, committed and active.
  for (const { seatId } of delivered) expect((await findSeatById(seatId!))?.status).toBe('active');
  // The live-seat count matches the rows: no half-written seat.
  const seats = await countActiveSeats(license.licenseId);
  expect(seats).toBeGreaterThanOrEqual(delivered.length);
  expect((await findLicenseById(license.licenseId))?.license.seatsActive).toBe(seats);
  b = await startInstance({ GATEPASS_KEY_CACHE_SECONDS: String(KEY_CACHE_SECONDS) });
});
