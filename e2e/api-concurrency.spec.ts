import { expect, test } from '@playwright/test';
import { countActiveSeats } from '@/db/queries/seats';
import { createTestLicense } from './fixtures/domain';
import { forMachines, makeMachines } from './fixtures/machines';

test('120 parallel activations of distinct machines at a license with 3 free seats: exactly 3 succeed', async ({ request }) => {
  const license = await createTestLicense({ seats: 3 });
  const machines = await makeMachines(120, 'race');
  const bodies = await Promise.all(machines.map((machine) => machine.request(forMachines(license))));

  const responses = await Promise.all(
    bodies.map((data) => request.post('/api/v1/activations', { data, headers: { 'content-type': 'text/plain' } })),
  );
  const results = await Promise.all(responses.map(async (response) => ({ status: response.status(), body: await response.json() })));

  const created = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status !== 201);
  expect(created).toHaveLength(3);
  expect(new Set(created.map((r) => r.body.seat_id)).size).toBe(3);
  expect(refused).toHaveLength(117);
  for (const r of refused) {
    expect(r).toEqual({
      status: 409,
      body: { error: { code: 'ERR_SEATS_EXHAUSTED', message: 'All 3 seats of this license are in use. Deactivate the license on another machine, or ask support to release a lost one.' } },
    });
  }
  expect(await countActiveSeats(license.licenseId)).toBe(3);
});

test('the API answers a new seat with 201, the same machine with 200, and lists the seats', async ({ request }) => {
  const license = await createTestLicense({ seats: 2 });
  const [machine] = await makeMachines(1, 'api');
  const first = await request.post('/api/v1/activations', { data: await machine!.request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
  expect(first.status()).toBe(201);
  const activation = await first.json();
  expect(activation).toMatchObject({ refreshed: false, seats_used: 1, seat_limit: 2, license_file: expect.stringMatching(/^-----BEGIN GATEPASS LICENSE-----/) });
  const again = await request.post('/api/v1/activations', { data: await machine!.request(forMachines(license)), headers: { 'content-type': 'text/plain' } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ refreshed: true, seat_id: activation.seat_id });

  const refreshed = await request.post('/api/v1/refresh', { data: { license_key: license.key, seat_id: activation.seat_id } });
  expect(refreshed.status()).toBe(200);

  const seats = await request.get(`/api/v1/licenses/${encodeURIComponent(license.key)}/seats`);
  expect(seats.status()).toBe(200);
  expect(await seats.json()).toMatchObject({ license: { seats_used: 1, seat_limit: 2 }, seats: [{ seat_id: activation.seat_id, hostname: 'api-0', state: 'active' }] });

  const freed = await request.post('/api/v1/deactivations', { data: await machine!.deactivation(activation.seat_id), headers: { 'content-type': 'text/plain' } });
  expect(await freed.json()).toMatchObject({ already_deactivated: false, seats_free: 2 });
});
