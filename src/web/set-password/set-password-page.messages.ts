/**
 * The texts of the set-password page, per language. English is the reference:
 * `PageMessages` is derived from it, so every language must define exactly the
 * same keys (the compiler refuses a missing or extra one). Plain text: the page
 * escapes them. `{name}` in `signedInAs` is replaced by the person's name, and
 * `{min}` / `{max}` by the password length limits.
 */
const en = {
  languageName: 'English',
  title: 'Set your password',
  brand: 'Council platform',
  intro: 'Choose the password of your account. You will sign in with your email address and this password.',
  languages: 'Language',
  passwordLabel: 'New password',
  passwordHint: 'From {min} to {max} characters. A few words you will remember make a strong password.',
  confirmLabel: 'Confirm the new password',
  showPasswords: 'Show the passwords',
  submit: 'Set my password',
  submitting: 'Setting your password…',
  passwordRequired: 'Enter a password.',
  passwordTooShort: 'The password must have at least {min} characters.',
  passwordTooLong: 'The password must have at most {max} characters.',
  confirmRequired: 'Enter the password a second time.',
  confirmMismatch: 'The two passwords are not the same.',
  fixErrors: 'The password was not set: correct the fields marked as wrong.',
  linkMissing: 'This link is incomplete. Open the link from the email again, or copy the whole address into your browser.',
  linkExpired: 'This link has expired. Ask the secretariat of your council for a new one.',
  linkUsed:
    'This link was already used, or a newer link replaced it. If you set your password with it, sign in with that password; otherwise ask the secretariat for a new link.',
  linkInvalid: 'This link is not valid. Ask the secretariat of your council for a new one.',
  tooManyAttempts: 'Too many attempts. Wait a minute, then try again.',
  networkError: 'The server could not be reached. Check your connection, then try again.',
  unexpectedError: 'Something went wrong. Try again in a moment.',
  successTitle: 'Your password is set',
  signedInAs: 'You are signed in as {name}.',
  signedIn: 'You are signed in.',
  goToConsole: 'Go to the council platform',
  noScript: 'This page needs JavaScript to set your password. Turn it on, then open the link again.',
};

export type PageMessages = Record<keyof typeof en, string>;

const es: PageMessages = {
  languageName: 'Español',
  title: 'Establezca su contraseña',
  brand: 'Plataforma del consejo',
  intro: 'Elija la contraseña de su cuenta. Iniciará sesión con su dirección de correo electrónico y esta contraseña.',
  languages: 'Idioma',
  passwordLabel: 'Nueva contraseña',
  passwordHint: 'De {min} a {max} caracteres. Unas cuantas palabras que recuerde forman una contraseña segura.',
  confirmLabel: 'Confirme la nueva contraseña',
  showPasswords: 'Mostrar las contraseñas',
  submit: 'Establecer mi contraseña',
  submitting: 'Estableciendo su contraseña…',
  passwordRequired: 'Escriba una contraseña.',
  passwordTooShort: 'La contraseña debe tener al menos {min} caracteres.',
  passwordTooLong: 'La contraseña debe tener como máximo {max} caracteres.',
  confirmRequired: 'Escriba la contraseña por segunda vez.',
  confirmMismatch: 'Las dos contraseñas no coinciden.',
  fixErrors: 'No se estableció la contraseña: corrija los campos señalados.',
  linkMissing: 'Este enlace está incompleto. Abra de nuevo el enlace del correo o copie la dirección completa en su navegador.',
  linkExpired: 'Este enlace ha caducado. Pida uno nuevo a la secretaría de su consejo.',
  linkUsed:
    'Este enlace ya se utilizó o fue sustituido por uno más reciente. Si estableció su contraseña con él, inicie sesión con esa contraseña; si no, pida un enlace nuevo a la secretaría.',
  linkInvalid: 'Este enlace no es válido. Pida uno nuevo a la secretaría de su consejo.',
  tooManyAttempts: 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
  networkError: 'No se pudo contactar con el servidor. Compruebe su conexión y vuelva a intentarlo.',
  unexpectedError: 'Algo salió mal. Vuelva a intentarlo en un momento.',
  successTitle: 'Su contraseña está establecida',
  signedInAs: 'Ha iniciado sesión como {name}.',
  signedIn: 'Ha iniciado sesión.',
  goToConsole: 'Ir a la plataforma del consejo',
  noScript: 'Esta página necesita JavaScript para establecer su contraseña. Actívelo y abra el enlace de nuevo.',
};

