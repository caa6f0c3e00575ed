import { download } from './dom.js';
import { loadMarkdown } from './preview.js';

/** Downloads the document as Markdown, plain text or a standalone HTML page. */
export async function exportDocument(kind, id, text) {
  if (kind === 'md') download(`${id}.md`, text, 'text/markdown;charset=utf-8');
  else if (kind === 'txt') download(`${id}.txt`, text, 'text/plain;charset=utf-8');
  else if (kind === 'html') {
    const { renderMarkdown } = await loadMarkdown();
    download(`${id}.html`, standaloneHtml(id, renderMarkdown(text)), 'text/html;charset=utf-8');
  }
}

/** A whole HTML document around already sanitised `body` HTML; the title is escaped. */
export function standaloneHtml(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
</body>
</html>
`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
