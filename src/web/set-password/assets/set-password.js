// The set-password page (GET /app/set-password?token=…): checks the two fields,
// sends the password with the link's token (POST /auth/password), which signs
// the person in, then shows who they are signed in as (GET /auth/me).
// The tokens of the session stay in memory only (this module's `session`).
// The texts come from data attributes of <main>, in the page's language.

const MIN_LENGTH = 12;
const MAX_LENGTH = 200;

const main = document.getElementById('main');
const form = document.getElementById('set-password-form');
const messages = main.dataset;

/** The session the API hands out on success: never written to storage. */
let session = null;

/** Characters as people count them (a surrogate pair is one), like the API's length rule. */
const length = (text) => [...text].length;

const api = (path) => new URL(`../${path}`, window.location.href);

function fieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  error.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function setAlert(message) {
  document.getElementById('alert').textContent = message ?? '';
}

function setBusy(busy) {
  const button = document.getElementById('submit');
  button.disabled = busy;
  document.getElementById('status').textContent = busy ? messages.submitting : '';
  form.setAttribute('aria-busy', String(busy));
}

/** The checks the API makes, in the person's words; returns the first field in error. */
function validate(password, confirm) {
  let problem = null;
  if (password.value.length === 0) problem = messages.passwordRequired;
  else if (length(password.value) < MIN_LENGTH) problem = messages.passwordTooShort;
  else if (length(password.value) > MAX_LENGTH) problem = messages.passwordTooLong;
  fieldError(password, problem);
  let mismatch = null;
  if (!problem) {
    if (confirm.value.length === 0) mismatch = messages.confirmRequired;
    else if (confirm.value !== password.value) mismatch = messages.confirmMismatch;
  }
  fieldError(confirm, mismatch);
  if (problem) return password;
  if (mismatch) return confirm;
  return null;
}

/** The link cannot be used: say why, and take the form away (nothing typed into it could work). */
function linkRefused(message) {
  form.remove();
  setAlert(message);
  document.getElementById('title').setAttribute('tabindex', '-1');
  document.getElementById('title').focus();
}

async function showSignedIn() {
  let name = null;
  try {
    const res = await fetch(api('auth/me'), { headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' } });
    if (res.ok) name = (await res.json()).fullName;
  } catch {
    // Signed in all the same: the page says so without the name.
  }
  const line = document.getElementById('signed-in');
  if (name) {
    const [before, after] = messages.signedInAs.split('{name}');
    const strong = document.createElement('strong');
    strong.textContent = name;
    line.replaceChildren(before, strong, after ?? '');
  } else {
    line.textContent = messages.signedIn;
  }
  // The link is used up: keep it out of the address bar and the history.
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url);
  for (const link of document.querySelectorAll('.languages a')) {
    const target = new URL(link.href);
    target.searchParams.delete('token');
    link.href = target.search;
  }
  document.getElementById('form-panel').hidden = true;
  document.getElementById('success-panel').hidden = false;
  document.getElementById('success-title').focus();
}

async function submit(event) {
  event.preventDefault();
  const password = document.getElementById('password');
  const confirm = document.getElementById('confirm');
  setAlert(null);
  const invalid = validate(password, confirm);
  if (invalid) {
    invalid.focus();
    return;
  }
  const token = new URLSearchParams(window.location.search).get('token');
  setBusy(true);
  let res;
  try {
    res = await fetch(api('auth/password'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token, password: password.value }),
    });
  } catch {
    setBusy(false);
    setAlert(messages.networkError);
    return;
  }
  if (res.ok) {
    session = await res.json();
    password.value = '';
    confirm.value = '';
    setBusy(false);
    await showSignedIn();
    return;
  }
  setBusy(false);
  const body = await res.json().catch(() => ({}));
  const problems = Array.isArray(body.errors) ? body.errors : [];
  const onToken = problems.find((p) => p.field === 'token');
  const onPassword = problems.find((p) => p.field === 'password');
  if (res.status === 400 && onToken) {
    linkRefused({ link_expired: messages.linkExpired, link_used: messages.linkUsed }[onToken.rule] ?? messages.linkInvalid);
  } else if (res.status === 400 && onPassword) {
    fieldError(password, onPassword.rule === 'maxLength' ? messages.passwordTooLong : messages.passwordTooShort);
    setAlert(messages.fixErrors);
    password.focus();
  } else if (res.status === 429) {
    setAlert(messages.tooManyAttempts);
  } else {
    setAlert(messages.unexpectedError);
  }
}

if (form) {
  form.addEventListener('submit', (event) => {
    submit(event).catch(() => {
      setBusy(false);
      setAlert(messages.unexpectedError);
    });
  });
  document.getElementById('show-passwords').addEventListener('change', (event) => {
    const type = event.target.checked ? 'text' : 'password';
    for (const id of ['password', 'confirm']) document.getElementById(id).type = type;
  });
}
