#!/usr/bin/env node
// Publishes a built dist/ to the gh-pages branch of this fork (README, "Publish on GitHub Pages").
// Plain Node and the git command line, no dependencies. `npm run publish:gh-pages` builds first.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const usage = `Usage: node scripts/publish-gh-pages.mjs [--remote origin] [--branch gh-pages] [--dist dist] [--message "..."]

Commits dist/ to the branch as access/ (served at https://<account>.github.io/<repository>/access/),
with the root 404.html GitHub Pages answers for other addresses and .nojekyll. Other files of the
branch (a CNAME, for instance) are kept. The repository is the one the git remote points to.
Environment: GH_PAGES_REMOTE, GH_PAGES_BRANCH give the defaults of --remote and --branch.`

// GitHub Pages answers a project site's missing addresses with this file, at the branch's root.
const notFoundPage = '404.html'
const appFolder = 'access'
const ownedPaths = [appFolder, notFoundPage, '.nojekyll']

function fail(message) {
  console.error(`✖ ${message}`)
  process.exit(1)
}

function git(args, options = {}) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }).trim()
}

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        remote: { type: 'string', default: process.env.GH_PAGES_REMOTE || 'origin' },
        branch: { type: 'string', default: process.env.GH_PAGES_BRANCH || 'gh-pages' },
        dist: { type: 'string', default: 'dist' },
        message: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
    return values
  } catch (err) {
    fail(`${err.message}\n\n${usage}`)
  }
}

function remoteUrl(remote) {
  try {
    return git(['remote', 'get-url', remote])
  } catch {
    return fail(
      `No git remote "${remote}". Add your fork (git remote add ${remote} git@github.com:<account>/app-web-auth3.git) or pass --remote.`,
    )
  }
}

/** Where GitHub serves the branch, when the remote is on github.com. */
function pagesAddress(url) {
  const match = /github\.com[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url)
  return match ? `https://${match[1].toLowerCase()}.github.io/${match[2]}/${appFolder}/` : null
}

function checkBuild(dist) {
  for (const file of ['index.html', notFoundPage]) {
    if (!existsSync(join(dist, file)))
      fail(
        `${join(dist, file)} is missing: build first (npm run build), or use npm run publish:gh-pages, which builds.`,
      )
  }
}

/** The commit identity of this project (its own or the global git config), for the publishing repository. */
function identityEnv() {
  const read = (key) => {
    try {
      return git(['config', key])
    } catch {
      return ''
    }
  }
  const [name, email] = [read('user.name'), read('user.email')]
  return {
    ...(name ? { GIT_AUTHOR_NAME: name, GIT_COMMITTER_NAME: name } : {}),
    ...(email ? { GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_EMAIL: email } : {}),
  }
}

function defaultMessage() {
  try {
    return `Publish app-web-auth3 from ${git(['describe', '--always', '--dirty'])}`
  } catch {
    return 'Publish app-web-auth3'
  }
}

/** The branch's current commit, fetched into the scratch repository, or null when the branch does not exist yet. */
function fetchBranch(scratchGit, url, branch) {
  if (git(['ls-remote', '--heads', url, branch]) === '') return null
  scratchGit(['fetch', '--quiet', '--depth=1', url, `refs/heads/${branch}`])
  return scratchGit(['rev-parse', 'FETCH_HEAD'])
}

/** Lays out the site: access/ (the build), the root 404.html fallback and .nojekyll (serve files starting with "_" too). */
function layOutSite(dist, site) {
  cpSync(dist, join(site, appFolder), { recursive: true })
  cpSync(join(dist, notFoundPage), join(site, notFoundPage))
  writeFileSync(join(site, '.nojekyll'), '')
}

function publish(options) {
  const dist = resolve(options.dist)
  checkBuild(dist)
  const url = remoteUrl(options.remote)
  const scratch = mkdtempSync(join(tmpdir(), 'gh-pages-'))
  try {
    const site = join(scratch, 'site')
    mkdirSync(site)
    // Identity from the environment first, as git itself does, then from this project's config.
    const env = { ...identityEnv(), ...process.env, GIT_DIR: join(scratch, 'repo.git'), GIT_WORK_TREE: site }
    const scratchGit = (args) => git(args, { env, cwd: site })
    git(['init', '--quiet', '--bare', env.GIT_DIR])
    const parent = fetchBranch(scratchGit, url, options.branch)
    // Start from the branch as it is, then replace only what this script owns.
    if (parent) scratchGit(['read-tree', parent])
    scratchGit(['rm', '-r', '--cached', '--quiet', '--ignore-unmatch', '--', ...ownedPaths])
    layOutSite(dist, site)
    scratchGit(['add', '--force', '--', ...ownedPaths])
    const tree = scratchGit(['write-tree'])
    if (parent && tree === scratchGit(['rev-parse', `${parent}^{tree}`])) {
      console.log(`${options.branch} already holds this build: nothing to publish.`)
      return
    }
    const message = options.message ?? defaultMessage()
    const commit = scratchGit(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])
    scratchGit(['push', '--quiet', url, `${commit}:refs/heads/${options.branch}`])
    console.log(
      `${parent ? 'Published' : 'Created'} ${options.branch} on ${options.remote} (${url}): ${commit.slice(0, 12)} "${message}"`,
    )
    const address = pagesAddress(url)
    if (address)
      console.log(
        `GitHub Pages serves it at ${address} (first time: Settings > Pages > Deploy from branch "${options.branch}", folder "/ (root)").`,
      )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

const options = readOptions()
if (options.help) {
  console.log(usage)
} else {
  try {
    publish(options)
  } catch (err) {
    fail(`${err.stderr?.toString().trim() || err.message}`)
  }
}
