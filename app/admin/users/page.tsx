import type { Metadata } from 'next';
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from '@/app/admin/users/actions';
import { formatDateTime } from '@/components/format-date';
import { PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, Table } from '@/components/ui/table';
import { CreateUserForm, UserRowActions } from '@/components/admin/user-forms';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { staffOrderOf, staffUsersPage, type StaffOrder } from '@/lib/auth/users-admin';
import { searchParam } from '@/components/ui/pagination';
import { SortBar, sortHeader, type SortColumn } from '@/components/ui/sort-header';

export const metadata: Metadata = { title: 'Users' };

/** The staff list and the moment it was read: a lock counts as of then (rendering stays pure). */
async function usersAsOfNow(order: StaffOrder) {
  const users = await staffUsersPage(order);
  return { users, now: new Date() };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ sort?: string | string[]; dir?: string | string[] }> }) {
  const staff = await requireStaffPage(ADMIN_ONLY, '/admin/users');
  const { sort, dir } = await searchParams;
  const order = staffOrderOf(searchParam(sort), searchParam(dir));
  const { users, now } = await usersAsOfNow(order);
  const sortContext = { current: order, basePath: '/admin/users', params: {} };
  const columns: Record<StaffOrder['key'], SortColumn> = {
    email: { label: 'User', column: 'email', first: 'asc' },
    role: { label: 'Role', column: 'role', first: 'asc' },
    status: { label: 'Status', column: 'status', first: 'asc' },
    'last-sign-in': { label: 'Last sign-in', column: 'last-sign-in', first: 'desc' },
  };
  const column = (key: StaffOrder['key']) => sortHeader(columns[key], sortContext);
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff who sign in at /login. Admins run this dashboard; support staff use the support console. A disabled user is signed out on their next request."
      />
      <SortBar columns={Object.values(columns)} context={sortContext} testId="user-sort-bar" />
      <Table head={[column('email'), column('role'), column('status'), column('last-sign-in'), { label: 'Actions', hidden: true }]} testId="user-table">
        {users.map((user) => {
          const locked = user.lockedUntil && user.lockedUntil.getTime() > now.getTime();
          return (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <td className={cellClass}>
                <div className="font-medium text-slate-900">{user.email}</div>
                <div className="text-xs text-slate-500">{user.name}</div>
              </td>
              <td className={cellClass} data-testid="user-role">
                {user.role}
              </td>
              <td className={cellClass}>
                <StatusBadge status={user.disabledAt ? 'disabled' : 'enabled'} testId="user-status" />
                {locked && <div className="mt-1 text-xs text-amber-700">locked after failed sign-ins</div>}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(user.lastLoginAt, 'never')}</td>
              <td className={cellClass}>
                <UserRowActions
                  user={{ id: user.id, email: user.email, role: user.role, disabled: Boolean(user.disabledAt) }}
                  isSelf={user.id === staff.id}
                  changeRole={changeRoleAction}
                  setDisabled={setDisabledAction}
                  resetPassword={resetPasswordAction}
                />
              </td>
            </tr>
          );
        })}
      </Table>
      <Section title="New user" className="mt-8">
        <CreateUserForm action={createUserAction} />
      </Section>
    </>
  );
}
