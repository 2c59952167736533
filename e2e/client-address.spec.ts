import { expect, test } from '@playwright/test';
import { listAuditEventsOfLicense } from '@/db/queries/support-license-history';
import { createTestLicense } from './fixtures/domain';
import { forMachines, makeMachines } from './fixtures/machines';

test('a client cannot choose the address written into the audit log by sending X-Forwarded-For', async ({ request }) => {
  const license = await createTestLicense({ seats: 1 });
  const [machine] = await makeMachines(1, 'spoof');
  const response = await request.post('/api/v1/activations', {
    data: await machine!.request(forMachines(license)),
    headers: { 'content-type': 'text/plain', 'x-forwarded-for': '198.51.100.66', 'x-real-ip': '198.51.100.67' },
  });
  expect(response.status()).toBe(201);
  const [activation] = (await listAuditEventsOfLicense(license.licenseId)).filter((event) => event.action === 'seat.activate');
  // scripts/server.mjs replaces the header with the socket's address (GATEPASS_TRUST_PROXY is off).
  expect(activation?.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
});
