// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '@/services/markdown'

function parse(html: string): HTMLElement {
  const root = document.createElement('div')
  root.innerHTML = html
  return root
}

describe('renderMarkdown', () => {
  it('removes images with handlers and scripts', () => {
    const html = renderMarkdown('before <img src=x onerror=alert(1)> <script>alert(2)</script> after')
    expect(html).not.toMatch(/<img|onerror|<script|alert/i)
    expect(parse(html).textContent).toContain('before')
    expect(parse(html).textContent).toContain('after')
  })

  it('drops the href of javascript: and data: links, keeping their text', () => {
    for (const source of ['[x](javascript:alert(1))', '[x](data:text/html,hi)']) {
      const link = parse(renderMarkdown(source)).querySelector('a')
      expect(link?.textContent).toBe('x')
      expect(link?.hasAttribute('href')).toBe(false)
    }
  })

  it('opens web and mail links outside the popup without a handle back', () => {
    for (const href of ['https://pryv.com/terms', 'http://example.com/', 'mailto:support@pryv.com']) {
      const link = parse(renderMarkdown(`[read](${href})`)).querySelector('a')
      expect(link?.getAttribute('href')).toBe(href)
      expect(link?.getAttribute('target')).toBe('_blank')
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer')
    }
  })

  it('keeps emphasis and lists', () => {
    const root = parse(renderMarkdown('*soft* and **strong**\n\n- one\n- two'))
    expect(root.querySelector('em')?.textContent).toBe('soft')
    expect(root.querySelector('strong')?.textContent).toBe('strong')
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two'])
  })

  it('drops attributes outside the allowed set', () => {
    const html = renderMarkdown('<p style="color:red" class="x" onclick="alert(1)">hi</p>')
    expect(html).toBe('<p>hi</p>')
  })
})
