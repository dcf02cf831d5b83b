import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStatus } from '../../auth/useSession';
import { usePublicCouncil } from './public-council';

/** The public pages' own header: their navigation (keeping the council chosen), sign-in, and the council choice. */
export function PublicLayout() {
  const { t } = useTranslation();
  const signedIn = useSessionStatus() === 'signed_in';
  const { council, councils } = usePublicCouncil();
  const navigate = useNavigate();
  const selectId = useId();
  const keep = (prev: { council?: string }) => ({ council: prev.council });
  return (
    <>
      <div className="public-header">
        <nav aria-label={t('publicPages.navigation')} className="public-nav">
          <ul>
            <li>
              <Link to="/public/presidency" search={keep} activeProps={{ 'aria-current': 'page' }}>
                {t('publicPages.presidency')}
              </Link>
            </li>
            <li>
              <Link to="/public/decisions" search={keep} activeProps={{ 'aria-current': 'page' }}>
                {t('publicPages.decisions')}
              </Link>
            </li>
            <li>
              <Link to="/public/minutes" search={keep} activeOptions={{ exact: false }} activeProps={{ 'aria-current': 'page' }}>
                {t('publicPages.minutes')}
              </Link>
            </li>
            <li className="public-signin">
              <Link to="/items">{signedIn ? t('publicPages.toConsole') : t('signIn.title')}</Link>
            </li>
          </ul>
        </nav>
        {councils.length > 1 && (
          <div className="field public-council">
            <label htmlFor={selectId}>{t('publicPages.council')}</label>
            <select
              id={selectId}
              value={council?.id ?? ''}
              onChange={(e) => void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, council: e.target.value }) })}
            >
              {councils.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {council && councils.length <= 1 && <p className="muted public-council-name">{council.name}</p>}
      </div>
      <Outlet />
    </>
  );
}
