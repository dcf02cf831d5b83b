import { Outlet } from '@tanstack/react-router';
import { useSessionStatus } from '../auth/useSession';
import { Loading } from '../components/Page';
import { PublicLinks } from '../pages/public/PublicLinks';
import { SignInForm } from './SignInForm';

/** The pages that need a session: the sign-in form until there is one (the address is kept: a deep link opens after). */
export function SignedIn() {
  const status = useSessionStatus();
  if (status === 'signed_in') return <Outlet />;
  if (status === 'resuming') return <Loading />;
  // Under the form: the pages open to anyone (the presidency calendar, adopted decisions, approved minutes).
  return (
    <>
      <SignInForm />
      <PublicLinks />
    </>
  );
}
