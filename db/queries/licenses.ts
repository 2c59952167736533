import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { licenses, plans, products, type License, type NewLicense, type Plan, type Product } from '@/db/schema';

export interface LicenseWithPlan {
  license: License;
  plan: Plan;
  product: Product;
}

/** A license joined to its plan and product; callers add the where clause. */
function selectLicenseWithPlan(db: DbOrTx) {
  return db
    .select({ license: licenses, plan: plans, product: products })
    .from(licenses)
    .innerJoin(plans, eq(licenses.planId, plans.id))
    .innerJoin(products, eq(plans.productId, products.id));
}

export function findLicenseByKeyHash(keyHash: string, db: DbOrTx = getDb()): LicenseWithPlan | undefined {
  return selectLicenseWithPlan(db).where(eq(licenses.keyHash, keyHash)).get();
}

export function findLicenseById(id: string, db: DbOrTx = getDb()): LicenseWithPlan | undefined {
  return selectLicenseWithPlan(db).where(eq(licenses.id, id)).get();
}

export function listLicensesOfPlan(planId: string, db: DbOrTx = getDb()): License[] {
  return db.select().from(licenses).where(eq(licenses.planId, planId)).orderBy(desc(licenses.createdAt)).all();
}

export function insertLicense(row: NewLicense, db: DbOrTx = getDb()): void {
  db.insert(licenses).values(row).run();
}

export function updateLicense(id: string, patch: Partial<NewLicense>, db: DbOrTx = getDb()): void {
  db.update(licenses).set({ ...patch, updatedAt: new Date() }).where(eq(licenses.id, id)).run();
}
