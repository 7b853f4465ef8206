// The floor of the benchmark: Vue 3, vue-router and pinia with one form, nothing else.
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import FloorApp from './FloorApp.vue'
import FloorSignIn from './FloorSignIn.vue'

const router = createRouter({
  history: createWebHistory(new URL('./', window.location.href).pathname),
  routes: [{ path: '/:any(.*)*', component: FloorSignIn }],
})

createApp(FloorApp).use(createPinia()).use(router).mount('#app')
