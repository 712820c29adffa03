type LexicalNode = { text?: unknown; children?: unknown; type?: unknown }

/** The words of a Lexical rich-text value, paragraphs separated by newlines; for checks, not display. */
export const lexicalPlainText = (value: unknown): string => {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const out: string[] = []
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') out.push(node.text)
    if (Array.isArray(node.children)) {
      node.children.forEach((child) => walk(child as LexicalNode))
      if (
        node.type === 'paragraph' ||
        node.type === 'heading' ||
        node.type === 'listitem' ||
        node.type === 'quote'
      )
        out.push('\n')
    }
  }
  walk(root)
  return out.join('').replace(/\n+/g, '\n').trim()
}

/** A minimal Lexical document holding the given paragraphs: for the seed and tests. */
export const lexicalFromParagraphs = (paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      textFormat: 0,
      children: [
        { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      ],
    })),
  },
})
