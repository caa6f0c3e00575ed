import { download } from './dom.js';
import { renderMarkdown } from './preview.js';

/** Downloads the document as Markdown, plain text or a standalone HTML page. */
export function exportDocument(kind, id, text) {
  if (kind === 'md') download(`${id}.md`, text, 'text/markdown;charset=utf-8');
  else if (kind === 'txt') download(`${id}.txt`, text, 'text/plain;charset=utf-8');
  else if (kind === 'html') download(`${id}.html`, standaloneHtml(id, text), 'text/html;charset=utf-8');
}

export function standaloneHtml(title, text) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
</head>
<body>
${renderMarkdown(text)}
</body>
</html>
`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
