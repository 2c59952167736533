import { SignInPrompt } from '@/components/sign-in-prompt';

export default function AdminPage() {
  return <SignInPrompt area="Vendor admin" />;
}
