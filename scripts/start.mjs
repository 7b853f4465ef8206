// `npm start`: builds the app for the demo platform and serves both (see README).
import { demoBuildEnv, ensureDependencies, run } from './bootstrap.mjs'

ensureDependencies()
run('npx', ['vite', 'build'], demoBuildEnv)
run('npx', ['tsx', 'scripts/demo.ts'])
