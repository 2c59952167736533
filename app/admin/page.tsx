import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';

export default async function AdminPage() {
  const staff = await requireStaffPage(ADMIN_ONLY, '/admin');
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">Vendor admin</h1>
      <p className="mt-2 text-slate-600">Signed in as {staff.email}.</p>
    </section>
  );
}
