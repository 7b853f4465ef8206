/** The look the demo platform's own pages share (the demo apps), so they read as one tool. */
const demoPageStyle = `<style>
  body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, textarea, select { width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }
  textarea { font-family: ui-monospace, monospace; min-height: 5rem; }
  button { margin-top: 1rem; font: inherit; padding: .5rem 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
  dd { margin: 0; word-break: break-all; }
  .error { color: #a00; }
</style>`

/** The start of every demo page, up to its `<body>`. */
export function demoPageHead(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${demoPageStyle}
</head>`
}
