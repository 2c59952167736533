'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ADMIN_ONLY, staffAction } from '@/lib/auth/staff';
import { changeUserRole, createStaffUser, resetUserPassword, setUserDisabled, USER_ROLES, type UserRole } from '@/lib/auth/users-admin';

const text = z.string().default('');

export const createUserAction = staffAction(ADMIN_ONLY, z.object({ email: text, name: text, role: text }), async (input, { actor }) => {
  const result = await createStaffUser({ ...input, role: input.role as UserRole }, actor);
  if (result.ok) revalidatePath('/admin/users');
  return result.ok ? { ...result, message: `User ${result.email} created.` } : result;
});

export const changeRoleAction = staffAction(ADMIN_ONLY, z.object({ userId: z.string(), role: z.enum(USER_ROLES) }), async (input, { actor }) => {
  const result = await changeUserRole(input.userId, input.role, actor);
  if (result.ok) revalidatePath('/admin/users');
  return result.ok ? { ...result, message: `Role changed to ${input.role}.` } : result;
});

export const setDisabledAction = staffAction(ADMIN_ONLY, z.object({ userId: z.string(), disabled: z.enum(['true', 'false']) }), async (input, { actor }) => {
  const disabled = input.disabled === 'true';
  const result = await setUserDisabled(input.userId, disabled, actor);
  if (result.ok) revalidatePath('/admin/users');
  return result.ok ? { ...result, message: disabled ? 'User disabled: their session ends on their next request.' : 'User enabled.' } : result;
});

export const resetPasswordAction = staffAction(ADMIN_ONLY, z.object({ userId: z.string() }), async (input, { actor }) => {
  const result = await resetUserPassword(input.userId, actor);
  if (result.ok) revalidatePath('/admin/users');
  return result;
});
