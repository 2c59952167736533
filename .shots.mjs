import { chromium } from '@playwright/test';
const base = process.env.BASE || 'http://localhost:3210';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
await page.goto(`${base}/login`);
await page.getByLabel('Email').fill('admin@gatepass.test');
await page.getByLabel('Password').fill('correct horse battery staple');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(/\/admin/);
const paths = (process.env.PATHS || '/admin,/admin/products,/admin/licenses,/admin/users,/admin/keys,/admin/audit,/admin/licenses/new').split(',');
for (const p of paths) {
  await page.goto(`${base}${p}`);
  const name = p.replace(/\//g, '_').replace(/[^a-z0-9_-]/gi, '') || 'root';
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log('shot', p, await page.title());
}
await browser.close();
