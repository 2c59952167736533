import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { plans, products, type NewPlan, type NewProduct, type Plan, type Product } from '@/db/schema';

export async function listProducts(db: DbOrTx = getDb()): Promise<Product[]> {
  return db.select().from(products).orderBy(asc(products.name));
}

export async function findProductById(id: string, db: DbOrTx = getDb()): Promise<Product | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

export async function findProductBySlug(slug: string, db: DbOrTx = getDb()): Promise<Product | undefined> {
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  return row;
}

export async function insertProduct(row: NewProduct, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(products).values(row);
}

export async function updateProduct(id: string, patch: Partial<NewProduct>, db: DbOrTx = getDb()): Promise<void> {
  await db.update(products).set({ ...patch, updatedAt: new Date() }).where(eq(products.id, id));
}

export async function listPlansOfProduct(productId: string, db: DbOrTx = getDb()): Promise<Plan[]> {
  return db.select().from(plans).where(eq(plans.productId, productId)).orderBy(asc(plans.seatLimit), asc(plans.name));
}

export async function listAllPlans(db: DbOrTx = getDb()): Promise<{ plan: Plan; product: Product }[]> {
  return db
    .select({ plan: plans, product: products })
    .from(plans)
    .innerJoin(products, eq(plans.productId, products.id))
    .orderBy(asc(products.name), asc(plans.seatLimit));
}

export async function findPlanById(id: string, db: DbOrTx = getDb()): Promise<Plan | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  return row;
}

export async function findPlanBySlug(productId: string, slug: string, db: DbOrTx = getDb()): Promise<Plan | undefined> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.productId, productId), eq(plans.slug, slug)));
  return row;
}

export async function insertPlan(row: NewPlan, db: DbOrTx = getDb()): Promise<void> {
  await db.insert(plans).values(row);
}

export async function updatePlan(id: string, patch: Partial<NewPlan>, db: DbOrTx = getDb()): Promise<void> {
  await db.update(plans).set({ ...patch, updatedAt: new Date() }).where(eq(plans.id, id));
}
