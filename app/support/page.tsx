import { requireStaffPage, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';

export default async function SupportPage() {
  const staff = await requireStaffPage(SUPPORT_OR_ADMIN, '/support');
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">Support console</h1>
      <p className="mt-2 text-slate-600">Signed in as {staff.email}.</p>
    </section>
  );
}
