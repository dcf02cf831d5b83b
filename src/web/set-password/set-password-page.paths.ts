/**
 * Where the set-password page lives: the web console's path (`/app/`), so the
 * emailed links keep working when the console takes the page over. The old
 * path, in links emailed before, redirects there.
 */
export const SET_PASSWORD_PAGE_PATH = '/app/set-password';
export const LEGACY_SET_PASSWORD_PATH = '/set-password';
/** The page's script and style sheet, beside it (relative links from the page: `set-password/…`). */
export const SET_PASSWORD_ASSETS_PATH = `${SET_PASSWORD_PAGE_PATH}/`;
