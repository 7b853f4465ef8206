import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { applyLanguage, i18n } from './i18n'
import { router } from './router'
import './styles/main.css'

const linkLanguage = new URLSearchParams(window.location.search).get('lang') ?? undefined
// The link's language is loaded before the first paint, so the page never flashes in another one. No top-level
// await: it would keep the bundler from merging the chunks the entry shares with lazy pages into the entry.
void applyLanguage([linkLanguage]).then(() => createApp(App).use(createPinia()).use(router).use(i18n).mount('#app'))
