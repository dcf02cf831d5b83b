import { Link, Outlet } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { signOut } from '../auth/session';
import { useSessionStatus } from '../auth/useSession';
import { AdminNavLinks, ItemsNavLink } from '../pages/admin/AdminNavLinks';
import { LanguageSwitcher } from './LanguageSwitcher';
import { queryClient, useCurrentCouncil, useMe } from './queries';

/** Every page: the skip link, the header (brand, council, language, sign-out), the navigation, the main region. */
export function Shell() {
  const { t } = useTranslation();
  const status = useSessionStatus();
  const signedIn = status === 'signed_in';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="banner">
        <div className="banner-row">
          <p className="brand">{t('app.name')}</p>
          {signedIn && <CouncilName />}
          <LanguageSwitcher signedIn={signedIn} />
          {signedIn && <Account />}
        </div>
        {signedIn && (
          <nav aria-label={t('shell.navigation')} className="main-nav">
            <ul>
              <ItemsNavLink />
              <li>
                <Link to="/meetings" activeProps={{ 'aria-current': 'page' }}>
                  {t('nav.meetings')}
                </Link>
              </li>
              <li>
                <Link to="/silence" activeProps={{ 'aria-current': 'page' }}>
                  {t('nav.silence')}
                </Link>
              </li>
              <li>
                <Link to="/presidency" activeProps={{ 'aria-current': 'page' }}>
                  {t('nav.presidency')}
                </Link>
              </li>
              <li>
                <Link to="/notifications" activeProps={{ 'aria-current': 'page' }}>
                  {t('nav.notifications')}
                </Link>
              </li>
              <AdminNavLinks />
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function CouncilName() {
  const { council } = useCurrentCouncil();
  return council ? <p className="council-name">{council.name}</p> : null;
}

function Account() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="account">
      {me.data && <span className="account-name">{me.data.fullName}</span>}
      <Button
        className="button button-quiet"
        onPress={() => {
          void signOut().then(() => queryClient.clear());
        }}
      >
        {t('shell.signOut')}
      </Button>
    </div>
  );
}
