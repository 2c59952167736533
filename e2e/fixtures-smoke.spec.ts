import { expect, test } from '@playwright/test';
import { findLicenseByKeyHash } from '@/db/queries/licenses';
import { hashLicenseKey } from '@/lib/licensing/license-key';
import { createTestLicense } from './fixtures/domain';

test('test fixtures create licenses in the test server\'s database', async () => {
  expect(process.env.GATEPASS_DATA_DIR).toBeTruthy();
  const license = await createTestLicense({ seats: 3 });
  expect((await findLicenseByKeyHash(hashLicenseKey(license.key)))?.plan.seatLimit).toBe(3);
});
