import type { UserRole } from '@/lib/core/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole };
  }
}
