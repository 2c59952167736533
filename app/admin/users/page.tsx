import type { Metadata } from 'next';
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from '@/app/admin/users/actions';
import { formatDateTime } from '@/components/format-date';
import { PageHeader } from '@/components/admin/page-header';
import { Section } from '@/components/ui/section';
import { StatusBadge } from '@/components/ui/status-badge';
import { cellClass, Table } from '@/components/ui/table';
import { CreateUserForm, UserRowActions } from '@/components/admin/user-forms';
import { ADMIN_ONLY, requireStaffPage } from '@/lib/auth/staff';
import { staffUsersPage } from '@/lib/auth/users-admin';

export const metadata: Metadata = { title: 'Users' };

/** The staff list and the moment it was read: a lock counts as of then (rendering stays pure). */
async function usersAsOfNow() {
  const users = await staffUsersPage();
  return { users, now: new Date() };
}

export default async function UsersPage() {
  const staff = await requireStaffPage(ADMIN_ONLY, '/admin/users');
  const { users, now } = await usersAsOfNow();
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff who sign in at /login. Admins run this dashboard; support staff use the support console. A disabled user is signed out on their next request."
      />
      <Table head={['User', 'Role', 'Status', 'Last sign-in', { label: 'Actions', hidden: true }]} testId="user-table">
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