const fr: PageMessages = {
  languageName: 'Français',
  title: 'Définissez votre mot de passe',
  brand: 'Plateforme du conseil',
  intro: 'Choisissez le mot de passe de votre compte. Vous vous connecterez avec votre adresse électronique et ce mot de passe.',
  languages: 'Langue',
  passwordLabel: 'Nouveau mot de passe',
  passwordHint: 'De {min} à {max} caractères. Quelques mots dont vous vous souviendrez font un mot de passe solide.',
  confirmLabel: 'Confirmez le nouveau mot de passe',
  showPasswords: 'Afficher les mots de passe',
  submit: 'Définir mon mot de passe',
  submitting: 'Enregistrement de votre mot de passe…',
  passwordRequired: 'Saisissez un mot de passe.',
  passwordTooShort: 'Le mot de passe doit comporter au moins {min} caractères.',
  passwordTooLong: 'Le mot de passe doit comporter au plus {max} caractères.',
  confirmRequired: 'Saisissez le mot de passe une seconde fois.',
  confirmMismatch: 'Les deux mots de passe ne sont pas identiques.',
  fixErrors: 'Le mot de passe n’a pas été défini : corrigez les champs signalés.',
  linkMissing: 'Ce lien est incomplet. Ouvrez de nouveau le lien du courriel, ou copiez l’adresse entière dans votre navigateur.',
  linkExpired: 'Ce lien a expiré. Demandez-en un nouveau au secrétariat de votre conseil.',
  linkUsed:
    'Ce lien a déjà servi, ou un lien plus récent l’a remplacé. Si vous avez défini votre mot de passe avec lui, connectez-vous avec ce mot de passe ; sinon, demandez un nouveau lien au secrétariat.',
  linkInvalid: 'Ce lien n’est pas valide. Demandez-en un nouveau au secrétariat de votre conseil.',
  tooManyAttempts: 'Trop de tentatives. Attendez une minute, puis réessayez.',
  networkError: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  unexpectedError: 'Une erreur est survenue. Réessayez dans un instant.',
  successTitle: 'Votre mot de passe est défini',
  signedInAs: 'Vous êtes connecté·e en tant que {name}.',
  signedIn: 'Vous êtes connecté·e.',
  goToConsole: 'Aller à la plateforme du conseil',
  noScript: 'Cette page a besoin de JavaScript pour définir votre mot de passe. Activez-le, puis ouvrez de nouveau le lien.',
};

const pt: PageMessages = {
  languageName: 'Português',
  title: 'Defina a sua senha',
  brand: 'Plataforma do conselho',
  intro: 'Escolha a senha da sua conta. Você entrará com o seu endereço de e-mail e esta senha.',
  languages: 'Idioma',
  passwordLabel: 'Nova senha',
  passwordHint: 'De {min} a {max} caracteres. Algumas palavras de que você se lembre formam uma senha forte.',
  confirmLabel: 'Confirme a nova senha',
  showPasswords: 'Mostrar as senhas',
  submit: 'Definir minha senha',
  submitting: 'Definindo a sua senha…',
  passwordRequired: 'Digite uma senha.',
  passwordTooShort: 'A senha deve ter pelo menos {min} caracteres.',
  passwordTooLong: 'A senha deve ter no máximo {max} caracteres.',
  confirmRequired: 'Digite a senha uma segunda vez.',
  confirmMismatch: 'As duas senhas não são iguais.',
  fixErrors: 'A senha não foi definida: corrija os campos assinalados.',
  linkMissing: 'Este link está incompleto. Abra novamente o link do e-mail ou copie o endereço completo no seu navegador.',
  linkExpired: 'Este link expirou. Peça um novo à secretaria do seu conselho.',
  linkUsed:
    'Este link já foi usado ou foi substituído por um mais recente. Se você definiu a sua senha com ele, entre com essa senha; caso contrário, peça um novo link à secretaria.',
  linkInvalid: 'Este link não é válido. Peça um novo à secretaria do seu conselho.',
  tooManyAttempts: 'Tentativas demais. Aguarde um minuto e tente novamente.',
  networkError: 'Não foi possível contactar o servidor. Verifique a sua conexão e tente novamente.',
  unexpectedError: 'Algo deu errado. Tente novamente em instantes.',
  successTitle: 'A sua senha está definida',
  signedInAs: 'Você entrou como {name}.',
  signedIn: 'Você entrou.',
  goToConsole: 'Ir para a plataforma do conselho',
  noScript: 'Esta página precisa de JavaScript para definir a sua senha. Ative-o e abra o link novamente.',
};

export const PAGE_LANGUAGES = ['es', 'en', 'fr', 'pt'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export const PAGE_MESSAGES: Record<PageLanguage, PageMessages> = { es, en, fr, pt };
