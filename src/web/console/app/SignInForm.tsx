import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { clearSignedOutReason, signedOut, signIn } from '../auth/session';
import { PageHeading } from '../components/Page';
import { queryClient } from './queries';

/** Sign-in with email and password (POST /auth/login); says why when the session ended by itself. */
export function SignInForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const reason = signedOut();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (result === 'ok') {
      clearSignedOutReason();
      void queryClient.invalidateQueries();
      return;
    }
    setProblem(t(`signIn.${result}`));
  }

  return (
    <section className="card narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {reason === 'expired' && !problem && (
        <p role="alert" className="alert">
          {t('signIn.expired')}
        </p>
      )}
      {reason === 'signed_out' && !problem && (
        <p role="status" className="notice">
          {t('signIn.signedOut')}
        </p>
      )}
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      <Form onSubmit={submit} className="form">
        <TextField type="email" name="email" isRequired autoComplete="username" value={email} onChange={setEmail} className="field">
          <Label>{t('signIn.email')}</Label>
          <Input />
          <FieldError>{t('signIn.emailRequired')}</FieldError>
        </TextField>
        <TextField type="password" name="password" isRequired autoComplete="current-password" value={password} onChange={setPassword} className="field">
          <Label>{t('signIn.password')}</Label>
          <Input />
          <FieldError>{t('signIn.passwordRequired')}</FieldError>
        </TextField>
        <Button type="submit" className="button" isDisabled={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </section>
  );
}
