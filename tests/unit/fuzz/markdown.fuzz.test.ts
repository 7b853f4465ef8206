import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '@/services/markdown'
import { fuzzTimeoutMs } from './fuzzSettings'

// Pieces attackers put in an app's consent message, mixed with ordinary markdown.
const piece = fc.oneof(
  fc.constantFrom(
    '<script>window.hacked=1</script>',
    '<img src=x onerror="window.hacked=1">',
    '<a href="javascript:alert(1)">x</a>',
    '[link](javascript:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD4=)',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="window.hacked=1"></svg>',
    '<a href="https://ok.example" onclick="window.hacked=1">ok</a>',
    '<style>*{display:none}</style>',
    '<form action="https://evil.example"><input name=p></form>',
    '[ok](https://ok.example)',
    '**bold**',
    '\n\n',
    '> quote',
    '- item',
    '<div style="position:fixed;inset:0">cover</div>',
    '<a href="JAVASCRIPT:alert(1)">y</a>',
    '<a href=" javascript:alert(1)">z</a>',
  ),
  fc.string(),
)

describe('the consent message, whatever an app writes', () => {
  it(
    'renders no script, handler, frame, form, style or non-web link; every link opens apart',
    () => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
          const holder = document.createElement('div')
          holder.innerHTML = renderMarkdown(pieces.join(' '))
          expect(holder.querySelectorAll('script, iframe, svg, form, input, style, img, object, embed')).toHaveLength(0)
          for (const element of holder.querySelectorAll('*')) {
            expect(element.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style')).toEqual([])
          }
          for (const link of holder.querySelectorAll('a')) {
            const href = link.getAttribute('href')
            if (href !== null) expect(href).toMatch(/^(https?:|mailto:)/i)
            expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer'])
          }
        }),
        { numRuns: 300 },
      )
    },
    fuzzTimeoutMs,
  )
})
