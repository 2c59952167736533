import { redirect } from 'next/navigation';
import { currentStaff } from '@/lib/auth/staff';

/** Where sign-in lands without a return path: each role's home. */
export default async function StaffHome() {
  const staff = await currentStaff();
  if (!staff) redirect('/login');
  redirect(staff.role === 'admin' ? '/admin' : '/support');
}
