// The floor of the benchmark: Vue 3, vue-router and pinia with one form, nothing else.
import { createPinia } from 'pinia'
import { createApp, h } from 'vue'
import { createRouter, createWebHistory, RouterView } from 'vue-router'
import FloorSignIn from './FloorSignIn.vue'

const router = createRouter({
  history: createWebHistory(new URL('./', window.location.href).pathname),
  routes: [{ path: '/:any(.*)*', component: FloorSignIn }],
})

createApp({ render: () => h('main', h(RouterView)) })
  .use(createPinia())
  .use(router)
  .mount('#app')
