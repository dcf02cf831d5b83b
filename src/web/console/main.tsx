import './i18n/i18n';
import './styles/console.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { queryClient } from './app/queries';
import { accessToken, status } from './auth/session';
import { router } from './app/router';

/** react-aria's own texts and date formats follow the interface language. */
function App() {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}

// A stored session (a reload, a new tab): trade the refresh token now, while React and the first page load.
if (status() === 'resuming') void accessToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
