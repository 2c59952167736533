import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { currentStaff } from '@/lib/auth/staff';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Gatepass' } };

/**
 * The dashboard frame. Showing the navigation is UX only: each page calls
 * requireStaffPage and each action staffAction, so the role is checked on the server.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (staff?.role !== 'admin') return children;
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:gap-10">
      <aside className="lg:w-48 lg:shrink-0">
        <p className="mb-2 hidden px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase lg:block">Vendor admin</p>
        <AdminNav />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
