import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

let firstHeading = true;

/**
 * A page's heading and the document title; the heading takes the focus when the page opens after a
 * navigation inside the app, so that screen readers announce the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // Not on the first page of a load (the skip link stays the first stop of the Tab key).
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('nav, .skip-link, h1')) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A page that cannot be used here (no council, not the secretariat's): its heading and why. */
export function Unavailable({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{children}</p>
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

/** An API error in words (its message), as an alert. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = (error as { api?: ApiError }).api;
  return (
    <p role="alert" className="alert">
      {api?.statusCode === 409 ? t('common.conflict') : api?.message ? t('common.errorWith', { message: api.message }) : t('common.error')}
    </p>
  );
}
