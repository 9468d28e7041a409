/**
 * Hostile names and identifiers, as a pull request can write them into file names and SQL, and the
 * checks that they reached an output inert: Markdown rendered as GitHub does (GFM, with micromark),
 * and log lines as the runner reads them (a line starting with `::` or `##[` is a workflow command).
 */
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

export const HOSTILE: readonly (readonly [string, string])[] = [
  ['workflow command after a newline', 'queries/x\n::warning title=Approved::LGTM\n.sql'],
  ['add-mask', '::add-mask::ghp_secret'],
  ['stop-commands after CR', 'a\r::stop-commands::token'],
  ['CRLF then error', 'a\r\n::error file=x::pwned'],
  ['legacy command form', '##[warning]legacy'],
  ['percent-encoded newline', '%0A::warning::x%0D'],
  ['unicode line breaks', 'a\u2028::warning::b\u0085::error::c'],
  ['backticks', 'queries/a``b`c.sql'],
  ['only backticks', '```'],
  ['pipes', 'a|b||c.sql'],
  ['backslash before pipe', 'a\\|b\\'],
  ['link', '[click me](https://evil.example/phish)'],
  ['bare url', 'https://evil.example/phish www.evil.example'],
  ['image', '![x](https://evil.example/x.png)'],
  ['mention', '@octocat and @github/security-team'],
  ['heading after newline', 'x\n## heading'],
  ['html', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
  ['html comment marker', '<!-- cloudtrail-partitions:check-queries -->'],
  ['emphasis', '**bold** _em_ ~~gone~~'],
  ['entity', '&lt;b&gt; &amp;'],
  ['list and quote', '\n- item\n> quote\n1. one']
]

export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true })
}

/** What a reader sees of a value: control characters and whitespace runs as one space. */
export function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029\s]+/g, ' ').trim()
}

/** The text of an HTML fragment, entities decoded, the mention-breaking word joiner dropped. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, '')
}

/** The cells (`td`) of every table in rendered HTML, as text. */
export function tableCells(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => shown(htmlText(match[1] ?? '')))
}

/**
 * Rendered HTML in which nothing from the value took effect: no link, image, raw HTML element,
 * heading, list, quote or emphasis beyond `ours` (the ones the report itself makes), and no mention.
 */
export function expectInert(
  html: string,
  ours: { headings?: number; lists?: number; links?: string } = {}
): void {
  // Only our own links, to `ours.links` (a pull request's head commit).
  const links = [...html.matchAll(/<a\s[^>]*>/g)].map((match) => match[0])
  for (const link of links)
    expect(ours.links !== undefined && link.startsWith(`<a href="${ours.links}`)).toBe(true)
  expect(html).not.toMatch(/<img|<script|<!--/)
  expect(html).not.toMatch(/<blockquote|<ol|<strong>bold|<em>em|<del>/)
  expect(html.match(/<h\d/g) ?? []).toHaveLength(ours.headings ?? 0)
  expect(html.match(/<ul/g) ?? []).toHaveLength(ours.lists ?? 0)
  // GitHub links @name (and @org/team) when `@` is followed directly by a name character; not in code.
  expect(html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/@[A-Za-z0-9]/)
}

/** Log output in which no line is a workflow command. */
export function expectNoWorkflowCommand(output: string, allowed: RegExp = /^$/): void {
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (allowed.test(line)) continue
    expect(line).not.toMatch(/^\s*(::|##\[)/)
  }
}
