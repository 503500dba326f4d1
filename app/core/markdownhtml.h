#pragma once

#include <QString>

namespace k8sfc {

/// Turns the Markdown the decks use into simple HTML for other programs (Anki): paragraphs,
/// headings, **bold**, *italic*, `code`, fenced code blocks (`<pre><code>`) and bullet and
/// numbered lists, nested by indentation. Everything else is kept as text.
///
/// Safe by construction: every piece of the input is HTML-escaped before any tag is added, so no
/// markup in a card can reach the output. The result has no tab or line break characters (a code
/// block's lines are joined with `<br>`), so it fits in one field of a tab-separated file.
class MarkdownHtml
{
public:
    /// `MarkdownHtml::toHtml("Use **`kubectl`**")` → `<p>Use <b><code>kubectl</code></b></p>`
    static QString toHtml(const QString &markdown);
    /// HTML-escaped text (`&`, `<`, `>`, `"`) with tabs as `&#9;` and line breaks as `<br>`.
    static QString escapeText(const QString &text);
    /// Inline Markdown of one paragraph: code spans, bold and italic; escaped.
    static QString inlineHtml(const QString &text);
};

} // namespace k8sfc
