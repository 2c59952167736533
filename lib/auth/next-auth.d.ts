import type { UserRole } from '@/db/schema';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole };
  }
}
