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

describe('renderMarkdown, the allowed set', () => {
  const every = [
    '### h3',
    '#### h4',
    '##### h5',
    '###### h6',
    'line one  \nline two with *i* and **b** and `code`',
    '- bullet',
    '1. numbered',
    '> quoted',
    '```\npre\n```',
    '---',
    '<b>bold</b> <i>italic</i>',
  ].join('\n\n')

  it('keeps each tag a consent message may use', () => {
    const tags = new Set([...parse(renderMarkdown(every)).querySelectorAll('*')].map((node) => node.localName))
    expect([...tags].sort()).toEqual(
      [
        'b',
        'blockquote',
        'br',
        'code',
        'em',
        'h3',
        'h4',
        'h5',
        'h6',
        'hr',
        'i',
        'li',
        'ol',
        'p',
        'pre',
        'strong',
        'ul',
      ].sort(),
    )
  })

  it('keeps the text of any other tag, without the tag', () => {
    const root = parse(renderMarkdown('# Title\n\n## Sub\n\n<div><span>inside</span></div>\n\n| a |\n|---|\n| b |'))
    expect(root.querySelector('h1, h2, div, span, table, td')).toBeNull()
    expect(root.textContent).toContain('Title')
    expect(root.textContent).toContain('inside')
  })

  it('drops the href of links to any other scheme, or relative, that the sanitizer alone would keep', () => {
    for (const href of ['tel:+41000000000', 'ftp://files.example/x', '/relative', '#anchor', 'sms:+41000000000']) {
      const link = parse(renderMarkdown(`[x](${href})`)).querySelector('a')
      expect(link?.hasAttribute('href'), href).toBe(false)
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer')
    }
    const tricked = parse(renderMarkdown('<a href="tel:1?https://ok.example">x</a>')).querySelector('a')
    expect(tricked?.hasAttribute('href')).toBe(false)
  })

  it('links a bare web address, as GitHub-flavoured markdown does', () => {
    expect(parse(renderMarkdown('see https://pryv.com/terms')).querySelector('a')?.getAttribute('href')).toBe(
      'https://pryv.com/terms',
    )
  })

  it('reads only the first 10,000 characters of the source', () => {
    expect(parse(renderMarkdown('a'.repeat(10_000) + 'b')).textContent?.trim()).toBe('a'.repeat(10_000))
  })
})
