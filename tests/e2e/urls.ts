/**
 * Where `scripts/demo.ts` serves the built app and the demo platform. The ports
 * follow PLATFORM_PORT / APP_PORT so two checkouts can run their tests side by side.
 */
const platformPort = process.env.PLATFORM_PORT || '3000'
const appPort = process.env.APP_PORT || '4173'

export const appUrl = `http://localhost:${appPort}`
export const platformUrl = `http://127.0.0.1:${platformPort}`
export const serviceInfoUrl = `${platformUrl}/reg/service/info`
