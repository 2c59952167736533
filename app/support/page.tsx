import type { Metadata } from 'next';
import { LicenseResults } from '@/components/support/license-results';
import { SearchForm } from '@/components/support/search-form';
import { searchParam } from '@/components/ui/pagination';
import { requireStaffPage, SUPPORT_OR_ADMIN } from '@/lib/auth/staff';
import { searchLicensesForSupport } from '@/lib/licensing/search-licenses';

export const metadata: Metadata = { title: 'Support' };

export default async function SupportPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; after?: string | string[]; before?: string | string[] }> }) {
  await requireStaffPage(SUPPORT_OR_ADMIN, '/support');
  const params = await searchParams;
  const query = typeof params.q === 'string' ? params.q : '';
  const search = await searchLicensesForSupport(query, searchParam(params.after) ?? searchParam(params.before));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Support console</h1>
        <p className="mt-1 text-slate-600">Find a customer’s license, see its machines, release the seat of a lost one or re-issue a license file.</p>
      </div>
      <SearchForm query={query} />
      <LicenseResults search={search} />
    </div>
  );
}
