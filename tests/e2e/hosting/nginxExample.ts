import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Runs Debian's nginx on nginx-example/ as it is, changing only what a test
 * machine must: certificates, ports, the site folder and the platform in the CSP.
 * Each change must find its text in the example, so an edit there that the
 * tests no longer follow fails loudly instead of testing something else.
 */
export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
export const exampleConfigPath = fileURLToPath(new URL('../../../nginx-example/sw.example.com.conf', import.meta.url))

type Substitution = [find: string | RegExp, replacement: string]

function substitute(text: string, substitutions: readonly Substitution[]): string {
  return substitutions.reduce((result, [find, replacement]) => {
    const changed = result.replaceAll(find, replacement)
    if (changed === result)
      throw new Error(`${exampleConfigPath} no longer holds ${String(find)}: update ${fileURLToPath(import.meta.url)}`)
    return changed
  }, text)
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
  }
}

async function makeWorkDir(): Promise<string> {
  if (!existsSync(nginxPath))
    throw new Error(`nginx is missing at ${nginxPath}: \`npm test\` installs Debian's nginx, or set NGINX_PATH.`)
  const dir = await mkdtemp(join(tmpdir(), 'awa3-nginx-'))
  // nginx's workers run as an unprivileged user when it is started as root: they must reach the site.
  await chmod(dir, 0o755)
  await mkdir(join(dir, 'certs'))
  const certificate = run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    join(dir, 'certs', 'privkey.pem'),
    '-out',
    join(dir, 'certs', 'fullchain.pem'),
  ])
  if (!certificate.ok) throw new Error(`openssl could not make a test certificate:\n${certificate.output}`)
  return dir
}

/** The http { } around the site file, as a distribution's nginx.conf would have it, with every path in `dir`. */
function mainConfig(dir: string): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${join(dir, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${join(dir, 'site.conf')};
}
`
}

const certificateSubstitution = (dir: string): Substitution => [
  '/etc/letsencrypt/live/sw.example.com/',
  `${join(dir, 'certs')}/`,
]

async function writeConfig(dir: string, site: string): Promise<string> {
  await writeFile(join(dir, 'site.conf'), site)
  await writeFile(join(dir, 'nginx.conf'), mainConfig(dir))
  return join(dir, 'nginx.conf')
}

function nginxArgs(dir: string, conf: string): string[] {
  return ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf]
}

/** `nginx -t` on the example with only its certificate paths pointing at a test certificate. */
export async function testExampleConfig(): Promise<{ ok: boolean; output: string }> {
  const dir = await makeWorkDir()
  try {
    const example = await readFile(exampleConfigPath, 'utf8')
    const conf = await writeConfig(dir, substitute(example, [certificateSubstitution(dir)]))
    return run(nginxPath, ['-t', ...nginxArgs(dir, conf)])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.end(() => resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

export interface RunningNginx {
  /** The app over TLS (self-signed certificate), e.g. `https://localhost:41234/access/`. */
  appUrl: string
  /** The plain-HTTP server of the example, which only redirects to https. */
  httpOrigin: string
  close: () => Promise<void>
}

export interface NginxSiteOptions {
  distDir: string
  /** Put where the example names its platform (`https://*.example.com`) in the CSP. */
  platformOrigin: string
}

/** Serves `distDir` as `/access/` through the example's site config, until `close()`. */
export async function startNginxSite(options: NginxSiteOptions): Promise<RunningNginx> {
  const dir = await makeWorkDir()
  const [httpPort, httpsPort] = [await freePort(), await freePort()]
  await mkdir(join(dir, 'site'))
  await symlink(options.distDir, join(dir, 'site', 'access'))
  const example = await readFile(exampleConfigPath, 'utf8')
  const conf = await writeConfig(
    dir,
    substitute(example, [
      certificateSubstitution(dir),
      ['root /var/www/sw.example.com;', `root ${join(dir, 'site')};`],
      [/^\s*listen \[::\]:\d+.*;\n/gm, ''],
      ['listen 80;', `listen 127.0.0.1:${httpPort};`],
      ['listen 443 ', `listen 127.0.0.1:${httpsPort} `],
      ['https://*.example.com', options.platformOrigin],
    ]),
  )
  const child = spawn(nginxPath, nginxArgs(dir, conf), { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    await rm(dir, { recursive: true, force: true })
  }
  for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
    if (await isListening(httpsPort))
      return { appUrl: `https://localhost:${httpsPort}/access/`, httpOrigin: `http://localhost:${httpPort}`, close }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')
  await close()
  throw new Error(`nginx did not start:\n${stderr}${log}`)
}
