/** Where `scripts/demo.ts` serves the built app and the demo platform (its defaults). */
export const appUrl = 'http://localhost:4173'
export const platformUrl = 'http://127.0.0.1:3000'
export const serviceInfoUrl = `${platformUrl}/reg/service/info`
