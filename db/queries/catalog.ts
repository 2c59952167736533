import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { plans, products, type NewPlan, type NewProduct, type Plan, type Product } from '@/db/schema';

export function listProducts(db: DbOrTx = getDb()): Product[] {
  return db.select().from(products).orderBy(asc(products.name)).all();
}

export function findProductById(id: string, db: DbOrTx = getDb()): Product | undefined {
  return db.select().from(products).where(eq(products.id, id)).get();
}

export function findProductBySlug(slug: string, db: DbOrTx = getDb()): Product | undefined {
  return db.select().from(products).where(eq(products.slug, slug)).get();
}

export function insertProduct(row: NewProduct, db: DbOrTx = getDb()): void {
  db.insert(products).values(row).run();
}

export function updateProduct(id: string, patch: Partial<NewProduct>, db: DbOrTx = getDb()): void {
  db.update(products).set({ ...patch, updatedAt: new Date() }).where(eq(products.id, id)).run();
}

export function listPlansOfProduct(productId: string, db: DbOrTx = getDb()): Plan[] {
  return db.select().from(plans).where(eq(plans.productId, productId)).orderBy(asc(plans.seatLimit), asc(plans.name)).all();
}

export function listAllPlans(db: DbOrTx = getDb()): { plan: Plan; product: Product }[] {
  return db
    .select({ plan: plans, product: products })
    .from(plans)
    .innerJoin(products, eq(plans.productId, products.id))
    .orderBy(asc(products.name), asc(plans.seatLimit))
    .all();
}

export function findPlanById(id: string, db: DbOrTx = getDb()): Plan | undefined {
  return db.select().from(plans).where(eq(plans.id, id)).get();
}

export function findPlanBySlug(productId: string, slug: string, db: DbOrTx = getDb()): Plan | undefined {
  return db.select().from(plans).where(and(eq(plans.productId, productId), eq(plans.slug, slug))).get();
}

export function insertPlan(row: NewPlan, db: DbOrTx = getDb()): void {
  db.insert(plans).values(row).run();
}

export function updatePlan(id: string, patch: Partial<NewPlan>, db: DbOrTx = getDb()): void {
  db.update(plans).set({ ...patch, updatedAt: new Date() }).where(eq(plans.id, id)).run();
}
