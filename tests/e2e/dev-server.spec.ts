import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { demoUser, expect, signIn, test } from './fixtures'

const projectDir = fileURLToPath(new URL('../../', import.meta.url))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
  })
}

/** `npm run dev` on the given ports, once it has printed its addresses. */
function startDev(platformPort: number, devPort: number): Promise<{ child: ChildProcess; output: () => string }> {
  // Its own process group, so the test stops npm, tsx and Vite together.
  const child = spawn('npm', ['run', 'dev'], {
    cwd: projectDir,
    detached: true,
    env: { ...process.env, PLATFORM_PORT: String(platformPort), DEV_PORT: String(devPort) },
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Press Ctrl+C to stop.')) resolve({ child, output: () => output })
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${output}`)))
  })
}

test('npm run dev serves the auth page at /access/ against its own demo platform', async ({ page }) => {
  test.setTimeout(120_000)
  const [platformPort, devPort] = [await freePort(), await freePort()]
  const dev = await startDev(platformPort, devPort)
  try {
    expect(dev.output()).toContain(`http://localhost:${devPort}/access/`)
    const response = await fetch(`http://127.0.0.1:${platformPort}/reg/access`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        requestingAppId: 'test-dev',
        requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
      }),
    })
    const { authUrl } = (await response.json()) as { authUrl: string }
    expect(authUrl.startsWith(`http://localhost:${devPort}/access/`)).toBe(true)

    await page.goto(authUrl)
    await signIn(page, demoUser.username, demoUser.password)
    await expect(page.getByText('“test-dev” asks to access the data of demo-user')).toBeVisible({ timeout: 30_000 })
  } finally {
    if (dev.child.pid) process.kill(-dev.child.pid, 'SIGTERM')
  }
})
