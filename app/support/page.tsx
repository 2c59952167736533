import { SignInPrompt } from '@/components/sign-in-prompt';

export default function SupportPage() {
  return <SignInPrompt area="Support console" />;
}
