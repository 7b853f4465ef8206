// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('../../../scripts/publish-gh-pages.mjs', import.meta.url))

let root: string
let remote: string
let project: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

function publish(args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync('node', [script, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  return { status: result.status, output: result.stdout + result.stderr }
}

function writeDist(files: Record<string, string>): void {
  rmSync(join(project, 'dist'), { recursive: true, force: true })
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(project, 'dist', path, '..'), { recursive: true })
    writeFileSync(join(project, 'dist', path), content)
  }
}

const firstBuild = {
  'index.html': '<p>app v1</p>',
  '404.html': '<p>app v1 fallback</p>',
  'access.html': '<p>app v1</p>',
  'assets/index-v1.js': 'v1',
}

const filesOn = (ref: string) => git(remote, 'ls-tree', '-r', '--name-only', ref).split('\n').sort()
const fileOn = (ref: string, path: string) => git(remote, 'show', `${ref}:${path}`)
const otherRefs = () =>
  git(remote, 'for-each-ref', '--format=%(refname) %(objectname)')
    .split('\n')
    .filter((line) => !line.startsWith('refs/heads/gh-pages '))

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'publish-test-'))
  remote = join(root, 'fork.git')
  project = join(root, 'project')
  git(root, 'init', '--quiet', '--bare', remote)
  git(root, 'clone', '--quiet', remote, project)
  git(project, 'config', 'user.name', 'Operator')
  git(project, 'config', 'user.email', 'operator@example.com')
  writeFileSync(join(project, 'README.md'), 'fork\n')
  git(project, 'add', 'README.md')
  git(project, 'commit', '--quiet', '-m', 'fork')
  git(project, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main')
  writeDist(firstBuild)
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

// Each case runs git and node several times: slow on a busy machine.
describe('publish-gh-pages', { timeout: 30_000 }, () => {
  it('creates the gh-pages branch the first time, laid out for a GitHub Pages project site', () => {
    const before = otherRefs()
    const projectBranches = git(project, 'branch', '--list')
    const result = publish()

    expect(result.status).toBe(0)
    expect(result.output).toContain('Created gh-pages on origin')
    expect(filesOn('gh-pages')).toEqual([
      '.nojekyll',
      '404.html',
      'access/404.html',
      'access/access.html',
      'access/assets/index-v1.js',
      'access/index.html',
    ])
    expect(fileOn('gh-pages', '404.html')).toBe(firstBuild['404.html'])
    expect(fileOn('gh-pages', 'access/assets/index-v1.js')).toBe('v1')
    expect(git(remote, 'log', '--format=%an|%s', 'gh-pages')).toMatch(
      /^Operator\|Publish app-web-auth3 from [0-9a-f]+$/,
    )
    expect(otherRefs()).toEqual(before)
    expect(git(project, 'status', '--porcelain')).toBe('?? dist/')
    expect(git(project, 'branch', '--list')).toBe(projectBranches)
  })

  it('adds one commit per publish, replaces the build and keeps the files the operator added', () => {
    publish()
    const first = git(remote, 'rev-parse', 'gh-pages')
    // The operator adds a custom domain on the branch, as GitHub's settings page does.
    const clone = join(root, 'pages')
    git(root, 'clone', '--quiet', '--branch', 'gh-pages', remote, clone)
    writeFileSync(join(clone, 'CNAME'), 'sw.example.com\n')
    git(clone, 'add', 'CNAME')
    git(clone, '-c', 'user.name=GitHub', '-c', 'user.email=gh@example.com', 'commit', '--quiet', '-m', 'Create CNAME')
    git(clone, 'push', '--quiet', 'origin', 'gh-pages')
    const before = otherRefs()

    writeDist({ 'index.html': '<p>app v2</p>', '404.html': '<p>app v2 fallback</p>', 'assets/index-v2.js': 'v2' })
    const result = publish(['--message', 'Second build'])

    expect(result.status).toBe(0)
    expect(git(remote, 'log', '--format=%s', 'gh-pages').split('\n')).toEqual([
      'Second build',
      'Create CNAME',
      expect.stringMatching(/^Publish/),
    ])
    expect(git(remote, 'merge-base', '--is-ancestor', first, 'gh-pages')).toBe('')
    expect(filesOn('gh-pages')).toEqual([
      '.nojekyll',
      '404.html',
      'CNAME',
      'access/404.html',
      'access/assets/index-v2.js',
      'access/index.html',
    ])
    expect(fileOn('gh-pages', '404.html')).toBe('<p>app v2 fallback</p>')
    expect(otherRefs()).toEqual(before)
  })

  it('publishes nothing when the branch already holds the build', () => {
    publish()
    const head = git(remote, 'rev-parse', 'gh-pages')
    const result = publish()

    expect(result.status).toBe(0)
    expect(result.output).toContain('nothing to publish')
    expect(git(remote, 'rev-parse', 'gh-pages')).toBe(head)
  })

  it('publishes to the remote given by --remote or GH_PAGES_REMOTE, never to origin', () => {
    const other = join(root, 'other.git')
    git(root, 'init', '--quiet', '--bare', other)
    git(project, 'remote', 'add', 'mirror', other)

    expect(publish(['--remote', 'mirror']).status).toBe(0)
    expect(git(other, 'ls-tree', '--name-only', 'gh-pages')).toContain('access')
    writeDist({ ...firstBuild, 'index.html': '<p>app v1.1</p>' })
    expect(publish([], { GH_PAGES_REMOTE: 'mirror' }).status).toBe(0)
    expect(git(other, 'rev-list', '--count', 'gh-pages')).toBe('2')
    expect(git(remote, 'branch', '--list', 'gh-pages')).toBe('')
  })

  it('says what to do when the remote or the build is missing, and changes nothing', () => {
    const before = otherRefs()
    const noRemote = publish(['--remote', 'nowhere'])
    expect(noRemote.status).toBe(1)
    expect(noRemote.output).toContain('No git remote "nowhere"')

    rmSync(join(project, 'dist', '404.html'))
    const noBuild = publish()
    expect(noBuild.status).toBe(1)
    expect(noBuild.output).toMatch(/404\.html is missing: build first/)
    expect(git(remote, 'branch', '--list', 'gh-pages')).toBe('')
    expect(otherRefs()).toEqual(before)
  })
})
