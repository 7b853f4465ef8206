import DOMPurify from 'dompurify'
import { marked } from 'marked'

const allowedTags = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'ul',
  'ol',
  'li',
  'a',
  'code',
  'pre',
  'blockquote',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return
  const href = node.getAttribute('href') ?? ''
  // Only web and mail links survive; they open outside the popup, without a handle back to it.
  if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href')
  node.setAttribute('target', '_blank')
  node.setAttribute('rel', 'noopener noreferrer')
})

/** The app's consent message as safe HTML: markdown rendered, then sanitized to a small set of tags. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source.slice(0, 10_000), { async: false, gfm: true })
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: allowedTags, ALLOWED_ATTR: ['href', 'target', 'rel'] })
}
