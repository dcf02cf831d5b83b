import { Navigate } from '@tanstack/react-router';
import { currentMembership, useMe } from '../../app/queries';
import { ErrorText, Loading } from '../../components/Page';

/**
 * The console's first page: a delegate's own action items; for the secretariat (no delegation seat, so no
 * action items of their own) the meetings.
 */
export function HomePage() {
  const me = useMe();
  if (me.isLoading) return <Loading />;
  if (me.error) return <ErrorText error={me.error} />;
  const membership = currentMembership(me.data);
  return <Navigate to={membership && membership.role !== 'delegate' ? '/meetings' : '/items'} replace />;
}
