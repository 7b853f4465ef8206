import en from '../../src/i18n/locales/en.json' with { type: 'json' }
import enAccount from '../../src/i18n/locales/account/en.json' with { type: 'json' }

/** The English texts the benchmark waits for or types into, taken from the app's reference locale. */
export const appTexts = {
  headings: { consent: en.consent.title, done: en.ended.close.title, notFound: enAccount.notFound.title },
  loginLabel: en.signIn.login,
  passwordLabel: en.signIn.password,
  signInButton: en.signIn.submit,
  acceptButton: en.consent.accept,
}
